/**
 * Checks a resource's properties against the compiled spec index: unknown and missing required
 * properties, value shapes and types, enum values and deprecated properties, recursively through
 * property types, lists, maps and unions. One walk per resource, shared by the property-* rules
 * (each reports its own kind of {@link SpecIssue}).
 *
 * Values are checked as leniently as CloudFormation reads them: scalars convert to strings, `"10"`
 * is an integer and `"true"` a boolean. Values behind intrinsics are never guessed, but the shape an
 * intrinsic yields is known: `Fn::If` branches are checked each (`Ref: AWS::NoValue` is "absent"),
 * `Fn::Split` / `Fn::GetAZs` / `Fn::Cidr` and `Ref` to a list parameter yield a list, `Fn::Join` /
 * `Fn::Sub` / `Fn::Base64` yield a string; any other intrinsic yields an unknown value.
 * See https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
 */
import { Intrinsic } from '../model/intrinsics';
import type { Template } from '../model/template';
import type { ParsedTemplate, TemplatePath } from '../parse';
import type { PropertySpec, SpecIndex, TypeCode } from '../spec';
import type { ResourceVisit, RuleContext } from './types';
import { isPlainObject } from './walk';

/** One finding of the spec walk; `path` is where to report it (its key when `key` is set). */
export type SpecIssue =
  | { readonly kind: 'unknown'; readonly path: TemplatePath; readonly key: true; readonly name: string; readonly owner: string; readonly suggestion?: string }
  | { readonly kind: 'required'; readonly path: TemplatePath; readonly key: true; readonly name: string; readonly owner: string }
  | { readonly kind: 'type'; readonly path: TemplatePath; readonly key: false; readonly property: string; readonly expected: string; readonly actual: string }
  | { readonly kind: 'enum'; readonly path: TemplatePath; readonly key: false; readonly property: string; readonly value: string; readonly allowed: readonly string[]; readonly suggestion?: string }
  | { readonly kind: 'deprecated'; readonly path: TemplatePath; readonly key: true; readonly name: string; readonly owner: string };

/** The CloudFormation transform that turns `AWS::Serverless::*` resources into plain ones. */
export const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';

const CUSTOM_RESOURCE = 'AWS::CloudFormation::CustomResource';

/** True when the template's `Transform` names `name`. */
export function hasTransform(template: Template, name: string): boolean {
  const t: unknown = template.Transform;
  return t === name || (Array.isArray(t) && t.includes(name));
}

/**
 * The spec issues of one resource, computed on first call and cached per resource object; empty for
 * resource types the spec does not know and for `AWS::Serverless::*` (the SAM transform validates
 * those and fills them from `Globals`). Custom resources are checked for `ServiceToken` only.
 */
export function specIssues(context: Pick<RuleContext, 'template' | 'spec' | 'parsed'>, visit: ResourceVisit): readonly SpecIssue[] {
  const resource = visit.resource as unknown;
  if (!isPlainObject(resource)) return [];
  let cached = cache.get(resource);
  if (!cached || cached.spec !== context.spec) {
    let issues = walkResource(context.template, context.spec, visit);
    if (issues.length) issues = issues.filter((i) => !behindUnknownTag(context.parsed, i.path));
    cached = { spec: context.spec, issues };
    cache.set(resource, cached);
  }
  return cached.issues;
}

/**
 * True when the value at `path` or one of its ancestors carries a YAML tag cfnkit does not know
 * (`!Rain::Embed`, a macro's tag): the parser keeps the bare value and parse-unknown-tag reports the
 * tag, so what CloudFormation would receive there is unknown.
 */
export function behindUnknownTag(parsed: ParsedTemplate, path: TemplatePath): boolean {
  let offsets = unknownTags.get(parsed);
  if (!offsets) {
    offsets = new Set(parsed.problems.filter((p) => p.code === 'unknown-tag').map((p) => p.range.start.offset));
    unknownTags.set(parsed, offsets);
  }
  if (offsets.size === 0) return false;
  for (let n = path.length; n > 0; n--) {
    const range = parsed.locate(path.slice(0, n));
    if (range && offsets.has(range.start.offset)) return true;
  }
  return false;
}

const unknownTags = new WeakMap<ParsedTemplate, ReadonlySet<number>>();

const cache = new WeakMap<object, { spec: SpecIndex; issues: readonly SpecIssue[] }>();

function walkResource(template: Template, spec: SpecIndex, visit: ResourceVisit): SpecIssue[] {
  const type: unknown = visit.resource.Type;
  if (typeof type !== 'string' || type.startsWith('AWS::Serverless::')) return [];
  const custom = type.startsWith('Custom::') || type === CUSTOM_RESOURCE;
  const resourceSpec = spec.resource(custom ? CUSTOM_RESOURCE : type);
  if (!resourceSpec) return [];
  const walk = new Walk(spec, listParameters(template));
  const path = [...visit.path, 'Properties'];
  const properties: unknown = visit.resource.Properties;
  if (properties === undefined) {
    for (const [name, p] of Object.entries(resourceSpec.p)) {
      if (p.r) walk.issues.push({ kind: 'required', path: visit.path, key: true, name, owner: type });
    }
  } else {
    walk.object(properties, resourceSpec.p, type, path, walk.issues, custom);
  }
  return walk.issues;
}

/** Parameters whose `Ref` is a list: `List<…>`, `CommaDelimitedList` and their SSM forms (once per template). */
function listParameters(template: Template): ReadonlySet<string> {
  let out = listsOf.get(template);
  if (out) return out;
  out = new Set<string>(['AWS::NotificationARNs']);
  listsOf.set(template, out);
  const params: unknown = template.Parameters;
  if (!isPlainObject(params)) return out;
  for (const [name, p] of Object.entries(params)) {
    const type = isPlainObject(p) ? p.Type : undefined;
    if (typeof type === 'string' && LIST_PARAMETER.test(type)) out.add(name);
  }
  return out;
}

const listsOf = new WeakMap<Template, Set<string>>();

const LIST_PARAMETER = /^(List<|CommaDelimitedList$|AWS::SSM::Parameter::Value<(List<|CommaDelimitedList>))/;

/** What a value is, as far as it is known before deployment. */
type Shape = 'object' | 'list' | 'string' | 'number' | 'boolean' | 'null' | 'unknown' | 'absent';

const LIST_FUNCTIONS: ReadonlySet<string> = new Set(['Fn::GetAZs', 'Fn::Split', 'Fn::Cidr']);
const STRING_FUNCTIONS: ReadonlySet<string> = new Set(['Fn::Join', 'Fn::Sub', 'Fn::Base64']);
const BOOLEAN_STRINGS: ReadonlySet<string> = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE']);
const INTEGER = /^\s*[+-]?\d+\s*$/;
const NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

function isNoValue(value: unknown): boolean {
  return value instanceof Intrinsic && value.fn === 'Ref' && value.args === 'AWS::NoValue';
}

/** A property's accepted type: `t`, or `t` and its previous types `pt` as one union (built once). */
const unionOf = new WeakMap<PropertySpec, TypeCode>();

function accepted(p: PropertySpec): TypeCode {
  if (!p.pt?.length) return p.t;
  let u = unionOf.get(p);
  if (!u) unionOf.set(p, (u = { u: [p.t, ...p.pt] }));
  return u;
}

class Walk {
  readonly issues: SpecIssue[] = [];

  constructor(
    private readonly spec: SpecIndex,
    private readonly lists: ReadonlySet<string>,
  ) {}

  /** The shape `value` has; intrinsics by what they yield. */
  shape(value: unknown): Shape {
    if (value instanceof Intrinsic) {
      if (value.fn === 'Ref') {
        if (value.args === 'AWS::NoValue') return 'absent';
        return typeof value.args === 'string' && this.lists.has(value.args) ? 'list' : 'unknown';
      }
      if (LIST_FUNCTIONS.has(value.fn)) return 'list';
      if (STRING_FUNCTIONS.has(value.fn)) return 'string';
      return 'unknown';
    }
    if (Array.isArray(value)) return 'list';
    if (value === null) return 'null';
    switch (typeof value) {
      case 'string':
        return 'string';
      case 'number':
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'object':
        // `Fn::ToJsonString`, `Fn::Length`, pre-processor directives: intrinsics cfnkit does not model.
        // A `Fn::Transform` key next to others: AWS::Include or a macro fills the object in.
        for (const k of Object.keys(value as object)) if (k.startsWith('Fn::')) return 'unknown';
        return 'object';
      default:
        return 'unknown';
    }
  }

  /** Checks `value` against `type`, appending to `out`. */
  value(value: unknown, type: TypeCode, path: TemplatePath, out: SpecIssue[]): void {
    if (value instanceof Intrinsic && value.fn === 'Fn::If') {
      const args = value.args as unknown;
      if (Array.isArray(args) && args.length === 3) {
        this.value(args[1], type, [...path, 'Fn::If', 1], out);
        this.value(args[2], type, [...path, 'Fn::If', 2], out);
      }
      return;
    }
    const shape = this.shape(value);
    if (shape === 'unknown' || shape === 'absent') return;
    if (typeof type === 'string') {
      if (type.charCodeAt(0) === 35 /* # */) {
        const props = this.spec.propertyType(type.slice(1));
        if (props === undefined) return;
        if (shape !== 'object') return this.mismatch(value, shape, describe(type), path, out);
        return this.object(value, props, shortName(type), path, out, false);
      }
      if (this.scalarFits(value, shape, type)) return;
      if (type === 'g' && shape === 'object') return this.object(value, TAG, 'Tag', path, out, false);
      return this.mismatch(value, shape, describe(type), path, out);
    }
    if ('e' in type) {
      if (shape === 'string' && typeof value !== 'string') return; // Fn::Join / Fn::Sub: not literal
      if (shape === 'string' || shape === 'number' || shape === 'boolean') return this.enumValue(value as string | number | boolean, type.e, path, out);
      return this.mismatch(value, shape, 'String', path, out);
    }
    if ('l' in type) {
      if (shape !== 'list') return this.mismatch(value, shape, describe(type), path, out);
      if (Array.isArray(value)) for (let i = 0; i < value.length; i++) this.value(value[i], type.l, [...path, i], out);
      return;
    }
    if ('m' in type) {
      if (shape !== 'object') return this.mismatch(value, shape, describe(type), path, out);
      const map = value as { [key: string]: unknown };
      for (const k of Object.keys(map)) this.value(map[k], type.m, [...path, k], out);
      return;
    }
    return this.union(value, shape, type.u, path, out);
  }

  /**
   * Checks an object's properties: unknown names (unless `open`), deprecated ones, each value, and
   * the required ones. `Fn::If` on the whole object checks each branch.
   */
  object(value: unknown, props: { readonly [name: string]: PropertySpec }, owner: string, path: TemplatePath, out: SpecIssue[], open: boolean): void {
    if (value instanceof Intrinsic && value.fn === 'Fn::If') {
      const args = value.args as unknown;
      if (Array.isArray(args) && args.length === 3) {
        this.object(args[1], props, owner, [...path, 'Fn::If', 1], out, open);
        this.object(args[2], props, owner, [...path, 'Fn::If', 2], out, open);
      }
      return;
    }
    const shape = this.shape(value);
    if (shape === 'unknown' || shape === 'absent') return;
    if (shape !== 'object') return this.mismatch(value, shape, 'an object', path, out);
    const obj = value as { [key: string]: unknown };
    for (const name of Object.keys(obj)) {
      const p = Object.prototype.hasOwnProperty.call(props, name) ? props[name] : undefined;
      if (!p) {
        if (!open) {
          const suggestion = closest(name, Object.keys(props));
          out.push({ kind: 'unknown', path: [...path, name], key: true, name, owner, ...(suggestion ? { suggestion } : {}) });
        }
        continue;
      }
      if (p.d) out.push({ kind: 'deprecated', path: [...path, name], key: true, name, owner });
      this.value(obj[name], accepted(p), [...path, name], out);
    }
    for (const name of Object.keys(props)) {
      if (props[name].r && (!Object.prototype.hasOwnProperty.call(obj, name) || isNoValue(obj[name]))) {
        out.push({ kind: 'required', path, key: true, name, owner });
      }
    }
  }

  private scalarFits(value: unknown, shape: Shape, type: string): boolean {
    const literal = !(value instanceof Intrinsic);
    switch (type) {
      case 'j':
        return true;
      case 's':
      case 'd':
        return shape === 'string' || shape === 'number' || shape === 'boolean';
      case 'i':
        return shape === 'number' || (shape === 'string' && (!literal || INTEGER.test(value as string)));
      case 'n':
        return shape === 'number' || (shape === 'string' && (!literal || NUMBER.test(value as string)));
      case 'b':
        return shape === 'boolean' || (shape === 'string' && (!literal || BOOLEAN_STRINGS.has(value as string)));
      default:
        return false;
    }
  }

  private enumValue(value: string | number | boolean, allowed: readonly string[], path: TemplatePath, out: SpecIssue[]): void {
    const text = String(value);
    if (allowed.includes(text)) return;
    if (typeof value === 'boolean' || BOOLEAN_STRINGS.has(text)) {
      const b = text.toLowerCase();
      if (allowed.some((a) => a.toLowerCase() === b)) return;
    }
    const suggestion = closest(text, allowed);
    out.push({ kind: 'enum', path, key: false, property: propertyName(path), value: text, allowed, ...(suggestion ? { suggestion } : {}) });
  }

  /** A union (or a property's type with its previous types): any member that accepts the value will do. */
  private union(value: unknown, shape: Shape, members: readonly TypeCode[], path: TemplatePath, out: SpecIssue[]): void {
    let best: SpecIssue[] | undefined;
    let bestErrors = Infinity;
    for (const m of members) {
      const tried: SpecIssue[] = [];
      this.value(value, m, path, tried);
      const errors = tried.filter((i) => i.kind !== 'deprecated').length;
      if (errors === 0) {
        out.push(...tried);
        return;
      }
      // Report the closest member: one of the value's own shape, with the fewest problems.
      if (fitsShape(m, shape) && errors < bestErrors) {
        best = tried;
        bestErrors = errors;
      }
    }
    if (best) out.push(...best);
    else this.mismatch(value, shape, describe({ u: members }), path, out);
  }

  private mismatch(value: unknown, shape: Shape, expected: string, path: TemplatePath, out: SpecIssue[]): void {
    out.push({ kind: 'type', path, key: false, property: propertyName(path), expected, actual: describeValue(value, shape) });
  }
}

/** The `tag` type: `{Key, Value}`. Only `Key` is required: some resource types' tags take no value. */
const TAG: { readonly [name: string]: PropertySpec } = { Key: { t: 's', r: 1 }, Value: { t: 's' } };

function fitsShape(type: TypeCode, shape: Shape): boolean {
  if (typeof type === 'string') {
    if (type === 'j') return true;
    if (type === 'g' || type.startsWith('#')) return shape === 'object';
    return shape === 'string' || shape === 'number' || shape === 'boolean';
  }
  if ('e' in type) return shape === 'string' || shape === 'number' || shape === 'boolean';
  if ('l' in type) return shape === 'list';
  if ('m' in type) return shape === 'object';
  return type.u.some((m) => fitsShape(m, shape));
}

const SCALAR_NAMES: { readonly [code: string]: string } = { s: 'String', i: 'Integer', n: 'Number', b: 'Boolean', j: 'Json', g: 'Tag', d: 'Timestamp' };

/** A type code in words: `List of String`, `Map of Integer`, `CorsRule`, `String or S3Location`. */
export function describe(type: TypeCode): string {
  if (typeof type === 'string') {
    return type.startsWith('#') ? shortName(type) : (SCALAR_NAMES[type] ?? type);
  }
  if ('e' in type) return 'String';
  if ('l' in type) return `List of ${describe(type.l)}`;
  if ('m' in type) return `Map of ${describe(type.m)}`;
  return [...new Set(type.u.map(describe))].join(' or ');
}

function describeValue(value: unknown, shape: Shape): string {
  if (value instanceof Intrinsic) return `${value.fn} (${shape === 'list' ? 'a list' : 'a string'})`;
  switch (shape) {
    case 'list':
      return 'a list';
    case 'object':
      return 'an object';
    case 'null':
      return 'null';
    case 'string':
      return JSON.stringify(value);
    default:
      return String(value);
  }
}

/** `#AWS::S3::Bucket.CorsRule` → `CorsRule`. */
function shortName(code: string): string {
  const dot = code.lastIndexOf('.');
  return dot >= 0 ? code.slice(dot + 1) : code.slice(1);
}

/** The property path below `Properties`, as users write it: `Tags[0].Key` (Fn::If branches left out). */
export function propertyName(path: TemplatePath): string {
  const start = path.indexOf('Properties') + 1;
  let out = '';
  for (let i = start; i < path.length; i++) {
    const seg = path[i];
    if (seg === 'Fn::If') {
      i++;
      continue;
    }
    out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  }
  return out || 'Properties';
}

/**
 * The candidate closest to `name`: a case-insensitive match, else the nearest by edit distance when
 * that is small for the name's length (1 for short names, up to 3 for long ones).
 */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  const limit = Math.min(3, Math.max(1, Math.floor(name.length / 5)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const c of candidates) {
    const cl = c.toLowerCase();
    if (cl === lower) return c;
    if (Math.abs(c.length - name.length) >= bestDistance) continue;
    const d = distance(lower, cl, bestDistance);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance of `a` and `b`, or `cap` once it is at least `cap`. */
function distance(a: string, b: string, cap: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let min = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
      row.push(v);
      if (v < min) min = v;
    }
    if (min >= cap) return cap;
    prev = row;
  }
  return prev[b.length];
}
