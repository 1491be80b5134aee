/**
 * Reference analysis: every name one part of a template uses to point at another (Ref, Fn::GetAtt,
 * Fn::Sub variables, DependsOn, condition names, Fn::FindInMap), collected in one walk and shared by
 * the rules that check targets, cycles and unused declarations (computed once per template).
 *
 * See https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
 */
import { Intrinsic, PSEUDO_PARAMETERS, TemplateValue } from '../model/intrinsics';
import type { Template } from '../model/template';
import type { TemplatePath } from '../parse';
import { isPlainObject, walkValue } from './walk';

/** How a template names a resource or parameter. */
export type TargetVia = 'Ref' | 'Fn::GetAtt' | 'Fn::Sub' | 'DependsOn';

/** A Ref, Fn::GetAtt, Fn::Sub variable or DependsOn entry: names a resource, parameter or pseudo parameter. */
export interface TargetReference {
  readonly via: TargetVia;
  /** The logical id (or pseudo parameter) named. */
  readonly target: string;
  /**
   * The attribute of a GetAtt (`Fn::GetAtt` or a dotted `${Res.Attr}` Fn::Sub variable): a string, or an
   * intrinsic when computed; undefined for Ref, Sub variables without a dot and DependsOn.
   */
  readonly attribute?: string | Intrinsic;
  /** Where the name is written (the intrinsic's argument, the DependsOn value or list item). */
  readonly path: TemplatePath;
  /** Where the attribute is written (Fn::GetAtt only). */
  readonly attributePath?: TemplatePath;
  /** Logical id of the resource whose entry holds the reference; undefined outside Resources. */
  readonly from?: string;
  /** Top-level section holding the reference (`Resources`, `Outputs`, `Conditions`, …). */
  readonly section: string;
}

/** How a template names a condition. */
export type ConditionVia = 'Condition' | 'Fn::If' | 'Condition function';

/** A condition name: a resource's or output's `Condition`, Fn::If's first argument, or the Condition function. */
export interface ConditionReference {
  readonly via: ConditionVia;
  readonly target: string;
  readonly path: TemplatePath;
  /**
   * False for a `{Condition: name}` mapping that CloudFormation reads as plain data (outside the
   * Conditions section and the arguments of Fn::And / Fn::Or / Fn::Not): a use, not a checked name.
   */
  readonly evaluated: boolean;
}

/** An Fn::FindInMap call. Keys are strings when literal (numbers read as their text), otherwise undefined. */
export interface MapLookup {
  /** The mapping name, or undefined when computed. */
  readonly map: string | undefined;
  readonly topKey: string | undefined;
  readonly secondKey: string | undefined;
  /** True when a fourth argument (AWS::LanguageExtensions DefaultValue) is given. */
  readonly hasDefault: boolean;
  /** Path of the Fn::FindInMap argument list; the mapping name is at `[...path, 0]`. */
  readonly path: TemplatePath;
}

/** A mapping level: keys in template order. */
export type MappingLevel = ReadonlyMap<string, unknown>;

/** The declarations of a template and every reference between them. */
export interface TemplateReferences {
  /** Resource logical id → resource type ('' when not a literal string). */
  readonly resources: ReadonlyMap<string, string>;
  readonly parameters: ReadonlySet<string>;
  readonly conditions: ReadonlySet<string>;
  /** Mapping name → top-level keys → second-level keys. */
  readonly mappings: ReadonlyMap<string, ReadonlyMap<string, MappingLevel | undefined>>;
  /** Refs, GetAtts, Sub variables and DependsOn entries, in template order. */
  readonly targets: readonly TargetReference[];
  readonly conditionReferences: readonly ConditionReference[];
  readonly mapLookups: readonly MapLookup[];
  /** Parameter names used by the Rules section's `Fn::ValueOf`. */
  readonly ruleParameterUses: ReadonlySet<string>;
  /**
   * True when a transform the template names could add or use declarations the text does not show
   * (a macro, `AWS::Include` through Fn::Transform, any transform other than SAM and
   * AWS::LanguageExtensions): names that resolve to nothing may still be valid, and nothing is unused.
   */
  readonly openTransform: boolean;
  /** True when the template uses Fn::ForEach (AWS::LanguageExtensions), which creates resources and outputs by name. */
  readonly forEach: boolean;
  /**
   * Logical ids whose entry expands into resources named with it as a prefix: SAM resources
   * (`MyFunction` → `MyFunctionRole`, `ServerlessRestApi`), modules, rain modules.
   */
  readonly expanding: readonly string[];
}

/** The SAM transform: https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification.html */
export const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';

/** Transforms whose effect on names cfnkit knows: SAM and AWS::LanguageExtensions. */
const KNOWN_TRANSFORMS: ReadonlySet<string> = new Set([SAM_TRANSFORM, 'AWS::LanguageExtensions']);

/** Resources SAM creates under names of its own, not prefixed by a template logical id. */
const SAM_IMPLICIT_PREFIXES = ['ServerlessRestApi', 'ServerlessHttpApi', 'ServerlessDeploymentApplication', 'CodeDeployServiceRole'];

const PSEUDO: ReadonlySet<string> = new Set(PSEUDO_PARAMETERS);

/** True when `name` is a pseudo parameter (`AWS::Region`, …). */
export function isPseudoParameter(name: string): boolean {
  return PSEUDO.has(name);
}

const cache = new WeakMap<Template, TemplateReferences>();

/** The references of `template`, computed on first use and shared by every rule linting it. */
export function templateReferences(template: Template): TemplateReferences {
  let refs = cache.get(template);
  if (!refs) {
    refs = collect(template);
    cache.set(template, refs);
  }
  return refs;
}

/**
 * True when `name` may be a resource the template does not show but a transform or module creates
 * (SAM's `MyFunctionRole`, `MyApi.Stage`, `ServerlessRestApi`; a module's prefixed resources).
 */
export function mayBeGenerated(refs: TemplateReferences, name: string): boolean {
  if (refs.openTransform || refs.forEach) return true;
  if (refs.expanding.length === 0) return false;
  for (const id of refs.expanding) if (name.startsWith(id)) return true;
  return SAM_IMPLICIT_PREFIXES.some((p) => name.startsWith(p));
}

/**
 * The variables of an Fn::Sub template string, trimmed, in order: `${Name}`, `${Res.Attr}`,
 * `${AWS::Region}`; `${!Literal}` is an escape and yields nothing.
 */
export function subVariables(text: string): string[] {
  const names: string[] = [];
  let start = text.indexOf('${');
  while (start >= 0) {
    const end = text.indexOf('}', start + 2);
    if (end < 0) break;
    const raw = text.slice(start + 2, end);
    if (raw.includes('\n')) {
      start = text.indexOf('${', start + 2);
      continue;
    }
    const name = raw.trim();
    if (name !== '' && name[0] !== '!') names.push(name);
    start = text.indexOf('${', end + 1);
  }
  return names;
}

function collect(template: Template): TemplateReferences {
  const resources = new Map<string, string>();
  const expanding: string[] = [];
  const targets: TargetReference[] = [];
  const conditionReferences: ConditionReference[] = [];
  const mapLookups: MapLookup[] = [];
  const ruleParameterUses = new Set<string>();
  const transforms = transformNames(template.Transform);
  let openTransform = transforms.some((t) => !KNOWN_TRANSFORMS.has(t));
  let forEach = false;

  const resourceSection: unknown = template.Resources;
  if (isPlainObject(resourceSection)) {
    for (const [id, resource] of Object.entries(resourceSection)) {
      if (id.startsWith('Fn::ForEach::')) forEach = true;
      if (!isPlainObject(resource)) continue;
      const type = typeof resource.Type === 'string' ? resource.Type : '';
      resources.set(id, type);
      if (type.startsWith('AWS::Serverless::') || type.endsWith('::MODULE') || !type.includes('::')) expanding.push(id);
      dependsOn(resource.DependsOn, id, targets);
      if (typeof resource.Condition === 'string') {
        conditionReferences.push({ via: 'Condition', target: resource.Condition, path: ['Resources', id, 'Condition'], evaluated: true });
      }
    }
  }
  const outputs: unknown = template.Outputs;
  if (isPlainObject(outputs)) {
    for (const [id, output] of Object.entries(outputs)) {
      if (id.startsWith('Fn::ForEach::')) forEach = true;
      if (isPlainObject(output) && typeof output.Condition === 'string') {
        conditionReferences.push({ via: 'Condition', target: output.Condition, path: ['Outputs', id, 'Condition'], evaluated: true });
      }
    }
  }

  // Fn::ForEach exists only with AWS::LanguageExtensions: look for it in that case alone.
  let findForEach = !forEach && transforms.includes('AWS::LanguageExtensions');
  walkValue(template, [], (value, path) => {
    if (!(value instanceof Intrinsic)) {
      // Fn::Transform beside other keys (a snippet included into Resources) stays a plain key.
      if (!openTransform && isPlainObject(value) && Object.prototype.hasOwnProperty.call(value, 'Fn::Transform')) openTransform = true;
      if (findForEach && isPlainObject(value)) {
        for (const key in value) if (key.startsWith('Fn::ForEach::')) forEach = true;
        findForEach = !forEach;
      }
      if (path[0] === 'Rules' && isPlainObject(value)) {
        const valueOf: unknown = value['Fn::ValueOf'];
        if (Array.isArray(valueOf) && typeof valueOf[0] === 'string') ruleParameterUses.add(valueOf[0]);
      }
      return;
    }
    const section = String(path[0]);
    const from = section === 'Resources' && path.length > 2 ? String(path[1]) : undefined;
    const args: unknown = value.args;
    switch (value.fn) {
      case 'Ref':
        if (typeof args === 'string') targets.push({ via: 'Ref', target: args, path: [...path, 'Ref'], from, section });
        break;
      case 'Fn::GetAtt':
        if (Array.isArray(args) && typeof args[0] === 'string') {
          const attribute = typeof args[1] === 'string' || args[1] instanceof Intrinsic ? args[1] : undefined;
          targets.push({ via: 'Fn::GetAtt', target: args[0], attribute, path: [...path, 'Fn::GetAtt', 0], attributePath: [...path, 'Fn::GetAtt', 1], from, section });
        } else if (typeof args === 'string') {
          targets.push({ via: 'Fn::GetAtt', target: args, path: [...path, 'Fn::GetAtt'], from, section });
        }
        break;
      case 'Fn::Sub':
        subTargets(args, path, from, section, targets);
        break;
      case 'Fn::If':
        if (Array.isArray(args) && typeof args[0] === 'string') {
          conditionReferences.push({ via: 'Fn::If', target: args[0], path: [...path, 'Fn::If', 0], evaluated: true });
        }
        break;
      case 'Condition':
        if (typeof args === 'string') {
          const parent = path[path.length - 2];
          const evaluated = section === 'Conditions' || parent === 'Fn::And' || parent === 'Fn::Or' || parent === 'Fn::Not';
          conditionReferences.push({ via: 'Condition function', target: args, path: [...path, 'Condition'], evaluated });
        }
        break;
      case 'Fn::FindInMap':
        if (Array.isArray(args)) {
          mapLookups.push({ map: literalKey(args[0]), topKey: literalKey(args[1]), secondKey: literalKey(args[2]), hasDefault: args.length > 3, path: [...path, 'Fn::FindInMap'] });
        }
        break;
      case 'Fn::Transform':
        openTransform = true;
        break;
      default:
        break;
    }
  });

  return {
    resources,
    parameters: new Set(isPlainObject(template.Parameters) ? Object.keys(template.Parameters) : []),
    conditions: new Set(isPlainObject(template.Conditions) ? Object.keys(template.Conditions) : []),
    mappings: mappingsOf(template.Mappings),
    targets,
    conditionReferences,
    mapLookups,
    ruleParameterUses,
    openTransform,
    forEach,
    expanding,
  };
}

function transformNames(transform: unknown): string[] {
  const list = Array.isArray(transform) ? transform : transform === undefined ? [] : [transform];
  // A transform given as a mapping ({Name, Parameters}) is a macro call.
  return list.map((t) => (typeof t === 'string' ? t : isPlainObject(t) && typeof t.Name === 'string' ? t.Name : '?'));
}

function dependsOn(value: unknown, from: string, targets: TargetReference[]): void {
  if (typeof value === 'string') {
    targets.push({ via: 'DependsOn', target: value, path: ['Resources', from, 'DependsOn'], from, section: 'Resources' });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => {
      if (typeof item === 'string') targets.push({ via: 'DependsOn', target: item, path: ['Resources', from, 'DependsOn', i], from, section: 'Resources' });
    });
  }
}

function subTargets(args: unknown, path: TemplatePath, from: string | undefined, section: string, targets: TargetReference[]): void {
  let text: unknown = args;
  let local: { [name: string]: TemplateValue } | undefined;
  let textPath: TemplatePath = [...path, 'Fn::Sub'];
  if (Array.isArray(args)) {
    text = args[0];
    local = isPlainObject(args[1]) ? args[1] : undefined;
    // A variable map that is itself computed may define any name.
    if (args[1] !== undefined && !local) return;
    textPath = [...path, 'Fn::Sub', 0];
  }
  if (typeof text !== 'string' || !text.includes('${')) return;
  for (const name of subVariables(text)) {
    if (local && Object.prototype.hasOwnProperty.call(local, name)) continue;
    const dot = name.indexOf('.');
    if (dot > 0) targets.push({ via: 'Fn::Sub', target: name.slice(0, dot), attribute: name.slice(dot + 1), path: textPath, from, section });
    else targets.push({ via: 'Fn::Sub', target: name, path: textPath, from, section });
  }
}

function literalKey(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

function mappingsOf(value: unknown): Map<string, ReadonlyMap<string, MappingLevel | undefined>> {
  const out = new Map<string, ReadonlyMap<string, MappingLevel | undefined>>();
  const top = level(value);
  if (!top) return out;
  for (const [name, keys] of top) {
    const second = new Map<string, MappingLevel | undefined>();
    const topKeys = level(keys);
    if (topKeys) for (const [key, inner] of topKeys) second.set(key, level(inner));
    out.set(name, second);
  }
  return out;
}

/** A mapping level as a Map: the parser gives Maps; a malformed Mappings section stays plain objects. */
function level(value: unknown): MappingLevel | undefined {
  if (value instanceof Map) return value as MappingLevel;
  if (isPlainObject(value)) return new Map(Object.entries(value));
  return undefined;
}
