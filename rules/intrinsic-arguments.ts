import { INTRINSIC_NAMES, Intrinsic } from '../src/model/intrinsics';
import type { TemplatePath } from '../src/parse';
import { functionName, isForEachKey, isIntegerLike, kindOf, sectionEntries, transformSupport } from '../src/lint/shapes';
import type { Rule, RuleListeners } from '../src/lint/types';
import { isPlainObject, walkValue } from '../src/lint/walk';

/**
 * Argument counts and kinds of every intrinsic function, and which functions may stand in each
 * argument, as the intrinsic function reference documents them:
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html
 * Where the reference is stricter than CloudFormation (a list-returning function such as Fn::GetAZs
 * as the list of Fn::Join), the rule follows what CloudFormation accepts.
 */

/** Functions that return a list: not a string argument. */
const LIST_FUNCTIONS: ReadonlySet<string> = new Set(['Fn::GetAZs', 'Fn::Split', 'Fn::Cidr']);
/** Functions that return a string (or a number): not a list argument. */
const SCALAR_FUNCTIONS: ReadonlySet<string> = new Set(['Fn::Sub', 'Fn::Join', 'Fn::Base64', 'Fn::ImportValue', 'Fn::ToJsonString', 'Fn::Length']);
/** Condition functions: arguments of Fn::And / Fn::Or / Fn::Not only (and condition declarations). */
const CONDITION_FUNCTIONS: ReadonlySet<string> = new Set(['Fn::Equals', 'Fn::And', 'Fn::Or', 'Fn::Not', 'Condition']);
/** Functions allowed as the Fn::Select index. */
const INDEX_FUNCTIONS: ReadonlySet<string> = new Set(['Ref', 'Fn::FindInMap']);
const INDEX_FUNCTIONS_LE: ReadonlySet<string> = new Set([...INDEX_FUNCTIONS, 'Fn::Length']);
/** Functions allowed as a Fn::FindInMap key; AWS::LanguageExtensions allows more. */
const MAP_KEY_FUNCTIONS: ReadonlySet<string> = new Set(['Ref', 'Fn::FindInMap']);
const MAP_KEY_FUNCTIONS_LE: ReadonlySet<string> = new Set([...MAP_KEY_FUNCTIONS, 'Fn::Join', 'Fn::Sub', 'Fn::If', 'Fn::Select', 'Fn::Length', 'Fn::ToJsonString']);
/** With AWS::LanguageExtensions, Ref and both Fn::GetAtt arguments take these functions. */
const NAME_FUNCTIONS_LE: ReadonlySet<string> = new Set(['Ref', 'Fn::Base64', 'Fn::FindInMap', 'Fn::If', 'Fn::Join', 'Fn::Sub', 'Fn::ToJsonString']);
/** Functions allowed as the Fn::GetAZs region. */
const REGION_FUNCTIONS: ReadonlySet<string> = new Set(['Ref']);
/** Fn::ToJsonString takes a list or mapping, literal or from one of these. */
const TO_JSON_FUNCTIONS: ReadonlySet<string> = new Set(['Fn::FindInMap', 'Fn::GetAtt', 'Fn::GetAZs', 'Fn::If', 'Fn::Select', 'Fn::Split', 'Ref']);

const CIDR_BLOCK = /^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$|^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*\/\d{1,3}$/;
/** `${Name}` / `${Name.Attribute}` variables of a Fn::Sub string (`${!Literal}` excluded). */
const SUB_VARIABLE = /\$\{([^!}][^}]*)\}/g;

type Data = { [name: string]: string | number };

/** Reports intrinsic function calls whose arguments CloudFormation rejects. */
export const rule: Rule = {
  meta: {
    id: 'intrinsic-arguments',
    severity: 'error',
    category: 'template',
    description: 'Require every intrinsic function call to have the number and kinds of arguments the function takes',
    cfnLint: ['E1010', 'E1011', 'E1015', 'E1016', 'E1017', 'E1018', 'E1019', 'E1020', 'E1021', 'E1022', 'E1024', 'E1028', 'E1030', 'E1031', 'E1032', 'E8003', 'E8004', 'E8005', 'E8006', 'E8007'],
    options: {},
    messages: {
      shape: '{{fn}} takes {{expected}}, found {{found}}',
      argument: 'the {{what}} of {{fn}} must be {{expected}}, found {{found}}',
      functionNotAllowed: '{{inner}} cannot be the {{what}} of {{fn}}',
      range: 'the {{what}} of {{fn}} must be between {{min}} and {{max}}, found {{found}}',
      cidrBlock: 'the ipBlock of Fn::Cidr must be a CIDR block such as 10.0.0.0/16, found "{{found}}"',
      importDependsOnResource: 'Fn::ImportValue cannot depend on a resource: it uses {{found}}',
    },
  },
  create(context) {
    let languageExtensions = false;
    let resourceIds: ReadonlySet<string> = new Set();
    const isKnown = (fn: string) => KNOWN.has(fn) || (languageExtensions && LANGUAGE_EXTENSIONS_FUNCTIONS.has(fn));

    /** Checks one call; `path` is the call's path. */
    const check = (fn: string, args: unknown, path: TemplatePath) => {
      if (path.includes('Fn::Transform') && fn !== 'Fn::Transform') return; // a macro's input: its own shapes
      const report = (messageId: string, data: Data) => context.report({ path, messageId, data: { fn, ...data } });
      const shape = (expected: string) => report('shape', { expected, found: describe(args) });
      const items = (min: number, max: number, expected: string): unknown[] | undefined => {
        if (Array.isArray(args) && args.length >= min && args.length <= max) return args;
        shape(expected);
        return undefined;
      };

      /** A literal string (the caller says which functions may stand in for it, usually none). */
      const literal = (value: unknown, what: string, functions: ReadonlySet<string> = NONE): void => {
        const inner = functionName(value);
        if (inner !== undefined) {
          if (!functions.has(inner) && isKnown(inner)) report('functionNotAllowed', { inner, what });
        } else if (typeof value !== 'string') {
          report('argument', { what, expected: 'a string', found: kindOf(value) });
        }
      };
      /** Any value that resolves to a string: a scalar or a function that does not return a list. */
      const scalar = (value: unknown, what: string): void => {
        const inner = functionName(value);
        if (inner !== undefined) {
          if (LIST_FUNCTIONS.has(inner) || CONDITION_FUNCTIONS.has(inner)) report('functionNotAllowed', { inner, what });
        } else if (value === null || Array.isArray(value) || isPlainObject(value)) {
          report('argument', { what, expected: 'a string', found: kindOf(value) });
        }
      };
      /** A list: a literal list or a function that can return one. */
      const list = (value: unknown, what: string): boolean => {
        const inner = functionName(value);
        if (inner !== undefined) {
          if (SCALAR_FUNCTIONS.has(inner) || CONDITION_FUNCTIONS.has(inner)) report('functionNotAllowed', { inner, what });
          return false;
        }
        if (!Array.isArray(value)) report('argument', { what, expected: 'a list', found: kindOf(value) });
        return Array.isArray(value);
      };
      /** Any value but a condition. */
      const value = (v: unknown, what: string): void => {
        const inner = functionName(v);
        if (inner !== undefined && CONDITION_FUNCTIONS.has(inner)) report('functionNotAllowed', { inner, what });
      };
      /** A condition: Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition (Rules-only functions pass). */
      const condition = (v: unknown, what: string): void => {
        const inner = functionName(v);
        if (inner === undefined) report('argument', { what, expected: 'a condition (Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition)', found: kindOf(v) });
        else if (!CONDITION_FUNCTIONS.has(inner) && isKnown(inner)) report('functionNotAllowed', { inner, what });
      };
      /** A whole number in [min, max], or a function (those in `functions`, or any non-list one). */
      const integer = (v: unknown, what: string, min: number, max: number, functions?: ReadonlySet<string>): void => {
        const inner = functionName(v);
        if (inner !== undefined) {
          const ok = functions ? functions.has(inner) : !LIST_FUNCTIONS.has(inner) && !CONDITION_FUNCTIONS.has(inner);
          if (!ok && isKnown(inner)) report('functionNotAllowed', { inner, what });
        } else if (!isIntegerLike(v)) {
          report('argument', { what, expected: 'a whole number', found: kindOf(v) });
        } else if (Number(v) < min || Number(v) > max) {
          report('range', { what, min, max, found: Number(v) });
        }
      };

      switch (fn) {
        case 'Ref':
          if (args === '') report('argument', { what: 'target', expected: 'a logical id or pseudo parameter', found: 'an empty string' });
          else literal(args, 'target', languageExtensions ? NAME_FUNCTIONS_LE : NONE);
          break;
        case 'Fn::GetAtt': {
          if (!Array.isArray(args) || args.length !== 2) {
            shape('"LogicalId.Attribute" or [logicalId, attribute]');
            break;
          }
          literal(args[0], 'logical id', languageExtensions ? NAME_FUNCTIONS_LE : NONE);
          literal(args[1], 'attribute name', languageExtensions ? NAME_FUNCTIONS_LE : REF_ONLY);
          break;
        }
        case 'Fn::Sub': {
          if (typeof args === 'string') break;
          const a = items(2, 2, 'a string or [string, {variable: value}]');
          if (!a) break;
          literal(a[0], 'string');
          if (!isPlainObject(a[1])) report('argument', { what: 'variable map', expected: 'a mapping', found: kindOf(a[1]) });
          else for (const [name, v] of Object.entries(a[1])) scalar(v, `variable "${name}"`);
          break;
        }
        case 'Fn::Join': {
          const a = items(2, 2, '[delimiter, [values]]');
          if (!a) break;
          literal(a[0], 'delimiter');
          if (list(a[1], 'list of values')) for (const item of a[1] as unknown[]) scalar(item, 'list of values item');
          break;
        }
        case 'Fn::Select': {
          const a = items(2, 2, '[index, list]');
          if (!a) break;
          integer(a[0], 'index', 0, Number.MAX_SAFE_INTEGER, languageExtensions ? INDEX_FUNCTIONS_LE : INDEX_FUNCTIONS);
          if (list(a[1], 'list')) for (const item of a[1] as unknown[]) value(item, 'list item');
          break;
        }
        case 'Fn::Split': {
          const a = items(2, 2, '[delimiter, string]');
          if (!a) break;
          literal(a[0], 'delimiter');
          scalar(a[1], 'source string');
          break;
        }
        case 'Fn::If': {
          const a = items(3, 3, '[condition name, value if true, value if false]');
          if (!a) break;
          literal(a[0], 'condition name');
          value(a[1], 'value if true');
          value(a[2], 'value if false');
          break;
        }
        case 'Fn::Equals': {
          const a = items(2, 2, '[value, value]');
          if (a) for (const v of a) value(v, 'compared value');
          break;
        }
        case 'Fn::And':
        case 'Fn::Or': {
          const a = items(2, 10, 'a list of 2 to 10 conditions');
          if (a) for (const v of a) condition(v, 'condition');
          break;
        }
        case 'Fn::Not': {
          const a = items(1, 1, '[condition]');
          if (a) condition(a[0], 'condition');
          break;
        }
        case 'Fn::FindInMap': {
          const a = items(3, languageExtensions ? 4 : 3, languageExtensions ? '[map name, top-level key, second-level key, {DefaultValue: value}]' : '[map name, top-level key, second-level key]');
          if (!a) break;
          const keyFunctions = languageExtensions ? MAP_KEY_FUNCTIONS_LE : MAP_KEY_FUNCTIONS;
          for (const [i, what] of (['map name', 'top-level key', 'second-level key'] as const).entries()) {
            const inner = functionName(a[i]);
            if (inner !== undefined) {
              if (!keyFunctions.has(inner) && isKnown(inner)) report('functionNotAllowed', { inner, what });
            } else if (typeof a[i] !== 'string' && typeof a[i] !== 'number' && typeof a[i] !== 'boolean') {
              report('argument', { what, expected: 'a string', found: kindOf(a[i]) });
            }
          }
          if (a.length === 4 && !(isPlainObject(a[3]) && Object.keys(a[3]).length === 1 && 'DefaultValue' in a[3])) {
            report('argument', { what: 'fourth argument', expected: '{DefaultValue: value}', found: kindOf(a[3]) });
          }
          break;
        }
        case 'Fn::ImportValue': {
          const inner = functionName(args);
          if (inner === 'Fn::GetAtt' || inner === 'Fn::ImportValue') report('functionNotAllowed', { inner, what: 'export name' });
          else scalar(args, 'export name');
          const dependency = resourceDependency(args, resourceIds);
          if (dependency && inner !== 'Fn::GetAtt') report('importDependsOnResource', { found: dependency });
          break;
        }
        case 'Fn::Base64':
          scalar(args, 'value');
          break;
        case 'Fn::Cidr': {
          const a = items(3, 3, '[ipBlock, count, cidrBits]');
          if (!a) break;
          scalar(a[0], 'ipBlock');
          if (typeof a[0] === 'string' && !CIDR_BLOCK.test(a[0])) report('cidrBlock', { found: a[0] });
          integer(a[1], 'count', 1, 256);
          integer(a[2], 'cidrBits', 1, 128);
          break;
        }
        case 'Fn::GetAZs':
          if (args === null || args === undefined) report('argument', { what: 'region', expected: 'a region name or "" (the stack\'s region)', found: 'empty' });
          else literal(args, 'region', REGION_FUNCTIONS);
          break;
        case 'Condition':
          literal(args, 'condition name');
          break;
        case 'Fn::Transform':
          // One macro call, or a list of them applied in order.
          if (!(Array.isArray(args) ? args.length > 0 && args.every(isMacroCall) : isMacroCall(args))) shape('{Name: macro name, Parameters: {…}}');
          break;
        case 'Fn::Length':
          list(args, 'list');
          break;
        case 'Fn::ToJsonString': {
          const inner = functionName(args);
          if (inner !== undefined) {
            if (!TO_JSON_FUNCTIONS.has(inner) && isKnown(inner)) report('functionNotAllowed', { inner, what: 'value' });
          } else if (!Array.isArray(args) && !isPlainObject(args)) {
            report('argument', { what: 'value', expected: 'a list or a mapping', found: kindOf(args) });
          }
          break;
        }
        default:
          if (isForEachKey(fn)) {
            const a = items(3, 3, '[identifier, collection, {output key: template}]');
            if (!a) break;
            literal(a[0], 'identifier');
            list(a[1], 'collection');
            if (!isPlainObject(a[2])) report('argument', { what: 'template', expected: 'a mapping', found: kindOf(a[2]) });
          }
      }
    };

    const intrinsic: { [fn: string]: (call: Intrinsic, path: TemplatePath) => void } = {};
    for (const fn of CHECKED) intrinsic[fn] = (call, path) => check(call.fn, call.args, path);

    const listeners: RuleListeners = {
      template(template) {
        languageExtensions = transformSupport(template).languageExtensions;
        resourceIds = new Set(sectionEntries((template as unknown as { Resources?: unknown }).Resources).map(([id]) => id));
        if (!languageExtensions) return; // without the transform, intrinsic-placement reports these functions
        // AWS::LanguageExtensions functions stay plain `{Fn::X: …}` data in the model: find them here.
        walkValue(template, [], (v, path) => {
          if (!isPlainObject(v)) return;
          for (const key in v) {
            if (key === 'Fn::Length' || key === 'Fn::ToJsonString' || isForEachKey(key)) {
              if (isForEachKey(key)) check(key, v[key], [...path, key]);
              else if (Object.keys(v).length === 1) check(key, v[key], [...path]);
            }
          }
        });
      },
      intrinsic,
    };
    return listeners;
  },
};

const NONE: ReadonlySet<string> = new Set();
const REF_ONLY: ReadonlySet<string> = new Set(['Ref']);
/** Every modelled intrinsic is checked here. */
const CHECKED = INTRINSIC_NAMES;

/** Functions checked here; an unknown `Fn::X`, or a LanguageExtensions one without the transform, is intrinsic-placement's finding. */
const KNOWN: ReadonlySet<string> = new Set(CHECKED);
const LANGUAGE_EXTENSIONS_FUNCTIONS: ReadonlySet<string> = new Set(['Fn::Length', 'Fn::ToJsonString']);

/** `{Name, Parameters}`: an AWS::Include or macro call. */
function isMacroCall(value: unknown): boolean {
  if (!isPlainObject(value) || typeof value.Name !== 'string') return false;
  return Object.keys(value).every((k) => k === 'Name' || k === 'Parameters') && (!('Parameters' in value) || isPlainObject(value.Parameters));
}

/** `a list of N items` or the value's kind. */
function describe(value: unknown): string {
  return Array.isArray(value) ? `a list of ${value.length} item${value.length === 1 ? '' : 's'}` : kindOf(value);
}

/**
 * The first resource an export name depends on: a Ref to a resource, a Fn::GetAtt, or a Fn::Sub
 * variable naming a resource. Undefined when it depends on parameters and literals only.
 */
function resourceDependency(args: unknown, resources: ReadonlySet<string>): string | undefined {
  let found: string | undefined;
  walkValue(args, [], (v) => {
    if (found !== undefined || !(v instanceof Intrinsic)) return;
    if (v.fn === 'Fn::GetAtt') found = 'Fn::GetAtt';
    else if (v.fn === 'Ref' && typeof v.args === 'string' && resources.has(v.args)) found = `Ref to resource "${v.args}"`;
    else if (v.fn === 'Fn::Sub') {
      const [text, variables] = typeof v.args === 'string' ? [v.args, {}] : Array.isArray(v.args) ? [v.args[0], v.args[1]] : [undefined, {}];
      if (typeof text !== 'string') return;
      for (const match of text.matchAll(SUB_VARIABLE)) {
        const name = match[1].trim();
        const target = name.split('.')[0];
        if (isPlainObject(variables) && name in variables) continue;
        if (resources.has(target)) {
          found = `\${${name}}, a resource`;
          return;
        }
      }
    }
  });
  return found;
}
