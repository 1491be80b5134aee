import { isTrue, outcomes } from '../src/lint/certain';
import type { ResourceVisit, Rule, RuleContext } from '../src/lint/types';
import { isPlainObject } from '../src/lint/walk';

/**
 * Reports a DynamoDB table whose Time to Live is enabled while it has neither a DynamoDB stream nor a
 * Kinesis data stream: items TTL deletes are gone without a trace. Info: for sessions and caches that
 * is the point, so the finding is meant to be suppressed there, with the reason.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/time-to-live-ttl-streams.html
 */
export const rule: Rule = {
  meta: {
    id: 'dynamodb-ttl-archive',
    severity: 'info',
    category: 'practice',
    description: 'Report DynamoDB tables whose Time to Live deletes items that no stream can archive',
    cfnLint: [],
    options: {},
    messages: {
      noStream:
        'Time to Live deletes expired items of "{{table}}" and the table has no stream, so they vanish unarchived. Add StreamSpecification (StreamViewType NEW_AND_OLD_IMAGES or OLD_IMAGE) and a consumer that archives TTL deletions (Lambda → Kinesis Data Firehose → S3), or suppress this finding in the table\'s Metadata with the reason the items are disposable',
    },
  },
  create(context) {
    const check = (visit: ResourceVisit) => checkTable(context, visit);
    return { resource: { 'AWS::DynamoDB::Table': check, 'AWS::DynamoDB::GlobalTable': check } };
  },
};

function checkTable(context: RuleContext, { logicalId, resource, path }: ResourceVisit): void {
  const properties = resource.Properties;
  if (!isPlainObject(properties)) return;
  const ttl = properties.TimeToLiveSpecification;
  // Enabled on any branch of an Fn::If is a deployment that deletes by TTL.
  const enabled = outcomes(ttl, context.template).some(
    (o) => o.kind === 'known' && isPlainObject(o.value) && outcomes(o.value.Enabled, context.template).some((e) => e.kind === 'known' && isTrue(e.value)),
  );
  if (!enabled) return;
  const absent = (value: unknown) => outcomes(value, context.template).every((o) => o.kind === 'absent');
  if (!absent(properties.StreamSpecification) || !absent(properties.KinesisStreamSpecification)) return;
  // A global table streams to Kinesis per replica.
  const replicas = Array.isArray(properties.Replicas) ? properties.Replicas : [];
  if (replicas.some((r) => isPlainObject(r) && !absent(r.KinesisStreamSpecification))) return;
  const at = [...path, 'Properties', 'TimeToLiveSpecification', ...(isPlainObject(ttl) ? ['Enabled'] : [])];
  context.report({ path: at, messageId: 'noStream', data: { table: logicalId } });
}
