/**
 * Turns a template model into an ordered tree, the one place where key order is decided:
 * sections, resource attributes, parameters and outputs in CloudFormation's documented order, all
 * other keys in insertion order (Mappings are `Map`s, so integer-like keys keep theirs too).
 * The YAML and JSON writers only render this tree.
 */
import { Intrinsic, IntrinsicName } from '../model/intrinsics';
import { OUTPUT_KEY_ORDER, PARAMETER_KEY_ORDER, RESOURCE_KEY_ORDER, SECTION_ORDER, Template } from '../model/template';

/** A node of the ordered tree. */
export type OrderedNode =
  | { readonly kind: 'map'; readonly entries: ReadonlyArray<readonly [string, OrderedNode]> }
  | { readonly kind: 'seq'; readonly items: readonly OrderedNode[] }
  | { readonly kind: 'scalar'; readonly value: string | number | boolean | null }
  | { readonly kind: 'fn'; readonly fn: IntrinsicName; readonly args: OrderedNode };

/** Orders a whole template. */
export function orderTemplate(template: Template): OrderedNode {
  const t = template as unknown as { [key: string]: unknown };
  const keys = orderedKeys(t, SECTION_ORDER);
  return {
    kind: 'map',
    entries: keys.map((key) => {
      const value = t[key];
      switch (key) {
        case 'Resources':
          return [key, section(value, RESOURCE_KEY_ORDER)] as const;
        case 'Parameters':
          return [key, section(value, PARAMETER_KEY_ORDER)] as const;
        case 'Outputs':
          return [key, section(value, OUTPUT_KEY_ORDER)] as const;
        default:
          return [key, orderValue(value)] as const;
      }
    }),
  };
}

/** Orders any model value (no section-specific ordering). */
export function orderValue(value: unknown, keyOrder: readonly string[] = []): OrderedNode {
  if (value instanceof Intrinsic) return { kind: 'fn', fn: value.fn, args: orderValue(value.args) };
  if (Array.isArray(value)) return { kind: 'seq', items: value.map((v) => orderValue(v)) };
  if (value instanceof Map) {
    return { kind: 'map', entries: [...value.entries()].map(([k, v]) => [String(k), orderValue(v)] as const) };
  }
  if (value !== null && typeof value === 'object') {
    const obj = value as { [key: string]: unknown };
    return { kind: 'map', entries: orderedKeys(obj, keyOrder).map((k) => [k, orderValue(obj[k])] as const) };
  }
  if (value === undefined) return { kind: 'scalar', value: null };
  return { kind: 'scalar', value: value as string | number | boolean | null };
}

function section(value: unknown, entryKeyOrder: readonly string[]): OrderedNode {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Intrinsic) return orderValue(value);
  const obj = value as { [key: string]: unknown };
  return { kind: 'map', entries: Object.keys(obj).map((k) => [k, orderValue(obj[k], entryKeyOrder)] as const) };
}

function orderedKeys(obj: { [key: string]: unknown }, order: readonly string[]): string[] {
  const present = Object.keys(obj).filter((k) => obj[k] !== undefined);
  const known = order.filter((k) => present.includes(k));
  return [...known, ...present.filter((k) => !order.includes(k))];
}
