/** Counts over changes, and the `--fail-on` test; shared by `diff` and `preview`. */
import type { ChangeSummary, ResourceChange, RiskCode } from './types';

/** Counts of actions, data-loss changes and risk flags over `changes`. */
export function summarize(changes: readonly ResourceChange[]): ChangeSummary {
  const risks: { [code in RiskCode]?: number } = {};
  for (const c of changes) for (const r of c.risks) risks[r.code] = (risks[r.code] ?? 0) + 1;
  const count = (action: ResourceChange['action']) => changes.filter((c) => c.action === action).length;
  return {
    changed: changes.length,
    add: count('add'),
    remove: count('remove'),
    orphan: count('orphan'),
    update: count('update'),
    replace: count('replace'),
    mayReplace: count('may-replace'),
    import: count('import'),
    dataLoss: changes.filter((c) => c.dataLoss).length,
    risks: Object.fromEntries(Object.entries(risks).sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}

/** `--fail-on` kinds: which changes make the command exit non-zero. */
export const FAIL_ON = ['replace', 'remove', 'data-loss', 'any'] as const;

/** One of {@link FAIL_ON}. */
export type FailOn = (typeof FAIL_ON)[number];

/**
 * The `--fail-on` kinds that `changes` trigger: `replace` (a replacement or possible replacement),
 * `remove` (a removal, orphaning included), `data-loss`, `any` (any change).
 */
export function failures(changes: readonly ResourceChange[], kinds: readonly FailOn[]): FailOn[] {
  const hit = (kind: FailOn): boolean => {
    switch (kind) {
      case 'any':
        return changes.length > 0;
      case 'replace':
        return changes.some((c) => c.action === 'replace' || c.action === 'may-replace');
      case 'remove':
        return changes.some((c) => c.action === 'remove' || c.action === 'orphan');
      case 'data-loss':
        return changes.some((c) => c.dataLoss);
    }
  };
  return [...new Set(kinds)].filter(hit);
}
