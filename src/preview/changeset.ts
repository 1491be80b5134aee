/**
 * Reading a change set: every page of DescribeChangeSet (following NextToken), nested stacks' change
 * sets too, and each ResourceChange turned into a confirmed change in cfnkit's terms. Field meanings:
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_ResourceChange.html
 */
import type { ResourceChange as AwsResourceChange, ResourceChangeDetail } from '@aws-sdk/client-cloudformation';
import { retention } from '../diff/retention';
import { isStateful, supportsSnapshot } from '../diff/stateful';
import type { ChangeAction, Impact, PropertyChange, Risk } from '../diff/types';
import { worst } from '../diff/replacement';
import type { CloudFormationApi } from './api';
import { fromAwsError } from './errors';
import type { ChangeSetDetail, ChangeSetResourceChange } from './types';

/** A resource change read from a change set, with its logical id path (`Parent/Child` when nested). */
export interface DescribedChange {
  readonly resource: string;
  readonly change: AwsResourceChange;
}

/**
 * Every ResourceChange of change set `changeSetId` and, recursively, of the nested stacks' change sets
 * (`ResourceChange.ChangeSetId`), with property values (IncludePropertyValues).
 */
export async function describeAllChanges(api: CloudFormationApi, changeSetId: string, signal?: AbortSignal, prefix = ''): Promise<DescribedChange[]> {
  const out: DescribedChange[] = [];
  const nested: Array<{ id: string; prefix: string }> = [];
  let NextToken: string | undefined;
  do {
    let page;
    try {
      page = await api.send('DescribeChangeSet', { ChangeSetName: changeSetId, IncludePropertyValues: true, ...(NextToken ? { NextToken } : {}) }, { abortSignal: signal });
    } catch (e) {
      throw fromAwsError(e, `describing change set ${changeSetId}`);
    }
    for (const c of page.Changes ?? []) {
      const rc = c.ResourceChange;
      if (!rc?.LogicalResourceId) continue;
      const resource = `${prefix}${rc.LogicalResourceId}`;
      out.push({ resource, change: rc });
      if (rc.ResourceType === 'AWS::CloudFormation::Stack' && rc.ChangeSetId) nested.push({ id: rc.ChangeSetId, prefix: `${resource}/` });
    }
    NextToken = page.NextToken;
  } while (NextToken);
  for (const n of nested) out.push(...(await describeAllChanges(api, n.id, signal, n.prefix)));
  return out;
}

/** The impact CloudFormation states for one detail (Replacement is True only for Always + Static). */
function detailImpact(d: ResourceChangeDetail): Impact {
  const rr = d.Target?.RequiresRecreation;
  if (rr === 'Always') return d.Evaluation === 'Dynamic' ? 'may-replace' : 'replace';
  if (rr === 'Conditionally') return 'may-replace';
  return 'update';
}

function detailPath(d: ResourceChangeDetail): string {
  const t = d.Target;
  if (t?.Path) {
    return t.Path.split('/')
      .filter((s) => s !== '')
      .map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`))
      .join('');
  }
  if (t?.Attribute === 'Properties' && t.Name) return `Properties.${t.Name}`;
  return t?.Attribute ?? 'unknown';
}

function detailCause(d: ResourceChangeDetail): string | undefined {
  if (d.ChangeSource === 'DirectModification' || !d.ChangeSource) return undefined;
  return `${d.ChangeSource}${d.CausingEntity ? ` ${d.CausingEntity}` : ''} (${d.Evaluation ?? 'Static'})`;
}

/** The change set's own fields, as cfnkit reports them. */
export function changeSetFields(rc: AwsResourceChange): ChangeSetResourceChange {
  const details: ChangeSetDetail[] = (rc.Details ?? []).map((d) => {
    const t = d.Target ?? {};
    const detail: { -readonly [K in keyof ChangeSetDetail]: ChangeSetDetail[K] } = {};
    if (t.Attribute) detail.attribute = t.Attribute;
    if (t.Name) detail.name = t.Name;
    if (t.Path) detail.path = t.Path;
    if (t.RequiresRecreation) detail.requiresRecreation = t.RequiresRecreation;
    if (d.Evaluation) detail.evaluation = d.Evaluation;
    if (d.ChangeSource) detail.changeSource = d.ChangeSource;
    if (d.CausingEntity) detail.causingEntity = d.CausingEntity;
    if (t.BeforeValue !== undefined) detail.beforeValue = t.BeforeValue;
    if (t.AfterValue !== undefined) detail.afterValue = t.AfterValue;
    if (t.AttributeChangeType) detail.attributeChangeType = t.AttributeChangeType;
    return detail;
  });
  return {
    action: rc.Action ?? 'Unknown',
    ...(rc.PhysicalResourceId ? { physicalResourceId: rc.PhysicalResourceId } : {}),
    ...(rc.Replacement ? { replacement: rc.Replacement } : {}),
    scope: [...(rc.Scope ?? [])],
    ...(rc.PolicyAction ? { policyAction: rc.PolicyAction } : {}),
    details,
  };
}

/** Policies the templates set, for change sets that carry no PolicyAction (older APIs, emulators). */
export interface TemplatePolicies {
  /** `DeletionPolicy` in the deployed template. */
  deletionPolicy?: unknown;
  /** `UpdateReplacePolicy` in the new template. */
  updateReplacePolicy?: unknown;
}

/** A confirmed change in cfnkit's terms: action, data loss, reasons, properties and risks. */
export interface ConfirmedChange {
  readonly action: ChangeAction;
  readonly dataLoss: boolean;
  readonly reasons: string[];
  readonly properties: PropertyChange[];
  readonly risks: Risk[];
}

/**
 * Interprets one ResourceChange. The action comes from Action and Replacement (`Dynamic` counts as
 * "may replace": CloudFormation decides during the update); data loss from PolicyAction when the
 * change set has it, else from the templates' policies.
 */
export function confirmedChange(rc: AwsResourceChange, policies: TemplatePolicies): ConfirmedChange {
  const type = rc.ResourceType ?? 'unknown';
  const reasons: string[] = [];
  const risks: Risk[] = [];
  let dataLoss = false;
  let action: ChangeAction;
  const policy = rc.PolicyAction;
  switch (rc.Action) {
    case 'Add':
      action = 'add';
      break;
    case 'Import':
      action = 'import';
      break;
    case 'Remove': {
      if (policy) {
        action = policy === 'Retain' || policy === 'Snapshot' ? 'orphan' : 'remove';
        ({ dataLoss } = policyOutcome(type, 'remove', policy, reasons, risks));
      } else {
        const fate = retention(type, 'remove', policies.deletionPolicy as never, type);
        action = fate.kept ? 'orphan' : 'remove';
        dataLoss = fate.dataLoss;
        if (fate.reason) reasons.push(fate.reason);
        if (fate.risk) risks.push(fate.risk);
      }
      break;
    }
    case 'Dynamic':
      action = 'may-replace';
      reasons.push('Action Dynamic: CloudFormation determines what happens to this resource during the update');
      break;
    default: {
      action = rc.Replacement === 'True' ? 'replace' : rc.Replacement === 'Conditional' ? 'may-replace' : 'update';
      if (action !== 'update') {
        reasons.push(`the change set says Replacement ${rc.Replacement}`);
        if (policy) ({ dataLoss } = policyOutcome(type, action, policy, reasons, risks));
        else {
          const fate = retention(type, action, policies.updateReplacePolicy as never, type);
          dataLoss = fate.dataLoss;
          if (fate.reason) reasons.push(fate.reason);
          if (fate.risk) risks.push(fate.risk);
        }
      }
    }
  }
  const byPath = new Map<string, PropertyChange>();
  for (const d of rc.Details ?? []) {
    const path = detailPath(d);
    const impact = detailImpact(d);
    const cause = detailCause(d);
    const prev = byPath.get(path);
    if (prev) {
      byPath.set(path, { ...prev, impact: worst(prev.impact, impact), ...(cause ? { cause: prev.cause ? `${prev.cause}; ${cause}` : cause } : {}) });
    } else {
      byPath.set(path, {
        path,
        impact,
        ...(d.Target?.BeforeValue !== undefined ? { before: d.Target.BeforeValue } : {}),
        ...(d.Target?.AfterValue !== undefined ? { after: d.Target.AfterValue } : {}),
        ...(cause ? { cause } : {}),
      });
    }
  }
  const properties = [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { action, dataLoss, reasons, properties, risks };
}

/** Data outcome of a PolicyAction on a resource of `type`. */
function policyOutcome(type: string, event: 'remove' | 'replace' | 'may-replace', policy: string, reasons: string[], risks: Risk[]): { dataLoss: boolean } {
  const stateful = isStateful(type);
  const subject = event === 'remove' ? `the ${type}` : `the old ${type}`;
  if (/Retain$/.test(policy)) {
    reasons.push(`PolicyAction ${policy}: ${subject} is kept, outside the stack`);
    return { dataLoss: false };
  }
  if (/Snapshot$/.test(policy)) {
    const reason = `PolicyAction ${policy}: a snapshot of ${subject} is taken before it is deleted, so the data survives as a snapshot`;
    reasons.push(reason);
    if (stateful && supportsSnapshot(type)) risks.push({ code: 'snapshot', message: reason });
    return { dataLoss: false };
  }
  if (!stateful) return { dataLoss: false };
  const message = `PolicyAction ${policy}: ${event === 'remove' ? 'removing' : 'replacing'} it deletes ${subject} and its data`;
  if (event === 'may-replace') {
    risks.push({ code: 'possible-data-loss', message: `if CloudFormation replaces it, ${message.replace(/^PolicyAction \w+: replacing it /, '')} (PolicyAction ${policy})` });
    return { dataLoss: false };
  }
  reasons.push(message);
  risks.push({ code: 'data-loss', message });
  return { dataLoss: true };
}
