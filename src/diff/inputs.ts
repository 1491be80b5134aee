/**
 * Deploy-time inputs whose value changes between two templates although the expressions that use
 * them do not: parameters (a changed `Default`, or a value given for the deploy), conditions (their
 * definition, or a changed parameter inside it) and mappings.
 */
import { Intrinsic, TemplateValue } from '../model/intrinsics';
import type { Mappings, Parameter, Template } from '../model/template';
import { normalizeValue, showValue, valuesEqual } from './normalize';
import { findReferences } from './references';
import type { DiffOptions } from './types';

/** What changed about the inputs, by name; each entry says how, for a reader. */
export interface ChangedInputs {
  readonly parameters: ReadonlyMap<string, string>;
  readonly conditions: ReadonlyMap<string, string>;
  /** Mappings whose content changed, with a reader for resolving `Fn::FindInMap` on either side. */
  readonly mappings: ReadonlyMap<string, string>;
  /** `Fn::FindInMap` on the old / new template's mappings, for literal keys; undefined when absent. */
  lookup(side: 'old' | 'new', map: string, top: string, second: string): TemplateValue | undefined;
}

/** The deploy-time value of a parameter: the given value, else the `Default`, as a string. */
function effective(parameter: Parameter | undefined, given: string | undefined): string | undefined {
  if (given !== undefined) return given;
  const d = parameter?.Default;
  if (d === undefined) return undefined;
  return Array.isArray(d) ? d.map(String).join(',') : String(d);
}

/** Deploy-time values of `template`'s parameters: `given` ones, else their `Default`; unknown ones left out. */
export function effectiveParameters(template: Template, given: { readonly [name: string]: string } | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, parameter] of Object.entries(template.Parameters ?? {})) {
    const v = effective(parameter, given?.[name]);
    if (v !== undefined) out.set(name, v);
  }
  return out;
}

/**
 * `value` with `Ref` to parameters of known value replaced by that value (normalised), so that a rule
 * reading `CidrIp: !Ref SSHLocation` sees the CIDR block it will get. For risk checks only.
 */
export function withParameterValues(value: TemplateValue | undefined, values: ReadonlyMap<string, string>): TemplateValue | undefined {
  if (value === undefined || value === null || typeof value !== 'object') return value;
  if (value instanceof Intrinsic) {
    if (value.fn === 'Ref' && typeof value.args === 'string' && values.has(value.args)) return values.get(value.args)!;
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => withParameterValues(v, values) as TemplateValue);
  const out: { [key: string]: TemplateValue } = {};
  for (const key of Object.keys(value)) out[key] = withParameterValues(value[key], values) as TemplateValue;
  return out;
}

/** Changed inputs between `before` and `after`. */
export function changedInputs(before: Template, after: Template, options: DiffOptions): ChangedInputs {
  const parameters = new Map<string, string>();
  const oldParams = before.Parameters ?? {};
  const newParams = after.Parameters ?? {};
  for (const name of Object.keys(newParams).sort()) {
    if (!Object.hasOwn(oldParams, name)) continue; // new parameter: expressions using it are new too
    const was = effective(oldParams[name], options.oldParameters?.[name]);
    const is = effective(newParams[name], options.newParameters?.[name]);
    if (was === is) continue;
    const noEcho = (newParams[name] as { NoEcho?: unknown } | null | undefined)?.NoEcho; // an entry may be null in a broken template
    const secret = noEcho === true || String(noEcho) === 'true';
    const show = (v: string | undefined) => (v === undefined ? 'no value' : secret ? '****' : `"${v}"`);
    const source = options.newParameters && Object.hasOwn(options.newParameters, name) ? 'given value' : 'Default';
    parameters.set(name, `parameter ${name} changes from ${show(was)} to ${show(is)} (${source}; a deploy-time value)`);
  }

  const conditions = new Map<string, string>();
  const oldConds = before.Conditions ?? {};
  const newConds = after.Conditions ?? {};
  const condNames = Object.keys(newConds).sort();
  for (const name of condNames) {
    if (!Object.hasOwn(oldConds, name)) continue;
    if (!valuesEqual(normalizeValue(oldConds[name], true), normalizeValue(newConds[name], true))) conditions.set(name, `condition ${name} is defined differently`);
  }
  // A condition that reads a changed parameter or condition changes too: to a fixed point.
  for (let grew = true; grew; ) {
    grew = false;
    for (const name of condNames) {
      if (conditions.has(name) || !Object.hasOwn(oldConds, name)) continue;
      const via = findReferences(normalizeValue(newConds[name], true)).find(
        (r) => ((r.kind === 'Ref' || r.kind === 'Sub') && parameters.has(r.target)) || ((r.kind === 'Condition' || r.kind === 'If') && conditions.has(r.target)),
      );
      if (via) {
        conditions.set(name, `condition ${name} depends on ${parameters.has(via.target) ? 'parameter' : 'condition'} ${via.target}, which changes`);
        grew = true;
      }
    }
  }

  const mappings = new Map<string, string>();
  // The parser builds Maps for well-formed Mappings only; anything else has nothing to look up.
  const oldMaps: Mappings = before.Mappings instanceof Map ? before.Mappings : new Map();
  const newMaps: Mappings = after.Mappings instanceof Map ? after.Mappings : new Map();
  for (const name of [...newMaps.keys()].sort()) {
    if (!oldMaps.has(name)) continue;
    if (!valuesEqual(mappingValue(oldMaps, name), mappingValue(newMaps, name))) mappings.set(name, `mapping ${name} changes`);
  }

  const lookup = (side: 'old' | 'new', map: string, top: string, second: string): TemplateValue | undefined => {
    const level = (side === 'old' ? oldMaps : newMaps).get(map)?.get(top);
    const v = level instanceof Map ? level.get(second) : undefined;
    return v === undefined ? undefined : normalizeValue(v);
  };
  return { parameters, conditions, mappings, lookup };
}

function mappingValue(maps: Mappings, name: string): TemplateValue | undefined {
  const m = maps.get(name);
  if (!m) return undefined;
  const out: { [key: string]: TemplateValue } = {};
  for (const [top, level] of m) {
    const inner: { [key: string]: TemplateValue } = {};
    for (const [second, v] of level) inner[second] = normalizeValue(v) ?? null;
    out[top] = inner;
  }
  return normalizeValue(out);
}

/** A literal `Fn::FindInMap` key as a string, or undefined when it is computed at deploy time. */
export function literalKey(value: TemplateValue | undefined): string | undefined {
  if (value instanceof Intrinsic || value === undefined || value === null || typeof value === 'object') return undefined;
  return String(value);
}

/** How a changed mapping value reads in a message. */
export function mappingChange(map: string, top: string, second: string, before: TemplateValue | undefined, after: TemplateValue | undefined): string {
  return `mapping ${map}.${top}.${second} changes from ${showValue(before)} to ${showValue(after)}`;
}
