import { INTRINSIC_NAMES, Intrinsic } from '../src/model/intrinsics';
import { functionName, isForEachKey, sectionEntries, transformSupport } from '../src/lint/shapes';
import type { Rule } from '../src/lint/types';
import { isPlainObject } from '../src/lint/walk';

/**
 * Where intrinsic functions may stand. Condition functions declare conditions; Fn::If and the value
 * functions work in Resources and Outputs, not in Conditions (which are evaluated before any resource
 * exists), and no function works in Parameters or Mappings. See
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-conditions.html
 * and https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/conditions-section-structure.html
 */
const CONDITION_FUNCTIONS: ReadonlySet<string> = new Set(['Fn::Equals', 'Fn::And', 'Fn::Or', 'Fn::Not']);
/** Declaring a condition takes one of these at the top. */
const CONDITION_DECLARATIONS: ReadonlySet<string> = new Set([...CONDITION_FUNCTIONS, 'Condition']);
/** Functions that depend on resources or on a condition: meaningless while conditions are evaluated. */
const NOT_IN_CONDITIONS: ReadonlySet<string> = new Set(['Fn::GetAtt', 'Fn::If', 'Fn::ImportValue']);
/** Functions of the AWS::LanguageExtensions transform (plus Fn::ForEach::<Loop>). */
const LANGUAGE_EXTENSIONS_FUNCTIONS: ReadonlySet<string> = new Set(['Fn::Length', 'Fn::ToJsonString']);
/** Functions of the Rules section only. */
const RULES_FUNCTIONS: ReadonlySet<string> = new Set(['Fn::Contains', 'Fn::EachMemberEquals', 'Fn::EachMemberIn', 'Fn::RefAll', 'Fn::ValueOf', 'Fn::ValueOfAll']);
/** Every function name CloudFormation knows (Fn::GetStackOutput: cfn-lint 1.51 knows it as well). */
const KNOWN: ReadonlySet<string> = new Set([...INTRINSIC_NAMES, ...LANGUAGE_EXTENSIONS_FUNCTIONS, ...RULES_FUNCTIONS, 'Fn::GetStackOutput']);

type Path = Array<string | number>;

/** Reports intrinsic functions where CloudFormation does not evaluate them. */
export const rule: Rule = {
  meta: {
    id: 'intrinsic-placement',
    severity: 'error',
    category: 'template',
    description: 'Disallow intrinsic functions where CloudFormation does not evaluate them, and functions it does not know',
    cfnLint: ['E0002', 'E1001', 'E1032', 'E2001', 'E7001', 'E8001', 'E8002'],
    options: {},
    messages: {
      noFunctions: '{{fn}} cannot be used in {{section}}: CloudFormation reads {{section}} as literal values',
      conditionDeclaration: 'condition "{{name}}" must be declared with Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition, found {{found}}',
      notInConditions: '{{fn}} cannot be used in Conditions: conditions are evaluated before any resource or export is read',
      resourceInConditions: 'Ref to resource "{{target}}" cannot be used in Conditions: conditions may refer to parameters and pseudo parameters only',
      conditionOutsideConditions: '{{fn}} can only declare a condition in the Conditions section; use Fn::If with a condition name here',
      needsLanguageExtensions: '{{fn}} needs "Transform: AWS::LanguageExtensions"',
      rulesOnly: '{{fn}} can only be used in the Rules section',
      unknownFunction: '{{fn}} is not an intrinsic function',
    },
  },
  create(context) {
    return {
      template(template) {
        const support = transformSupport(template);
        const sections = template as unknown as { [key: string]: unknown };
        const resources = new Set(sectionEntries(sections.Resources).map(([id]) => id));

        /** Reports a function CloudFormation does not know or that needs the LanguageExtensions transform; true when reported. */
        const availability = (fn: string, path: Path, key = false): boolean => {
          if (isForEachKey(fn) || LANGUAGE_EXTENSIONS_FUNCTIONS.has(fn)) {
            if (support.languageExtensions) return false;
            context.report({ path, key, messageId: 'needsLanguageExtensions', data: { fn: isForEachKey(fn) ? 'Fn::ForEach' : fn } });
            return true;
          }
          if (RULES_FUNCTIONS.has(fn)) {
            context.report({ path, messageId: 'rulesOnly', data: { fn } });
            return true;
          }
          if (KNOWN.has(fn) || support.macro) return false;
          context.report({ path, messageId: 'unknownFunction', data: { fn } });
          return true;
        };

        /** Parameters and Mappings: literal values only (AWS::Include may still fill Mappings). */
        const literalOnly = (value: unknown, path: Path, section: string): void => {
          const fn = functionName(value);
          if (fn !== undefined) {
            if (fn === 'Fn::Transform' && section === 'Mappings') return;
            context.report({ path, messageId: 'noFunctions', data: { fn, section } });
            return;
          }
          forEachChild(value, path, (child, childPath) => literalOnly(child, childPath, section));
        };

        /** Inside a condition declaration. */
        const inCondition = (value: unknown, path: Path): void => {
          const fn = functionName(value);
          if (fn !== undefined) {
            if (availability(fn, path)) return;
            if (NOT_IN_CONDITIONS.has(fn)) {
              context.report({ path, messageId: 'notInConditions', data: { fn } });
              return;
            }
            if (value instanceof Intrinsic && value.fn === 'Ref' && typeof value.args === 'string' && resources.has(value.args)) {
              context.report({ path, messageId: 'resourceInConditions', data: { target: value.args } });
              return;
            }
            if (fn === 'Fn::Transform') return;
          }
          forEachChild(value, path, inCondition);
        };

        /** Resource and output values (and SAM Globals): any value function, no condition function. */
        const inValue = (value: unknown, path: Path): void => {
          const fn = functionName(value);
          if (fn !== undefined) {
            if (availability(fn, path)) return;
            if (CONDITION_FUNCTIONS.has(fn)) {
              context.report({ path, messageId: 'conditionOutsideConditions', data: { fn } });
              return;
            }
            if (fn === 'Fn::Transform') return; // a macro's input
            if (value instanceof Intrinsic && value.fn === 'Fn::If' && Array.isArray(value.args)) {
              // The first argument is a condition name (intrinsic-arguments checks it).
              for (let i = 1; i < value.args.length; i++) inValue(value.args[i], [...path, 'Fn::If', i]);
              return;
            }
          }
          forEachChild(value, path, (child, childPath, key) => {
            if (key !== undefined && isForEachKey(key) && availability(key, childPath, true)) return;
            inValue(child, childPath);
          });
        };

        for (const section of Object.keys(sections)) {
          const value = sections[section];
          switch (section) {
            case 'Parameters':
            case 'Mappings':
              literalOnly(value, [section], section);
              break;
            case 'Conditions':
              declarations(value, [section]);
              break;
            case 'Resources':
            case 'Outputs':
            case 'Globals':
              inValue(value, [section]);
              break;
            default:
            // Metadata is not evaluated; Rules has functions of its own; the rest are literals checked by template-sections.
          }
        }

        /** The Conditions section: each entry declares a condition (Fn::ForEach loops may declare several). */
        function declarations(value: unknown, path: Path): void {
          for (const [name, declaration] of sectionEntries(value)) {
            const at = [...path, name];
            if (name === 'Fn::Transform') continue;
            if (isForEachKey(name)) {
              if (!availability(name, at, true) && Array.isArray(declaration)) declarations(declaration[2], [...at, 2]);
              continue;
            }
            const fn = functionName(declaration);
            if (fn === undefined || !CONDITION_DECLARATIONS.has(fn)) {
              if (fn === undefined || !availability(fn, at)) {
                context.report({ path: at, messageId: 'conditionDeclaration', data: { name, found: fn ?? describe(declaration) } });
              }
              continue;
            }
            inCondition(declaration, at);
          }
        }
      },
    };
  },
};

/** Calls `visit` for each child of a list, mapping, `Map` or intrinsic (its arguments, at `[...path, fn]`). */
function forEachChild(value: unknown, path: Path, visit: (child: unknown, path: Path, key?: string) => void): void {
  if (value instanceof Intrinsic) visit(value.args, [...path, value.fn]);
  else if (Array.isArray(value)) value.forEach((item, i) => visit(item, [...path, i]));
  else if (value instanceof Map) for (const [k, v] of value as Map<string, unknown>) visit(v, [...path, k], k);
  else if (isPlainObject(value)) for (const k of Object.keys(value)) visit(value[k], [...path, k], k);
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `the literal ${JSON.stringify(value)}`;
}
