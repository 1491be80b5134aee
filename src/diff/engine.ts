/**
 * `diffTemplates`: what deploying `after` over a stack built from `before` does to each resource,
 * offline. Steps:
 * 1. normalise both templates, so formatting-only edits are no changes (`normalize.ts`);
 * 2. for every changed path, the worst update behaviour along the spec's type graph (`replacement.ts`);
 *    a `Type` change is a replacement;
 * 3. inputs whose value changes under unchanged expressions: parameters, conditions, mappings
 *    (`inputs.ts`); a replacement-causing property fed by one is "may replace";
 * 4. replacement propagated through `Ref`, `Fn::GetAtt` and `Fn::Sub` references to a fixed point;
 * 5. risk flags: data loss, fixed physical names, IAM and security-group widening.
 */
import type { TemplateValue } from '../model/intrinsics';
import type { Template } from '../model/template';
import { SpecIndex, specIndex } from '../spec';
import { ChangedInputs, changedInputs, effectiveParameters, literalKey, mappingChange, withParameterValues } from './inputs';
import { isPlainMap, normalizeResource, showValue, valuesEqual } from './normalize';
import { Segment, changedPaths, formatPath, mapLeaves } from './paths';
import { Reference, findReferences } from './references';
import { propertyImpact, worst } from './replacement';
import { retention } from './retention';
import { fixedNameProperty } from './stateful';
import { summarize } from './summary';
import type { ChangeAction, DiffOptions, Impact, PropertyChange, ResourceChange, Risk, TemplateDiff } from './types';
import { iamWidening, securityGroupWidening } from './widening';

type Entry = { [key: string]: TemplateValue };

/** A resource while its change is worked out. */
interface Work {
  readonly id: string;
  readonly before?: Entry;
  readonly after?: Entry;
  readonly oldType?: string;
  readonly newType?: string;
  readonly props: Map<string, PropertyChange>;
  /** References in the new entry, for propagation (computed once). */
  readonly refs: readonly Reference[];
}

/**
 * Compares two templates and returns the changed resources, sorted by logical id, with a summary.
 * Never throws for template content: unknown types and odd values make changes "may replace".
 */
export function diffTemplates(before: Template, after: Template, options: DiffOptions = {}, spec: SpecIndex = specIndex()): TemplateDiff {
  const oldResources = resourcesOf(before);
  const newResources = resourcesOf(after);
  const ids = [...new Set([...Object.keys(oldResources), ...Object.keys(newResources)])].sort();
  const works = new Map<string, Work>();
  for (const id of ids) {
    const b = Object.hasOwn(oldResources, id) ? normalizeResource(oldResources[id]) : undefined;
    const a = Object.hasOwn(newResources, id) ? normalizeResource(newResources[id]) : undefined;
    const work: Work = {
      id,
      before: b,
      after: a,
      oldType: typeOf(b),
      newType: typeOf(a),
      props: new Map(),
      refs: a ? findReferences(a).filter((r) => r.path[0] !== 'DependsOn') : [],
    };
    works.set(id, work);
    if (b && a) directChanges(work, spec);
  }
  const inputs = changedInputs(before, after, options);
  for (const work of works.values()) if (isKept(work)) inputChanges(work, inputs, spec);
  propagate(works, spec);
  const values = { before: effectiveParameters(before, options.oldParameters), after: effectiveParameters(after, options.newParameters) };
  const changes: ResourceChange[] = [];
  for (const work of works.values()) {
    const change = finish(work, spec, values);
    if (change) changes.push(change);
  }
  return { changes, summary: summarize(changes) };
}

function resourcesOf(t: Template): Template['Resources'] {
  return isPlainMap(t.Resources) ? t.Resources : {};
}

function typeOf(entry: Entry | undefined): string | undefined {
  if (!entry) return undefined;
  return typeof entry.Type === 'string' ? entry.Type : '(no Type)';
}

/** In both templates with the same type: its physical resource may be kept. */
function isKept(work: Work): boolean {
  return work.before !== undefined && work.after !== undefined && work.oldType === work.newType;
}

function record(work: Work, change: Omit<PropertyChange, 'path'> & { path: readonly Segment[] }): void {
  const key = formatPath(change.path);
  const prev = work.props.get(key);
  const merged: PropertyChange = prev
    ? {
        ...prev,
        impact: worst(prev.impact, change.impact),
        ...(change.cause && prev.cause !== change.cause ? { cause: prev.cause ? `${prev.cause}; ${change.cause}` : change.cause } : {}),
      }
    : {
        path: key,
        impact: change.impact,
        ...(change.before !== undefined ? { before: change.before } : {}),
        ...(change.after !== undefined ? { after: change.after } : {}),
        ...(change.cause ? { cause: change.cause } : {}),
      };
  work.props.set(key, merged);
}

/** The worst impact so far, or undefined when nothing changed. */
function currentImpact(work: Work): Impact | undefined {
  let impact: Impact | undefined;
  for (const p of work.props.values()) impact = impact ? worst(impact, p.impact) : p.impact;
  return impact;
}

/** Step 2: changes written in the template. */
function directChanges(work: Work, spec: SpecIndex): void {
  const typeChanged = work.oldType !== work.newType;
  for (const c of changedPaths(work.before, work.after)) {
    let impact: Impact;
    if (typeChanged) impact = 'replace';
    else if (c.path[0] === 'Properties') impact = pathImpact(work.newType!, c.path.slice(1), c.before, c.after, spec);
    else impact = 'update';
    record(work, { path: c.path, impact, before: c.before, after: c.after });
  }
}

/**
 * The impact of a change at `path` below `Properties`. When a whole mapping appears or disappears,
 * every leaf inside it counts, so adding `DnsOptions.PrivateDnsPreference` is judged on that property.
 */
function pathImpact(type: string, path: readonly Segment[], before: TemplateValue | undefined, after: TemplateValue | undefined, spec: SpecIndex): Impact {
  let impact: Impact = path.length > 0 ? propertyImpact(type, path, spec) : 'update';
  const whole = before === undefined ? after : after === undefined ? before : undefined;
  if (isPlainMap(whole)) {
    for (const leaf of mapLeaves(whole, path)) if (leaf.length > 0) impact = worst(impact, propertyImpact(type, leaf, spec));
  }
  return impact;
}

/** The impact a reference at `path` has on a resource of `type` when the referenced value changes. */
function referenceImpact(type: string, path: readonly Segment[], spec: SpecIndex): Impact {
  return path[0] === 'Properties' && path.length > 1 ? propertyImpact(type, path.slice(1), spec) : 'update';
}

/** "May" version of an impact: a value known only at deploy time may or may not change. */
function uncertain(impact: Impact): Impact {
  return impact === 'update' ? 'update' : 'may-replace';
}

/** Step 3: parameters, conditions and mappings whose values change under unchanged expressions. */
function inputChanges(work: Work, inputs: ChangedInputs, spec: SpecIndex): void {
  const type = work.newType!;
  for (const ref of work.refs) {
    const base = referenceImpact(type, ref.path, spec);
    if ((ref.kind === 'Ref' || ref.kind === 'Sub') && inputs.parameters.has(ref.target)) {
      record(work, { path: ref.path, impact: uncertain(base), cause: inputs.parameters.get(ref.target) });
    } else if ((ref.kind === 'If' || ref.kind === 'Condition') && inputs.conditions.has(ref.target)) {
      record(work, { path: ref.path, impact: uncertain(base), cause: inputs.conditions.get(ref.target) });
    } else if (ref.kind === 'FindInMap' && inputs.mappings.has(ref.target)) {
      const top = literalKey(ref.keys?.[0]);
      const second = literalKey(ref.keys?.[1]);
      if (top !== undefined && second !== undefined) {
        const was = inputs.lookup('old', ref.target, top, second);
        const is = inputs.lookup('new', ref.target, top, second);
        if (!valuesEqual(was, is)) record(work, { path: ref.path, impact: base, cause: mappingChange(ref.target, top, second, was, is) });
      } else {
        record(work, { path: ref.path, impact: uncertain(base), cause: `${inputs.mappings.get(ref.target)} and is read with keys known at deploy time` });
      }
    }
  }
  const condition = work.after?.Condition;
  if (typeof condition === 'string' && inputs.conditions.has(condition)) {
    record(work, { path: ['Condition'], impact: 'may-replace', cause: `${inputs.conditions.get(condition)}: the resource may be created or deleted at deploy time` });
  }
}

/** The action of a kept resource so far. */
function keptAction(work: Work): Impact | undefined {
  return work.oldType !== work.newType ? 'replace' : currentImpact(work);
}

/** Attributes that name the physical resource (`Arn`, `GroupId`, …): an in-place update keeps them. */
const IDENTITY_ATTRIBUTE = /^(Arn|Id|Name)$|Ids?$/;

/**
 * Step 4: a resource whose property references a replaced resource gets that property's impact
 * (replaced too when the property causes replacement, else updated); repeated until nothing changes.
 * Reading a non-identity attribute (`StreamArn`, `LatestVersionNumber`) of an updated resource from a
 * replacement-causing property may replace.
 */
function propagate(works: Map<string, Work>, spec: SpecIndex): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const work of works.values()) {
      if (!isKept(work)) continue;
      const was = keptAction(work);
      for (const ref of work.refs) {
        if (ref.kind !== 'Ref' && ref.kind !== 'GetAtt' && ref.kind !== 'Sub') continue;
        const target = works.get(ref.target);
        if (!target || target === work || !target.before || !target.after) continue;
        const targetAction = keptAction(target);
        if (targetAction === undefined) continue;
        const base = referenceImpact(work.newType!, ref.path, spec);
        const via = ref.kind === 'Sub' ? `\${${ref.target}${ref.attribute ? `.${ref.attribute}` : ''}} in Fn::Sub` : ref.kind === 'GetAtt' ? `Fn::GetAtt ${ref.target}.${ref.attribute ?? ''}` : `Ref ${ref.target}`;
        if (targetAction === 'replace') {
          record(work, { path: ref.path, impact: base, cause: `${via}: ${ref.target} is replaced` });
        } else if (targetAction === 'may-replace') {
          record(work, { path: ref.path, impact: uncertain(base), cause: `${via}: ${ref.target} may be replaced` });
        } else if (ref.attribute !== undefined && base === 'replace' && !IDENTITY_ATTRIBUTE.test(ref.attribute)) {
          record(work, { path: ref.path, impact: 'may-replace', cause: `${via}: the attribute may change when ${ref.target} is updated` });
        }
      }
      if (keptAction(work) !== was) changed = true;
    }
  }
}

/** Step 5: the final change of one resource, or undefined when it does not change. */
function finish(work: Work, spec: SpecIndex, values: { before: ReadonlyMap<string, string>; after: ReadonlyMap<string, string> }): ResourceChange | undefined {
  const { id, before, after } = work;
  const reasons: string[] = [];
  const risks: Risk[] = [];
  let action: ChangeAction;
  let dataLoss = false;
  let type: string;
  if (!before && after) {
    type = work.newType!;
    action = 'add';
    reasons.push('new in the template');
  } else if (before && !after) {
    type = work.oldType!;
    const fate = retention(type, 'remove', before.DeletionPolicy, type);
    action = fate.kept ? 'orphan' : 'remove';
    reasons.push('no longer in the template');
    if (fate.reason) reasons.push(fate.reason);
    if (fate.risk) risks.push(fate.risk);
    dataLoss = fate.dataLoss;
  } else {
    const impact = keptAction(work);
    if (impact === undefined) return undefined;
    type = work.newType!;
    action = impact;
    if (work.oldType !== work.newType) reasons.push(`Type changes from ${work.oldType} to ${work.newType}: a new resource replaces the old one`);
    for (const p of [...work.props.values()].sort(byPath)) {
      if (p.path === 'Type' || p.impact !== impact) continue;
      if (p.cause) reasons.push(`${p.path}: ${p.cause}`);
      else reasons.push(`${p.path} ${impact === 'replace' ? 'requires replacement' : impact === 'may-replace' ? 'may require replacement' : 'is updated in place'}`);
    }
    if (impact === 'replace' || impact === 'may-replace') {
      const fate = retention(work.oldType!, impact, after!.UpdateReplacePolicy, work.oldType!);
      if (fate.reason) reasons.push(fate.reason);
      if (fate.risk) risks.push(fate.risk);
      dataLoss = fate.dataLoss;
      const name = fixedName(work, spec);
      if (name) risks.push({ code: 'fixed-name', message: `${impact === 'replace' ? 'the replacement will fail' : 'a replacement would fail'}: ${name}` });
    }
  }
  // Widening is judged on the values rules will get: parameter references resolved where known.
  const resolvedBefore = withParameterValues(before, values.before) as Entry | undefined;
  const resolvedAfter = withParameterValues(after, values.after) as Entry | undefined;
  risks.push(...iamWidening(type, resolvedBefore, resolvedAfter), ...securityGroupWidening(type, resolvedBefore, resolvedAfter));
  risks.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
  const properties = before && after ? [...work.props.values()].sort(byPath) : [];
  return { resource: id, type, action, dataLoss, reasons: dedupe(reasons), properties, risks: dedupeRisks(risks) };
}

/** A fixed physical name the replacement would reuse, described; undefined when there is none. */
function fixedName(work: Work, spec: SpecIndex): string | undefined {
  if (work.oldType !== work.newType) return undefined; // a different type lives in another namespace
  const prop = fixedNameProperty(work.newType!, spec);
  if (!prop) return undefined;
  const oldProps = work.before?.Properties;
  const newProps = work.after?.Properties;
  if (!isPlainMap(oldProps) || !isPlainMap(newProps) || newProps[prop] === undefined) return undefined;
  // The name changes when its expression does, or when something it reads does (a replaced
  // resource, a parameter): either way a change is recorded at its path.
  if (!valuesEqual(oldProps[prop], newProps[prop]) || work.props.has(`Properties.${prop}`)) return undefined;
  return `${prop} stays ${typeof newProps[prop] === 'string' ? JSON.stringify(newProps[prop]) : showValue(newProps[prop])} and CloudFormation creates the new resource before deleting the old one, which still holds the name; change or remove ${prop}`;
}

function byPath(a: PropertyChange, b: PropertyChange): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

function dedupe(items: string[]): string[] {
  return [...new Set(items)];
}

function dedupeRisks(risks: Risk[]): Risk[] {
  const seen = new Set<string>();
  return risks.filter((r) => {
    const key = `${r.code}\u0000${r.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
