/**
 * Merging the change set (confirmed) with the offline diff of the deployed template against the new
 * one (predicted): one entry per resource, sorted by logical id. A confirmed change keeps the change
 * set's action and data-loss flag, and the prediction's template-based risk flags (fixed names, IAM and
 * security-group widening); a change only the diff expects is marked predicted.
 */
import { summarize } from '../diff/summary';
import type { ResourceChange, Risk, TemplateDiff } from '../diff/types';
import { changeSetFields, confirmedChange, DescribedChange, TemplatePolicies } from './changeset';
import type { PreviewChange } from './types';

/** Risk codes that come from the templates, not from the change set's PolicyAction. */
const TEMPLATE_RISKS = new Set<Risk['code']>(['fixed-name', 'iam-widening', 'security-group-widening']);

/** Merged preview changes and their summary. */
export function mergeChanges(described: readonly DescribedChange[], predicted: TemplateDiff, policiesOf: (logicalId: string) => TemplatePolicies): { changes: PreviewChange[]; summary: TemplateDiff['summary'] } {
  const byId = new Map<string, ResourceChange>(predicted.changes.map((c) => [c.resource, c]));
  const changes: PreviewChange[] = [];
  const seen = new Set<string>();
  for (const { resource, change } of described) {
    if (seen.has(resource)) continue;
    seen.add(resource);
    const confirmed = confirmedChange(change, policiesOf(resource));
    const prediction = byId.get(resource);
    // A fixed name only matters when the change set replaces the resource.
    const replaced = confirmed.action === 'replace' || confirmed.action === 'may-replace';
    const risks = [...confirmed.risks, ...(prediction?.risks ?? []).filter((r) => TEMPLATE_RISKS.has(r.code) && (replaced || r.code !== 'fixed-name'))];
    risks.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
    changes.push({
      resource,
      type: change.ResourceType ?? prediction?.type ?? 'unknown',
      action: confirmed.action,
      dataLoss: confirmed.dataLoss,
      reasons: confirmed.reasons,
      // The change set's Details when it has them; else (Add, Remove, emulators) the prediction's paths.
      properties: confirmed.properties.length > 0 || !prediction ? confirmed.properties : prediction.properties,
      risks,
      evidence: 'confirmed',
      ...(prediction ? { predicted: prediction.action } : {}),
      changeSet: changeSetFields(change),
    });
  }
  for (const p of predicted.changes) {
    if (seen.has(p.resource)) continue;
    changes.push({ ...p, evidence: 'predicted', predicted: p.action });
  }
  changes.sort((a, b) => (a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0));
  return { changes, summary: summarize(changes) };
}
