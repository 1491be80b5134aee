/**
 * What `cfnkit diff` returns: plain data about the resources a deploy would add, change, replace or
 * remove. Formatters in `src/report/` render it; nothing here prints.
 */
import type { TemplateValue } from '../model/intrinsics';

/**
 * What CloudFormation will do to a resource, worst first in {@link ACTION_ORDER}:
 * - `add`: created;
 * - `remove`: deleted (its `DeletionPolicy` is `Delete` or absent);
 * - `orphan`: removed from the stack but kept (`DeletionPolicy` `Retain` / `RetainExceptOnCreate`) or
 *   deleted after a final snapshot (`Snapshot`);
 * - `update`: updated in place;
 * - `replace`: a new physical resource is created and the old one deleted;
 * - `may-replace`: replacement depends on values known only at deploy time, or on a property whose
 *   update behaviour is conditional or unknown;
 * - `import`: brought under the stack's management (change sets only).
 */
export type ChangeAction = 'add' | 'remove' | 'orphan' | 'update' | 'replace' | 'may-replace' | 'import';

/** Every {@link ChangeAction}, in the order reports list them (most disruptive first). */
export const ACTION_ORDER: readonly ChangeAction[] = ['replace', 'remove', 'may-replace', 'orphan', 'update', 'add', 'import'];

/**
 * What a change to one property path does to its resource: `update` in place, `replace`, or
 * `may-replace` (the spec says "Update requires: Some interruptions or replacement" / conditional,
 * the value is known only at deploy time, or the type or property is not in the spec).
 */
export type Impact = 'update' | 'may-replace' | 'replace';

/** Codes of risk flags; see {@link Risk}. */
export type RiskCode =
  /** A stateful resource is replaced or removed and its data is deleted with it. */
  | 'data-loss'
  /** A stateful resource may be replaced (conditional replacement) and would lose its data then. */
  | 'possible-data-loss'
  /** A stateful resource is replaced or removed, but its policy keeps a snapshot of the data. */
  | 'snapshot'
  /** A replacement that fails: the resource has a fixed physical name the new resource would reuse. */
  | 'fixed-name'
  /** A policy grants more: Allow statements added, Deny statements removed, managed policies attached. */
  | 'iam-widening'
  /** A security group admits more traffic: ingress or egress rules added or widened. */
  | 'security-group-widening';

/** A risk flag on a change, with a one-line explanation. */
export interface Risk {
  readonly code: RiskCode;
  readonly message: string;
}

/** One changed path inside a resource (`Properties.KeySchema[0].AttributeName`, `DeletionPolicy`, `Type`). */
export interface PropertyChange {
  /** Path from the resource entry, in template spelling: keys joined by `.`, list indexes as `[n]`. */
  readonly path: string;
  /** What the change does to the resource. */
  readonly impact: Impact;
  /** Normalised value before (absent when added, or when the change comes from a referenced value). */
  readonly before?: TemplateValue;
  /** Normalised value after (absent when removed, or when the change comes from a referenced value). */
  readonly after?: TemplateValue;
  /**
   * Why the value changes when the template text at this path does not: a replaced resource it
   * references, a parameter, condition or mapping whose value changed.
   */
  readonly cause?: string;
}

/** One resource that changes. */
export interface ResourceChange {
  /** Logical id (for a nested stack's resource, `Parent/Child`). */
  readonly resource: string;
  /** Resource type after the change (before, for removals); `Old → New` type changes are in `reasons`. */
  readonly type: string;
  readonly action: ChangeAction;
  /** True when the change deletes a stateful resource's data with no Retain or Snapshot policy. */
  readonly dataLoss: boolean;
  /** Why the action is what it is, one sentence each, most important first. */
  readonly reasons: readonly string[];
  /** Changed paths, sorted by path. Empty for adds and removes. */
  readonly properties: readonly PropertyChange[];
  /** Risk flags, sorted by code. */
  readonly risks: readonly Risk[];
}

/** Counts over a set of changes. */
export interface ChangeSummary {
  /** Resources with any change. */
  readonly changed: number;
  readonly add: number;
  readonly remove: number;
  readonly orphan: number;
  readonly update: number;
  readonly replace: number;
  readonly mayReplace: number;
  readonly import: number;
  /** Changes with {@link ResourceChange.dataLoss}. */
  readonly dataLoss: number;
  /** Risk flags by code (codes with no flag are left out). */
  readonly risks: { readonly [code in RiskCode]?: number };
}

/** Result of {@link diffTemplates}: changed resources sorted by logical id, and their summary. */
export interface TemplateDiff {
  readonly changes: readonly ResourceChange[];
  readonly summary: ChangeSummary;
}

/** Options of {@link diffTemplates}. */
export interface DiffOptions {
  /**
   * Parameter values the old template was deployed with (a stack's current values). Parameters not
   * listed take their old `Default`.
   */
  readonly oldParameters?: { readonly [name: string]: string };
  /**
   * Parameter values the new template will be deployed with (`--parameters`). Parameters not listed
   * take their new `Default`.
   */
  readonly newParameters?: { readonly [name: string]: string };
}
