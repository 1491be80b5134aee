/**
 * JSON rendering: `{"changes":[{"resource","type","action","dataLoss","reasons","properties":[{"path",
 * "impact"}],"risks"}],"summary":{…}}`, with `evidence`, `predicted` and `changeSet` on preview changes
 * and `stack` / `changeSetType` at the top of a preview. Keys in a fixed order; values of template
 * properties in CloudFormation's JSON form.
 */
import { toPlain } from '../diff/normalize';
import type { PropertyChange, ResourceChange } from '../diff/types';
import { ChangeReport, isPreviewChange } from './types';

/** The report as a JSON value (what {@link renderJson} prints). */
export function reportJson(report: ChangeReport): unknown {
  return {
    ...(report.command === 'preview' ? { stack: report.stackName, changeSetType: report.changeSetType } : {}),
    ...(report.keptChangeSet ? { keptChangeSet: report.keptChangeSet } : {}),
    changes: report.changes.map(changeJson),
    summary: report.summary,
  };
}

/** Renders `report` as pretty-printed JSON; ends with a newline. */
export function renderJson(report: ChangeReport): string {
  return JSON.stringify(reportJson(report), null, 2) + '\n';
}

function changeJson(change: ResourceChange): unknown {
  return {
    resource: change.resource,
    type: change.type,
    action: change.action,
    dataLoss: change.dataLoss,
    reasons: change.reasons,
    properties: change.properties.map(propertyJson),
    risks: change.risks.map((r) => ({ code: r.code, message: r.message })),
    ...(isPreviewChange(change)
      ? {
          evidence: change.evidence,
          ...(change.predicted !== undefined ? { predicted: change.predicted } : {}),
          ...(change.changeSet ? { changeSet: change.changeSet } : {}),
        }
      : {}),
  };
}

function propertyJson(p: PropertyChange): unknown {
  return {
    path: p.path,
    impact: p.impact,
    ...(p.before !== undefined ? { before: toPlain(p.before) } : {}),
    ...(p.after !== undefined ? { after: toPlain(p.after) } : {}),
    ...(p.cause ? { cause: p.cause } : {}),
  };
}
