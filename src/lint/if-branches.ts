/**
 * What a property value may be at deploy time, as far as the template text says for sure: each branch
 * of an `Fn::If` is a possible value, `Ref: AWS::NoValue` is an absent one, and any other intrinsic is
 * unknown (a `Ref` to a parameter with a `Default` is unknown too: the deploy may pass another value).
 * Shared by the Route 53, Auto Scaling and blue/green practice rules.
 */
import { Intrinsic, TemplateValue } from '../model/intrinsics';
import type { TemplatePath } from '../parse';
import { numberLike } from './shapes';
import { isPlainObject } from './walk';

/** One possible value of a property, with the path where it is written. */
export interface Branch {
  readonly value: unknown;
  readonly path: TemplatePath;
}

/** True for `Ref: AWS::NoValue`. */
export function isNoValue(value: unknown): boolean {
  return value instanceof Intrinsic && value.fn === 'Ref' && value.args === 'AWS::NoValue';
}

/** The possible values of `value`: itself, or the branches of its `Fn::If` calls (nested ones too). */
export function branches(value: unknown, path: TemplatePath): Branch[] {
  if (value instanceof Intrinsic && value.fn === 'Fn::If' && Array.isArray(value.args) && value.args.length === 3) {
    return [...branches(value.args[1], [...path, 'Fn::If', 1]), ...branches(value.args[2], [...path, 'Fn::If', 2])];
  }
  return [{ value, path }];
}

/** Whether a key holds a value: surely (`yes`), in some `Fn::If` branches only (`maybe`) or not at all (`no`). */
export type Presence = 'yes' | 'maybe' | 'no';

/** The {@link Presence} of `object[key]`. */
export function presence(object: unknown, key: string): Presence {
  if (!isPlainObject(object) || !(key in object) || object[key] === undefined) return 'no';
  const all = branches(object[key], []);
  const absent = all.filter((b) => isNoValue(b.value) || b.value === undefined).length;
  return absent === 0 ? 'yes' : absent === all.length ? 'no' : 'maybe';
}

/** The number a branch holds for sure (a number or numeric string), or undefined. */
export function literalNumber(value: unknown): number | undefined {
  return typeof value === 'number' || typeof value === 'string' ? numberLike(value) : undefined;
}

/**
 * A stable text key for an expression: equal keys mean the same value at deploy time (same literal,
 * same parameter, same export name expression). Key order of mappings is kept.
 */
export function expressionKey(value: unknown): string {
  if (value instanceof Intrinsic) return `{${JSON.stringify(value.fn)}:${expressionKey(value.args)}}`;
  if (Array.isArray(value)) return `[${value.map(expressionKey).join(',')}]`;
  if (value instanceof Map) return `{${[...value].map(([k, v]) => `${JSON.stringify(String(k))}:${expressionKey(v)}`).join(',')}}`;
  if (isPlainObject(value)) return `{${Object.keys(value).map((k) => `${JSON.stringify(k)}:${expressionKey(value[k])}`).join(',')}}`;
  return JSON.stringify(value ?? null);
}

const SHORT_LIMIT = 90;

/** An expression in YAML short form for messages (`!ImportValue !Sub '${Stack}-DbEndpoint'`), shortened past 90 characters. */
export function renderExpression(value: unknown): string {
  const text = render(value);
  return text.length > SHORT_LIMIT ? `${text.slice(0, SHORT_LIMIT - 1)}…` : text;
}

function render(value: unknown): string {
  if (value instanceof Intrinsic) {
    const args: unknown = value.args;
    if (value.fn === 'Ref' && typeof args === 'string') return `!Ref ${args}`;
    if (value.fn === 'Fn::GetAtt' && Array.isArray(args) && args.every((a) => typeof a === 'string')) return `!GetAtt ${args.join('.')}`;
    if (value.fn === 'Fn::Sub') {
      const text = typeof args === 'string' ? args : Array.isArray(args) && typeof args[0] === 'string' ? args[0] : undefined;
      if (text !== undefined) return `!Sub '${firstLine(text)}'${Array.isArray(args) ? ' (with variables)' : ''}`;
    }
    const short = value.fn === 'Ref' || value.fn === 'Condition' ? value.fn : value.fn.slice('Fn::'.length);
    return `!${short} ${render(args)}`;
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(render).join(', ')}]`;
  if (isPlainObject(value)) return `{${Object.keys(value).map((k) => `${k}: ${render(value[k])}`).join(', ')}}`;
  return String(value as TemplateValue);
}

function firstLine(text: string): string {
  const nl = text.indexOf('\n');
  return nl < 0 ? text : `${text.slice(0, nl)}…`;
}
