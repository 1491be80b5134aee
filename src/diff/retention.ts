/**
 * What happens to the data of a resource that is removed or replaced, from its `DeletionPolicy`
 * (removal: the deployed template's) or `UpdateReplacePolicy` (replacement: the new template's).
 * See https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-updatereplacepolicy.html
 */
import type { TemplateValue } from '../model/intrinsics';
import { isStateful, supportsSnapshot } from './stateful';
import type { Risk } from './types';

/** The outcome for one resource's data. */
export interface Retention {
  /** `Retain`-like or working `Snapshot` policy: the data outlives the change. */
  readonly kept: boolean;
  readonly dataLoss: boolean;
  readonly reason?: string;
  readonly risk?: Risk;
}

/** A policy value as written, when it is a literal; undefined when absent or computed (`Fn::If`). */
function literal(policy: TemplateValue | undefined): string | undefined {
  return typeof policy === 'string' ? policy : undefined;
}

/**
 * The fate of a resource of `type` whose physical resource is deleted by `event` (`remove`, `replace`,
 * or a possible replacement, `may-replace`) under `policy`.
 */
export function retention(type: string, event: 'remove' | 'replace' | 'may-replace', policy: TemplateValue | undefined, label: string): Retention {
  const attribute = event === 'remove' ? 'DeletionPolicy' : 'UpdateReplacePolicy';
  const value = literal(policy);
  const what = event === 'remove' ? 'removing it' : event === 'replace' ? 'replacing it' : 'if CloudFormation replaces it, that';
  const stateful = isStateful(type);
  if (value === 'Retain' || value === 'RetainExceptOnCreate') {
    return { kept: true, dataLoss: false, reason: `${attribute} ${value}: the ${event === 'remove' ? '' : 'old '}${label} is kept, outside the stack` };
  }
  if (value === 'Snapshot' && supportsSnapshot(type)) {
    const reason = `${attribute} Snapshot: a final snapshot is taken before the ${event === 'remove' ? '' : 'old '}${label} is deleted, so the data survives as a snapshot`;
    return { kept: true, dataLoss: false, reason, ...(stateful ? { risk: { code: 'snapshot', message: reason } } : {}) };
  }
  if (!stateful) return { kept: false, dataLoss: false };
  const why =
    value === 'Snapshot'
      ? `${attribute} Snapshot is not supported for ${type}, so nothing is kept`
      : policy !== undefined && value === undefined
        ? `${attribute} is computed at deploy time`
        : `no ${attribute} Retain or Snapshot`;
  if (event === 'may-replace') {
    return { kept: false, dataLoss: false, risk: { code: 'possible-data-loss', message: `${what} deletes the old ${label} and its data (${why})` } };
  }
  const message = `${what} deletes the ${event === 'replace' ? 'old ' : ''}${label} and its data (${why})`;
  return { kept: false, dataLoss: true, reason: message, risk: { code: 'data-loss', message } };
}
