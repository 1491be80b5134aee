/**
 * References inside a template value, each with the path of the property that holds it: `Ref`,
 * `Fn::GetAtt`, `${X}` / `${X.Attr}` inside `Fn::Sub`, conditions named by `Fn::If` / `Condition`,
 * and mappings read by `Fn::FindInMap`. A reference nested in intrinsic arguments belongs to the
 * property where the outermost intrinsic stands, because that property's value is what changes.
 */
import { Intrinsic, TemplateValue } from '../model/intrinsics';
import type { Segment } from './paths';

/** How a value refers to something else. */
export type ReferenceKind = 'Ref' | 'GetAtt' | 'Sub' | 'If' | 'Condition' | 'FindInMap';

/** One reference found by {@link findReferences}. */
export interface Reference {
  /** Path of the property whose value holds the reference. */
  readonly path: readonly Segment[];
  readonly kind: ReferenceKind;
  /** Logical id, parameter, condition or mapping name. */
  readonly target: string;
  /** `Fn::GetAtt` / `${X.Attr}` attribute. */
  readonly attribute?: string;
  /** `Fn::FindInMap` top-level and second-level keys. */
  readonly keys?: readonly [TemplateValue, TemplateValue];
}

/** Variable names `${X}` / `${X.Attr}` in an `Fn::Sub` string; `${!Literal}` is text, not a variable. */
export function subVariables(text: string): Array<{ name: string; attribute?: string }> {
  const out: Array<{ name: string; attribute?: string }> = [];
  for (const m of text.matchAll(/\$\{([^}]*)\}/g)) {
    const body = m[1].trim();
    if (body.startsWith('!') || body === '') continue;
    const dot = body.indexOf('.');
    out.push(dot > 0 ? { name: body.slice(0, dot), attribute: body.slice(dot + 1) } : { name: body });
  }
  return out;
}

/** Every reference inside `value`, which sits at `path`. */
export function findReferences(value: TemplateValue | undefined, path: readonly Segment[] = []): Reference[] {
  const out: Reference[] = [];
  walk(value, path, out);
  return out;
}

function walk(value: TemplateValue | undefined, path: readonly Segment[], out: Reference[]): void {
  if (value === undefined || value === null || typeof value !== 'object') return;
  if (value instanceof Intrinsic) {
    inIntrinsic(value, path, out);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, [...path, i], out));
    return;
  }
  for (const key of Object.keys(value)) walk(value[key], [...path, key], out);
}

/** References inside an intrinsic's arguments, all attributed to `path`. */
function inIntrinsic(fn: Intrinsic, path: readonly Segment[], out: Reference[]): void {
  const args = fn.args as TemplateValue;
  switch (fn.fn) {
    case 'Ref':
      if (typeof args === 'string') out.push({ path, kind: 'Ref', target: args });
      return;
    case 'Fn::GetAtt':
      if (Array.isArray(args) && typeof args[0] === 'string') {
        out.push({ path, kind: 'GetAtt', target: args[0], ...(typeof args[1] === 'string' ? { attribute: args[1] } : {}) });
        argsOnly(args.slice(1), path, out);
      }
      return;
    case 'Fn::Sub': {
      const [text, vars] = Array.isArray(args) ? [args[0], args[1]] : [args, undefined];
      const local = vars && typeof vars === 'object' && !Array.isArray(vars) && !(vars instanceof Intrinsic) ? new Set(Object.keys(vars)) : new Set<string>();
      if (typeof text === 'string') {
        for (const v of subVariables(text)) {
          if (!local.has(v.name)) out.push({ path, kind: 'Sub', target: v.name, ...(v.attribute ? { attribute: v.attribute } : {}) });
        }
      } else {
        argsOnly(text, path, out);
      }
      if (vars !== undefined) argsOnly(vars, path, out);
      return;
    }
    case 'Fn::If':
      if (Array.isArray(args) && typeof args[0] === 'string') {
        out.push({ path, kind: 'If', target: args[0] });
        argsOnly(args.slice(1), path, out);
        return;
      }
      break;
    case 'Condition':
      if (typeof args === 'string') out.push({ path, kind: 'Condition', target: args });
      return;
    case 'Fn::FindInMap':
      if (Array.isArray(args) && typeof args[0] === 'string') {
        out.push({ path, kind: 'FindInMap', target: args[0], keys: [args[1], args[2]] });
        argsOnly(args.slice(1), path, out);
        return;
      }
      break;
  }
  argsOnly(args, path, out);
}

/** References anywhere inside intrinsic arguments, attributed to `path`. */
function argsOnly(value: TemplateValue | undefined, path: readonly Segment[], out: Reference[]): void {
  if (value === undefined || value === null || typeof value !== 'object') return;
  if (value instanceof Intrinsic) return inIntrinsic(value, path, out);
  const items = Array.isArray(value) ? value : Object.values(value);
  for (const item of items) argsOnly(item, path, out);
}
