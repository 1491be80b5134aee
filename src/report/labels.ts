/** Words and marks the text and markdown renderers share, so both say the same thing. */
import { ACTION_ORDER } from '../diff/types';
import type { ChangeAction, ChangeSummary, Impact, ResourceChange, RiskCode } from '../diff/types';

/** The cdk-style mark of an action: `[+]` add, `[-]` remove, `[~]` change. */
export function actionMark(action: ChangeAction): string {
  switch (action) {
    case 'add':
      return '[+]';
    case 'remove':
    case 'orphan':
      return '[-]';
    case 'import':
      return '[←]';
    default:
      return '[~]';
  }
}

/** An action in words: `replace`, `may replace`, `remove`, … */
export function actionWord(action: ChangeAction): string {
  return action === 'may-replace' ? 'may replace' : action;
}

/** The note after a changed property: `(requires replacement)`, `(may require replacement)`, or none. */
export function impactNote(impact: Impact): string {
  return impact === 'replace' ? '(requires replacement)' : impact === 'may-replace' ? '(may require replacement)' : '';
}

/** True for actions a reviewer must not miss (rendered in red). */
export function isDestructive(action: ChangeAction): boolean {
  return action === 'replace' || action === 'may-replace' || action === 'remove';
}

const SUMMARY_KEYS: Readonly<Record<ChangeAction, keyof ChangeSummary>> = {
  add: 'add',
  remove: 'remove',
  orphan: 'orphan',
  update: 'update',
  replace: 'replace',
  'may-replace': 'mayReplace',
  import: 'import',
};

/** `3 resources change: 1 replace, 1 remove, 1 update` (or `No changes`). */
export function summaryLine(summary: ChangeSummary): string {
  if (summary.changed === 0) return 'No changes';
  const parts = ACTION_ORDER.filter((a) => (summary[SUMMARY_KEYS[a]] as number) > 0).map((a) => `${summary[SUMMARY_KEYS[a]]} ${actionWord(a)}`);
  return `${summary.changed} resource${summary.changed === 1 ? '' : 's'} change${summary.changed === 1 ? 's' : ''}: ${parts.join(', ')}`;
}

/**
 * `1 with data loss, 1 fixed-name, 2 iam-widening` (empty when there is nothing to flag); without the
 * data-loss count when `withDataLoss` is false (markdown shows it in its own caution block).
 */
export function riskLine(summary: ChangeSummary, withDataLoss = true): string {
  const parts: string[] = [];
  if (withDataLoss && summary.dataLoss > 0) parts.push(`${summary.dataLoss} with data loss`);
  for (const [code, n] of Object.entries(summary.risks) as Array<[RiskCode, number]>) {
    if (code !== 'data-loss') parts.push(`${n} ${code}`);
  }
  return parts.join(', ');
}

/**
 * Reasons a renderer shows besides the risk flags and the property list: those that repeat neither
 * (a Type change, a retention policy), without the obvious "new in the template" / "no longer in it".
 */
export function extraReasons(change: ResourceChange): string[] {
  const shown = new Set(change.risks.map((r) => r.message));
  return change.reasons.filter(
    (reason) =>
      !shown.has(reason) &&
      reason !== 'new in the template' &&
      reason !== 'no longer in the template' &&
      !reason.startsWith('the change set says') &&
      !change.properties.some((p) => reason.startsWith(`${p.path} `) || reason.startsWith(`${p.path}:`)),
  );
}
