/**
 * What a template alone decides about a value, for rules that judge values behind intrinsics without
 * guessing (issue 4: "a value behind an intrinsic the rule cannot resolve is not guessed").
 *
 * Sure: literals, `Fn::If` branches (each is a possible deployment), `Fn::Sub` without variables,
 * `Fn::Join` of sure parts, `Fn::FindInMap` with literal keys, `Ref: AWS::NoValue` (absent).
 * Not sure: a `Ref` to a parameter, even one with a literal `Default` (the deploy may pass another
 * value), and every other intrinsic.
 */
import { Intrinsic, TemplateValue } from '../model/intrinsics';
import type { Template } from '../model/template';
import { isPlainObject } from './walk';

/** One value a property can take at deploy time. */
export type Outcome =
  | { readonly kind: 'known'; readonly value: TemplateValue }
  | { readonly kind: 'absent' }
  | { readonly kind: 'unknown' };

const ABSENT: Outcome = { kind: 'absent' };
const UNKNOWN: Outcome = { kind: 'unknown' };

/**
 * The values `value` can take, one per `Fn::If` branch. A known value is never an intrinsic at its top
 * (lists and mappings may hold intrinsics below it).
 */
export function outcomes(value: unknown, template?: Template, depth = 0): Outcome[] {
  if (value === undefined) return [ABSENT];
  if (!(value instanceof Intrinsic)) return [{ kind: 'known', value: value as TemplateValue }];
  if (depth > 20) return [UNKNOWN];
  const args = value.args as unknown;
  switch (value.fn) {
    case 'Ref':
      return [args === 'AWS::NoValue' ? ABSENT : UNKNOWN];
    case 'Fn::If':
      if (!Array.isArray(args) || args.length !== 3) return [UNKNOWN];
      return [...outcomes(args[1], template, depth + 1), ...outcomes(args[2], template, depth + 1)];
    case 'Fn::Sub': {
      const text = typeof args === 'string' ? args : Array.isArray(args) && typeof args[0] === 'string' ? args[0] : undefined;
      if (text === undefined || /\$\{(?!!)/.test(text)) return [UNKNOWN];
      return [{ kind: 'known', value: text.replace(/\$\{!/g, '${') }];
    }
    case 'Fn::Join': {
      if (!Array.isArray(args) || typeof args[0] !== 'string' || !Array.isArray(args[1])) return [UNKNOWN];
      const parts: string[] = [];
      for (const part of args[1]) {
        const o = single(outcomes(part, template, depth + 1));
        if (o?.kind !== 'known' || (typeof o.value !== 'string' && typeof o.value !== 'number')) return [UNKNOWN];
        parts.push(String(o.value));
      }
      return [{ kind: 'known', value: parts.join(args[0]) }];
    }
    case 'Fn::FindInMap': {
      if (!Array.isArray(args) || args.length < 3 || !args.slice(0, 3).every((a) => typeof a === 'string')) return [UNKNOWN];
      const found = mappingValue(template, args[0] as string, args[1] as string, args[2] as string);
      return found === undefined ? [UNKNOWN] : outcomes(found, template, depth + 1);
    }
    default:
      return [UNKNOWN];
  }
}

function single(list: Outcome[]): Outcome | undefined {
  return list.length === 1 ? list[0] : undefined;
}

function mappingValue(template: Template | undefined, map: string, top: string, second: string): TemplateValue | undefined {
  const level = (container: unknown, key: string): unknown =>
    container instanceof Map ? container.get(key) : isPlainObject(container) ? container[key] : undefined;
  return level(level(level(template?.Mappings, map), top), second) as TemplateValue | undefined;
}

/** The known values among `outcomes`, or undefined when any outcome is unknown. */
export function knownValues(list: readonly Outcome[]): TemplateValue[] | undefined {
  if (list.some((o) => o.kind === 'unknown')) return undefined;
  return list.flatMap((o) => (o.kind === 'known' ? [o.value] : []));
}

/** True for `true` and the string `"true"` (any case), as CloudFormation reads booleans. */
export function isTrue(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.toLowerCase() === 'true');
}

/** True for `false` and the string `"false"` (any case). */
export function isFalse(value: unknown): boolean {
  return value === false || (typeof value === 'string' && value.toLowerCase() === 'false');
}

/**
 * The logical id a value points at: `Ref: X`, `Fn::GetAtt: [X, attribute]` (with `attribute` when
 * given) or `Fn::Sub: '${X.attribute}'` that is nothing else. Undefined otherwise.
 */
export function referencedResource(value: unknown, attribute?: string): string | undefined {
  if (!(value instanceof Intrinsic)) return undefined;
  const args = value.args as unknown;
  if (value.fn === 'Ref') return attribute === undefined && typeof args === 'string' ? args : undefined;
  if (value.fn === 'Fn::GetAtt') {
    if (!Array.isArray(args) || typeof args[0] !== 'string') return undefined;
    return attribute === undefined || args[1] === attribute ? args[0] : undefined;
  }
  if (value.fn === 'Fn::Sub' && typeof args === 'string') {
    const m = /^\$\{([A-Za-z0-9]+)(?:\.([A-Za-z0-9.]+))?\}$/.exec(args);
    if (!m) return undefined;
    if (attribute === undefined) return m[2] === undefined ? m[1] : undefined;
    return m[2] === attribute ? m[1] : undefined;
  }
  return undefined;
}

/** The resources of a template with their types, skipping entries that are not resources. */
export function resourcesOf(template: Template): Array<{ logicalId: string; type: string; resource: { [key: string]: TemplateValue } }> {
  const out: Array<{ logicalId: string; type: string; resource: { [key: string]: TemplateValue } }> = [];
  if (!isPlainObject(template.Resources)) return out;
  for (const [logicalId, resource] of Object.entries(template.Resources as { [id: string]: unknown })) {
    if (isPlainObject(resource) && typeof resource.Type === 'string') out.push({ logicalId, type: resource.Type, resource });
  }
  return out;
}

/** The resource's `Properties` when it is a mapping, else an empty one. */
export function propertiesOf(resource: { [key: string]: unknown }): { [key: string]: TemplateValue } {
  return isPlainObject(resource.Properties) ? resource.Properties : {};
}
