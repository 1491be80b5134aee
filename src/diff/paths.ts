/**
 * Changed paths between two normalised values: where they differ, as deep as both sides have the same
 * shape. Mappings are compared key by key; lists element by element after pairing equal elements, so
 * inserting one rule into a list of ten reports one added element, not ten changed ones.
 */
import type { TemplateValue } from '../model/intrinsics';
import { isPlainMap, valuesEqual } from './normalize';

/** One step of a path: a mapping key or a list index. */
export type Segment = string | number;

/** A difference found by {@link changedPaths}. */
export interface ValueChange {
  readonly path: readonly Segment[];
  /** Value before; undefined when added. */
  readonly before?: TemplateValue;
  /** Value after; undefined when removed. */
  readonly after?: TemplateValue;
  /** True when the change adds or removes one list element (its contents are not walked). */
  readonly element?: boolean;
}

/** Differences between normalised values `before` and `after`, in path order. */
export function changedPaths(before: TemplateValue | undefined, after: TemplateValue | undefined, path: readonly Segment[] = []): ValueChange[] {
  if (valuesEqual(before, after)) return [];
  if (isPlainMap(before) && isPlainMap(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => changedPaths(own(before, k), own(after, k), [...path, k]));
  }
  if (Array.isArray(before) && Array.isArray(after)) return listChanges(before, after, path);
  return [{ path, before, after }];
}

function own(map: { [key: string]: TemplateValue }, key: string): TemplateValue | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}

/**
 * Lists: elements equal on both sides are paired first (in order); the rest are paired by position
 * and compared deeply; what is left over is added or removed. A pure reordering is one change of the
 * whole list, because CloudFormation passes the new order to the resource provider.
 */
function listChanges(before: TemplateValue[], after: TemplateValue[], path: readonly Segment[]): ValueChange[] {
  const usedBefore = new Set<number>();
  const matchedAfter = new Set<number>();
  after.forEach((item, j) => {
    const i = before.findIndex((b, k) => !usedBefore.has(k) && valuesEqual(b, item));
    if (i >= 0) {
      usedBefore.add(i);
      matchedAfter.add(j);
    }
  });
  const restBefore = before.map((_, i) => i).filter((i) => !usedBefore.has(i));
  const restAfter = after.map((_, j) => j).filter((j) => !matchedAfter.has(j));
  if (restBefore.length === 0 && restAfter.length === 0) return [{ path, before, after }];
  const out: ValueChange[] = [];
  const paired = Math.min(restBefore.length, restAfter.length);
  for (let k = 0; k < paired; k++) {
    const j = restAfter[k];
    out.push(...changedPaths(before[restBefore[k]], after[j], [...path, j]));
  }
  for (const i of restBefore.slice(paired)) out.push({ path: [...path, i], before: before[i], element: true });
  for (const j of restAfter.slice(paired)) out.push({ path: [...path, j], after: after[j], element: true });
  return out;
}

/** `Properties.KeySchema[0].AttributeName`: keys joined by dots, list indexes in brackets. */
export function formatPath(path: readonly Segment[]): string {
  let out = '';
  for (const s of path) out += typeof s === 'number' ? `[${s}]` : out === '' ? s : `.${s}`;
  return out;
}

/** Every path to a leaf inside `value`, walking mappings only (lists and intrinsics are leaves). */
export function mapLeaves(value: TemplateValue | undefined, path: readonly Segment[] = []): Segment[][] {
  if (!isPlainMap(value) || Object.keys(value).length === 0) return [[...path]];
  return Object.keys(value).flatMap((k) => mapLeaves(value[k], [...path, k]));
}
