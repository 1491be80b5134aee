import { Intrinsic } from '../src/model/intrinsics';
import type { Template } from '../src/model/template';
import { isTrue, outcomes, propertiesOf, referencedResource, resourcesOf } from '../src/lint/certain';
import type { Rule } from '../src/lint/types';
import { isPlainObject, walkValue } from '../src/lint/walk';

const TABLE_TYPES: ReadonlySet<string> = new Set(['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable']);

/** Stream view types whose REMOVE records carry the key only. */
const NO_OLD_IMAGE: ReadonlySet<string> = new Set(['KEYS_ONLY', 'NEW_IMAGE']);

/** Destinations that make an unfiltered stream consumer of a TTL table an archive pipeline. */
const ARCHIVE_SINK_TYPES: ReadonlySet<string> = new Set(['AWS::KinesisFirehose::DeliveryStream', 'AWS::Kinesis::Stream']);

/** A stream consumer in the template: where it reads and what it selects and feeds. */
interface Consumer {
  readonly logicalId: string;
  readonly type: string;
  /** The table whose StreamArn it reads. */
  readonly table: string;
  /** Filter patterns (parsed), or undefined when it has none. */
  readonly patterns: readonly unknown[] | undefined;
  /** Values that say where its records go: a pipe's target, the function's environment. */
  readonly sinks: readonly unknown[];
}

/**
 * Reports a DynamoDB stream whose view type (KEYS_ONLY, NEW_IMAGE) leaves REMOVE records without the
 * deleted item while a consumer in the template archives deletions: the archive receives keys only.
 */
export const rule: Rule = {
  meta: {
    id: 'dynamodb-stream-old-image',
    severity: 'warning',
    category: 'practice',
    description: 'Require an old image in DynamoDB streams whose consumer archives deleted items',
    cfnLint: [],
    options: {},
    messages: {
      keysOnly:
        'StreamViewType {{view}} of "{{table}}" gives REMOVE records no old image, so {{consumerType}} "{{consumer}}", which archives deleted items, receives their keys only. Set StreamViewType to NEW_AND_OLD_IMAGES (or OLD_IMAGE)',
    },
  },
  create(context) {
    return {
      template(template) {
        const resources = resourcesOf(template);
        const types = new Map(resources.map((r) => [r.logicalId, r.type]));
        const consumers = resources.flatMap((r) => consumersOf(r.logicalId, r.type, propertiesOf(r.resource), template));
        for (const { logicalId, type, resource } of resources) {
          if (!TABLE_TYPES.has(type)) continue;
          const properties = propertiesOf(resource);
          const stream = properties.StreamSpecification;
          const views = outcomes(stream, template).flatMap((s) =>
            s.kind === 'known' && isPlainObject(s.value)
              ? outcomes(s.value.StreamViewType, template).flatMap((o) => (o.kind === 'known' && typeof o.value === 'string' && NO_OLD_IMAGE.has(o.value) ? [o.value] : []))
              : [],
          );
          if (views.length === 0) continue;
          const ttl = outcomes(properties.TimeToLiveSpecification, template).some(
            (t) => t.kind === 'known' && isPlainObject(t.value) && outcomes(t.value.Enabled, template).some((o) => o.kind === 'known' && isTrue(o.value)),
          );
          const archiver = consumers.find((c) => c.table === logicalId && archivesDeletions(c, ttl, types));
          if (!archiver) continue;
          context.report({
            path: ['Resources', logicalId, 'Properties', 'StreamSpecification', ...(isPlainObject(stream) ? ['StreamViewType'] : [])],
            messageId: 'keysOnly',
            data: { view: views[0], table: logicalId, consumerType: archiver.type, consumer: archiver.logicalId },
          });
        }
      },
    };
  },
};

/** The stream consumers a resource declares: an event source mapping, a pipe, a SAM function's DynamoDB events. */
function consumersOf(logicalId: string, type: string, properties: { [key: string]: unknown }, template: Template): Consumer[] {
  const streamTable = (value: unknown) => referencedResource(value, 'StreamArn');
  if (type === 'AWS::Lambda::EventSourceMapping') {
    const table = streamTable(properties.EventSourceArn);
    if (!table) return [];
    const fn = referencedResource(properties.FunctionName) ?? referencedResource(properties.FunctionName, 'Arn');
    return [{ logicalId, type, table, patterns: patternsOf(properties.FilterCriteria), sinks: fn ? functionSinks(template, fn) : [] }];
  }
  if (type === 'AWS::Pipes::Pipe') {
    const table = streamTable(properties.Source);
    if (!table) return [];
    const source = isPlainObject(properties.SourceParameters) ? properties.SourceParameters : {};
    return [{ logicalId, type, table, patterns: patternsOf(source.FilterCriteria), sinks: [properties.Target] }];
  }
  if (type === 'AWS::Serverless::Function' && isPlainObject(properties.Events)) {
    const out: Consumer[] = [];
    for (const event of Object.values(properties.Events)) {
      if (!isPlainObject(event) || event.Type !== 'DynamoDB' || !isPlainObject(event.Properties)) continue;
      const table = streamTable(event.Properties.Stream);
      if (table) out.push({ logicalId, type, table, patterns: patternsOf(event.Properties.FilterCriteria), sinks: [properties.Environment] });
    }
    return out;
  }
  return [];
}

/** The `Environment` of a function the template declares, as a value to search for sinks. */
function functionSinks(template: Template, logicalId: string): unknown[] {
  const fn = isPlainObject(template.Resources) ? template.Resources[logicalId] : undefined;
  if (!isPlainObject(fn)) return [];
  return [propertiesOf(fn).Environment];
}

/** Parsed filter patterns of a FilterCriteria, undefined when it has none or one cannot be read. */
function patternsOf(criteria: unknown): unknown[] | undefined {
  if (!isPlainObject(criteria) || !Array.isArray(criteria.Filters) || criteria.Filters.length === 0) return undefined;
  const out: unknown[] = [];
  for (const filter of criteria.Filters) {
    if (!isPlainObject(filter)) return undefined;
    const pattern = filter.Pattern;
    if (typeof pattern === 'string') {
      try {
        out.push(JSON.parse(pattern));
      } catch {
        return undefined;
      }
    } else if (isPlainObject(pattern)) out.push(pattern);
    else return undefined;
  }
  return out;
}

/**
 * Whether a filter pattern passes deletions: true when it selects REMOVE events or the TTL service's
 * deletions, false when it lists event names without REMOVE, undefined when it does not filter on them.
 */
function selectsDeletions(pattern: unknown): boolean | undefined {
  if (!isPlainObject(pattern)) return undefined;
  const identity = pattern.userIdentity;
  if (isPlainObject(identity) && JSON.stringify(identity).includes('dynamodb.amazonaws.com')) return true;
  const names = pattern.eventName;
  if (!Array.isArray(names)) return undefined;
  if (names.includes('REMOVE')) return true;
  return names.every((n) => typeof n === 'string') ? false : undefined;
}

/**
 * A consumer archives deletions when its filter selects them, or when it is unfiltered, the table
 * deletes by TTL, and it feeds a Kinesis Data Firehose delivery stream or a Kinesis data stream.
 */
function archivesDeletions(consumer: Consumer, ttl: boolean, types: ReadonlyMap<string, string>): boolean {
  if (consumer.patterns) {
    const selected = consumer.patterns.map(selectsDeletions);
    if (selected.includes(true)) return true;
    if (selected.every((s) => s === false)) return false;
  }
  return ttl && consumer.sinks.some((sink) => feedsArchive(sink, types));
}

function feedsArchive(value: unknown, types: ReadonlyMap<string, string>): boolean {
  let found = false;
  walkValue(value, [], (v) => {
    if (found) return;
    if (v instanceof Intrinsic) {
      const target = referencedResource(v) ?? referencedResource(v, 'Arn');
      if (target && ARCHIVE_SINK_TYPES.has(types.get(target) ?? '')) found = true;
    } else if (typeof v === 'string' && /^arn:aws[a-z-]*:(firehose|kinesis):/.test(v)) found = true;
  });
  return found;
}
