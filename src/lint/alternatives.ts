/**
 * The values a property may take at deploy time, as far as a rule can know them for sure: each branch of
 * `Fn::If`, `Ref: AWS::NoValue` as "absent", and `Fn::FindInMap` with literal keys read from the
 * template's Mappings. Anything else behind an intrinsic (a parameter, even one with a Default; an
 * import; an attribute) stays an {@link Intrinsic}, which rules treat as unknown and never guess.
 */
import { Intrinsic } from '../model/intrinsics';
import type { TemplateValue } from '../model/intrinsics';
import type { Template } from '../model/template';
import type { TemplatePath } from '../parse';

/** One value a property may take, with the model path of the text that says so. */
export interface Alternative {
  /** The value; an {@link Intrinsic} when it cannot be known; `undefined` when the property is absent. */
  readonly value: TemplateValue | undefined;
  readonly path: TemplatePath;
}

/**
 * Every value `value` (found at `path`) may take: `Fn::If` branches recursively (paths
 * `[...path, 'Fn::If', 1 | 2]`), `Ref: AWS::NoValue` as absent, `Fn::FindInMap` with literal keys as the
 * mapped value (at the path of the call). A value that is not an intrinsic is its own only alternative.
 */
export function alternatives(value: unknown, path: TemplatePath, template?: Template): Alternative[] {
  const out: Alternative[] = [];
  const expand = (v: unknown, p: TemplatePath, depth: number) => {
    if (v instanceof Intrinsic && depth < 16) {
      if (v.fn === 'Fn::If' && Array.isArray(v.args) && v.args.length === 3) {
        expand(v.args[1], [...p, 'Fn::If', 1], depth + 1);
        expand(v.args[2], [...p, 'Fn::If', 2], depth + 1);
        return;
      }
      if (v.fn === 'Ref' && v.args === 'AWS::NoValue') {
        out.push({ value: undefined, path: p });
        return;
      }
      if (v.fn === 'Fn::FindInMap' && template) {
        const found = lookUp(template, v.args);
        if (found !== undefined) {
          expand(found, p, depth + 1);
          return;
        }
      }
    }
    out.push({ value: v as TemplateValue | undefined, path: p });
  };
  expand(value, path, 0);
  return out;
}

/** The value of an `Fn::FindInMap` whose three keys are literals, or undefined. */
function lookUp(template: Template, args: unknown): TemplateValue | undefined {
  if (!Array.isArray(args) || args.length < 3) return undefined;
  const [map, top, second] = args as unknown[];
  if (![map, top, second].every((k) => typeof k === 'string' || typeof k === 'number')) return undefined;
  const level = template.Mappings instanceof Map ? template.Mappings.get(String(map)) : undefined;
  const row = level instanceof Map ? level.get(String(top)) : undefined;
  return row instanceof Map ? row.get(String(second)) : undefined;
}

/** True when `value` is a literal scalar (not absent, not an intrinsic, not a list or mapping). */
export function isLiteral(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** A literal integer, or a string holding one (`"-1"`, `" 22 "`); undefined otherwise. */
export function integerOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)) return Number(value.trim());
  return undefined;
}

/**
 * The Ref or `Fn::GetAtt <id>.<attribute>` target of `value` when it names a resource of the template
 * (`attributes` lists the GetAtt attributes that stand for the resource's id, e.g. `Id`, `GroupId`).
 */
export function resourceTarget(value: unknown, template: Template, attributes: readonly string[] = []): string | undefined {
  if (!(value instanceof Intrinsic)) return undefined;
  let id: unknown;
  if (value.fn === 'Ref') id = value.args;
  else if (value.fn === 'Fn::GetAtt') {
    const args = value.args as unknown;
    const [name, attribute] = Array.isArray(args) ? args : typeof args === 'string' ? args.split(/\.(.*)/s) : [];
    if (attributes.includes(attribute as string)) id = name;
  }
  const resources = template.Resources as { [id: string]: unknown } | undefined;
  return typeof id === 'string' && resources && Object.prototype.hasOwnProperty.call(resources, id) ? id : undefined;
}

/**
 * The items of a list property: every `Fn::If` branch of the list and of each item expanded, absent
 * items (`Ref: AWS::NoValue`) dropped. A value that is not a list (or is behind another intrinsic) yields
 * nothing, unless `scalar` is set: then it is its own one item (for `Action: "*"` / `Action: [...]`).
 */
export function listItems(value: unknown, path: TemplatePath, template?: Template, scalar = false): Alternative[] {
  const out: Alternative[] = [];
  for (const list of alternatives(value, path, template)) {
    if (!Array.isArray(list.value)) {
      if (scalar && list.value !== undefined) out.push(list);
      continue;
    }
    list.value.forEach((item, i) => {
      for (const alt of alternatives(item, [...list.path, i], template)) if (alt.value !== undefined) out.push(alt);
    });
  }
  return out;
}
