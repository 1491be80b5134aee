/**
 * Normal form for comparing template values: two values that CloudFormation reads the same way have
 * equal normal forms, so formatting-only edits are no changes.
 *
 * - numbers and numeric strings compare equal (`1` and `"1"`), as do booleans and `"true"` /
 *   `"false"`: CloudFormation passes every scalar to resource providers as a string;
 * - `Fn::GetAtt: "A.B"` is `[A, B]` (split on the first dot), `Fn::Sub` without variables is its string;
 *   short and long intrinsic forms are already the same {@link Intrinsic} in the model;
 * - `Ref: AWS::NoValue` in a mapping or list is absent (it stays inside intrinsic arguments such as
 *   `Fn::If`, where it is an operand);
 * - key order does not matter (keys are sorted);
 * - `DependsOn` is a sorted set of logical ids.
 */
import { Intrinsic, TemplateValue, isIntrinsic } from '../model/intrinsics';
import type { Resource } from '../model/template';

/**
 * The normal form of a scalar: a string, or null. Numbers become the string CloudFormation passes on
 * (`1.0` → `"1"`); strings stay as written, so `"5.7"` and `"5.70"` remain different values.
 */
function scalar(value: string | number | boolean | null): string | null {
  if (value === null) return null;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

/** True for `Ref: AWS::NoValue`. */
export function isNoValue(value: unknown): boolean {
  return isIntrinsic(value, 'Ref') && value.args === 'AWS::NoValue';
}

/**
 * The normal form of `value`, or undefined when it is absent (`Ref: AWS::NoValue`). Inside intrinsic
 * arguments (`inArgs`), `AWS::NoValue` is kept: it is an operand there.
 */
export function normalizeValue(value: TemplateValue | undefined, inArgs = false): TemplateValue | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value !== 'object') return scalar(value);
  if (value instanceof Intrinsic) {
    if (!inArgs && isNoValue(value)) return undefined;
    return normalizeIntrinsic(value);
  }
  if (Array.isArray(value)) {
    const out: TemplateValue[] = [];
    for (const item of value) {
      const n = normalizeValue(item, inArgs);
      if (n !== undefined) out.push(n);
    }
    return out;
  }
  const out: { [key: string]: TemplateValue } = {};
  for (const key of Object.keys(value).sort()) {
    const n = normalizeValue(value[key], inArgs);
    if (n !== undefined) define(out, key, n);
  }
  return out;
}

function normalizeIntrinsic(fn: Intrinsic): Intrinsic {
  const args = fn.args as TemplateValue;
  switch (fn.fn) {
    case 'Fn::GetAtt': {
      if (typeof args === 'string') {
        const dot = args.indexOf('.');
        if (dot > 0) return new Intrinsic('Fn::GetAtt', [args.slice(0, dot), args.slice(dot + 1)]);
      }
      break;
    }
    case 'Fn::Sub': {
      if (Array.isArray(args) && args.length === 2 && typeof args[0] === 'string') {
        const vars = normalizeValue(args[1], true);
        if (vars && typeof vars === 'object' && !Array.isArray(vars) && !(vars instanceof Intrinsic) && Object.keys(vars).length === 0) {
          return new Intrinsic('Fn::Sub', args[0]);
        }
        return new Intrinsic('Fn::Sub', [args[0], vars as { [name: string]: TemplateValue }]);
      }
      break;
    }
  }
  return new Intrinsic(fn.fn, normalizeValue(args, true) as never);
}

/** Deep equality of two normalised values (intrinsics compare by function and arguments). */
export function valuesEqual(a: TemplateValue | undefined, b: TemplateValue | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (a instanceof Intrinsic || b instanceof Intrinsic) {
    return a instanceof Intrinsic && b instanceof Intrinsic && a.fn === b.fn && valuesEqual(a.args as TemplateValue, b.args as TemplateValue);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => valuesEqual(item, b[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && valuesEqual(a[k], b[k]));
}

/** A resource entry in normal form: the same keys, `DependsOn` as a sorted set, absent keys dropped. */
export function normalizeResource(resource: Resource): { [key: string]: TemplateValue } {
  const out: { [key: string]: TemplateValue } = {};
  // A malformed entry (null, a string, a list) is compared as it is, under a key of its own; lint reports it.
  if (!isPlainMap(resource)) return { '(entry)': normalizeValue(resource as unknown as TemplateValue) ?? null };
  const entry = resource as unknown as { [key: string]: TemplateValue };
  for (const key of Object.keys(entry).sort()) {
    if (key === 'DependsOn') {
      const ids = dependsOn(resource.DependsOn);
      if (ids.length > 0) out.DependsOn = ids;
      continue;
    }
    const n = key === 'Type' && typeof entry.Type === 'string' ? entry.Type : normalizeValue(entry[key]);
    if (n !== undefined && !(key === 'Properties' && isEmptyMap(n))) define(out, key, n);
  }
  return out;
}

/** `DependsOn` as a sorted list of unique logical ids. */
export function dependsOn(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return [...new Set(list.filter((v): v is string => typeof v === 'string'))].sort();
}

function isEmptyMap(value: TemplateValue): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Intrinsic) && Object.keys(value).length === 0;
}

/** A plain mapping (not a list, not an intrinsic). */
export function isPlainMap(value: unknown): value is { [key: string]: TemplateValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Intrinsic) && !(value instanceof Map);
}

/**
 * `value` as plain JSON data: intrinsics in long form (`{"Fn::GetAtt": [...]}`), `Map`s as objects,
 * keys in their existing (normalised: sorted) order. For the json report and for messages.
 */
export function toPlain(value: TemplateValue | undefined): unknown {
  if (value === undefined || value === null || typeof value !== 'object') return value;
  if (value instanceof Intrinsic) return { [value.fn]: toPlain(value.args as TemplateValue) };
  if (value instanceof Map) return Object.fromEntries([...(value as Map<string, TemplateValue>)].map(([k, v]) => [k, toPlain(v)]));
  if (Array.isArray(value)) return value.map((v) => toPlain(v));
  const out: { [key: string]: unknown } = {};
  for (const key of Object.keys(value)) define(out, key, toPlain(value[key]));
  return out;
}

/** Compact one-line rendering of a value for messages: JSON with intrinsics in long form. */
export function showValue(value: TemplateValue | undefined, max = 80): string {
  if (value === undefined) return '(absent)';
  const text = typeof value === 'string' ? value : JSON.stringify(toPlain(value));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function define(obj: { [key: string]: unknown }, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}
