import { MORE_STATEFUL_TYPES, SNAPSHOT_TYPES } from '../src/spec/retention';
import { outcomes, propertiesOf } from '../src/lint/certain';
import type { Rule } from '../src/lint/types';


/**
 * Spec-stateful types not checked by default, each for a reason the docs page gives: their content
 * expires by design, deletion has a recovery window, or the data lives elsewhere.
 */
const DEFAULT_IGNORED = [
  'AWS::CloudFormation::Stack',
  'AWS::EMR::Cluster',
  'AWS::KMS::Key',
  'AWS::Logs::LogGroup',
  'AWS::SQS::Queue',
  'AWS::SecretsManager::Secret',
];


/**
 * Types CloudFormation cannot delete while they hold data (as cfn-lint's `DeleteRequiresEmptyResource`
 * says of S3): a stack delete fails on them instead of losing the data, and a replacement leaves the old
 * one behind, outside the stack. What they hold, for the message.
 */
const DELETE_REQUIRES_EMPTY: ReadonlyMap<string, string> = new Map([
  ['AWS::Backup::BackupVault', 'recovery points'],
  ['AWS::S3::Bucket', 'objects'],
  ['AWS::S3Express::DirectoryBucket', 'objects'],
]);

/** What Delete does to a resource of `type`, on stack deletion and on replacement. */
function consequences(type: string): { both: string; deletion: string; replace: string } {
  const content = DELETE_REQUIRES_EMPTY.get(type);
  if (content === undefined) {
    return {
      both: 'deleting the stack or an update that replaces the resource deletes its data',
      deletion: 'deleting the stack or removing the resource deletes its data',
      replace: 'an update that replaces the resource deletes the old one with its data',
    };
  }
  return {
    both: `deleting the stack fails on it while it holds ${content} (and deletes it once emptied), and an update that replaces it leaves the old one with its ${content} outside the stack`,
    deletion: `deleting the stack fails on it while it holds ${content}, and deletes it once emptied`,
    replace: `an update that replaces it leaves the old one with its ${content} outside the stack, or deletes it if empty`,
  };
}

const RETAINS_ON_DELETE: ReadonlySet<string> = new Set(['Retain', 'RetainExceptOnCreate', 'Snapshot']);
const RETAINS_ON_REPLACE: ReadonlySet<string> = new Set(['Retain', 'Snapshot']);

/** How a resource's DeletionPolicy or UpdateReplacePolicy protects its data. */
type PolicyState = { readonly ok: true } | { readonly ok: false; readonly value: string | undefined };

/**
 * The state of one policy attribute: ok when it retains, or when any `Fn::If` branch does (a
 * deliberate per-environment choice) or the value is behind a parameter; else the value it has.
 */
function policyState(value: unknown, retaining: ReadonlySet<string>): PolicyState {
  const list = outcomes(value);
  if (list.some((o) => o.kind === 'unknown' || (o.kind === 'known' && (typeof o.value !== 'string' || retaining.has(o.value))))) return { ok: true };
  const first = list.find((o) => o.kind === 'known');
  return { ok: false, value: first?.kind === 'known' ? String(first.value) : undefined };
}

/**
 * A resource that holds no data of its own although its type can: an instance of a DB cluster (the
 * cluster holds the data), a read replica, a Memcached node (a cache by design).
 */
function holdsNoOwnData(type: string, properties: { [key: string]: unknown }): boolean {
  const present = (name: string) => outcomes(properties[name]).every((o) => o.kind !== 'absent');
  switch (type) {
    case 'AWS::RDS::DBInstance':
      return present('DBClusterIdentifier') || present('SourceDBInstanceIdentifier');
    case 'AWS::DocDB::DBInstance':
    case 'AWS::Neptune::DBInstance':
      return true;
    case 'AWS::ElastiCache::CacheCluster': {
      const engine = properties.Engine;
      return present('ReplicationGroupId') || (typeof engine === 'string' && engine.toLowerCase() === 'memcached');
    }
    default:
      return false;
  }
}

/**
 * Reports resources that hold data without a retaining DeletionPolicy and UpdateReplacePolicy: both
 * default to Delete, so deleting the stack, removing the resource or an update that replaces it deletes
 * the data with it.
 */
export const rule: Rule = {
  meta: {
    id: 'stateful-retention',
    severity: 'warning',
    category: 'practice',
    description: 'Require DeletionPolicy and UpdateReplacePolicy that keep the data of stateful resources',
    cfnLint: ['I3011', 'W3011'],
    options: {
      ignoreTypes: {
        default: DEFAULT_IGNORED,
        description: 'resource types not checked although the spec marks them stateful (see the docs page for why each is listed)',
      },
      extraTypes: { default: [], description: 'more resource types to check (e.g. a registry type that holds data)' },
    },
    messages: {
      missingBoth: '{{type}} holds data but has neither DeletionPolicy nor UpdateReplacePolicy, so both default to Delete: {{consequence}}. Set both to {{fix}}',
      deletion: 'DeletionPolicy of {{type}} is {{value}}: {{consequence}}. Set DeletionPolicy to {{fix}}',
      replace: 'UpdateReplacePolicy of {{type}} is {{value}}: {{consequence}}. Set UpdateReplacePolicy to {{fix}}',
    },
  },
  create(context) {
    const list = (value: unknown, fallback: readonly string[]) => new Set<unknown>(Array.isArray(value) ? value : fallback);
    const ignored = list(context.options.ignoreTypes, DEFAULT_IGNORED);
    const extra = list(context.options.extraTypes, []);
    const isStateful = (type: string) =>
      !ignored.has(type) && (extra.has(type) || MORE_STATEFUL_TYPES.has(type) || context.spec.resource(type)?.s === 1);
    return {
      resource: {
        '*': ({ resource, path }) => {
          const type = resource.Type;
          if (typeof type !== 'string' || !isStateful(type)) return;
          if (holdsNoOwnData(type, propertiesOf(resource as unknown as { [key: string]: unknown }))) return;
          const deletion = policyState(resource.DeletionPolicy, RETAINS_ON_DELETE);
          const replace = policyState(resource.UpdateReplacePolicy, RETAINS_ON_REPLACE);
          const fix = SNAPSHOT_TYPES.has(type) ? 'Retain or Snapshot' : 'Retain';
          const consequence = consequences(type);
          if (!deletion.ok && !replace.ok && deletion.value === undefined && replace.value === undefined) {
            context.report({ path, key: true, messageId: 'missingBoth', data: { type, fix, consequence: consequence.both } });
            return;
          }
          if (!deletion.ok) {
            const at = deletion.value === undefined ? { path, key: true } : { path: [...path, 'DeletionPolicy'] };
            const deletionFix = SNAPSHOT_TYPES.has(type) ? 'Retain, RetainExceptOnCreate or Snapshot' : 'Retain or RetainExceptOnCreate';
            const value = deletion.value ?? 'missing (Delete)';
            context.report({ ...at, messageId: 'deletion', data: { type, value, consequence: consequence.deletion, fix: deletionFix } });
          }
          if (!replace.ok) {
            const at = replace.value === undefined ? { path, key: true } : { path: [...path, 'UpdateReplacePolicy'] };
            context.report({ ...at, messageId: 'replace', data: { type, value: replace.value ?? 'missing (Delete)', consequence: consequence.replace, fix } });
          }
        },
      },
    };
  },
};
