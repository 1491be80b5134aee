import { functionName, isExpansionKey, isIntegerLike, isParameterType, kindOf, numberLike, sectionEntries, transformSupport } from '../src/lint/shapes';
import type { Rule } from '../src/lint/types';
import { isPlainObject } from '../src/lint/walk';

const COMMON_KEYS = ['Type', 'Description', 'Default', 'AllowedValues', 'ConstraintDescription', 'NoEcho'];
/** Keys per type family, as CloudFormation documents them (cfn-lint E2001 enforces the same split). */
const NUMBER_KEYS: ReadonlySet<string> = new Set([...COMMON_KEYS, 'MinValue', 'MaxValue']);
const STRING_KEYS: ReadonlySet<string> = new Set([...COMMON_KEYS, 'AllowedPattern', 'MinLength', 'MaxLength']);
const ALL_KEYS: ReadonlySet<string> = new Set([...NUMBER_KEYS, ...STRING_KEYS]);
const MAX_DESCRIPTION = 4000;

/** Reports parameters without a valid Type, with keys CloudFormation does not read, or with values of the wrong type. */
export const rule: Rule = {
  meta: {
    id: 'parameter-shape',
    severity: 'error',
    category: 'template',
    description: 'Require each parameter to have a valid Type and only the parameter keys its type takes, with values of the right type',
    cfnLint: ['E2001', 'E2002'],
    options: {},
    messages: {
      notAMapping: 'parameter "{{id}}" must be a mapping, found {{kind}}',
      missingType: 'parameter "{{id}}" has no Type',
      badType: '"{{type}}" is not a parameter type (String, Number, CommaDelimitedList, List<Number>, AWS::EC2::VPC::Id, List<AWS::EC2::Subnet::Id>, AWS::SSM::Parameter::Value<…>, …)',
      typeNotString: 'Type must be a parameter type name, found {{kind}}',
      unknownKey: '"{{key}}" is not a parameter key (Type, Description, Default, AllowedValues, AllowedPattern, MinLength, MaxLength, MinValue, MaxValue, ConstraintDescription, NoEcho)',
      keyNotForType: '{{key}} does not apply to a parameter of type {{type}}',
      valueType: '{{key}} must be {{expected}}, found {{kind}}',
      descriptionTooLong: 'Description is {{length}} characters long; CloudFormation allows at most {{limit}}',
      minAboveMax: '{{min}} ({{low}}) is greater than {{max}} ({{high}})',
    },
  },
  create(context) {
    return {
      template(template) {
        const macro = transformSupport(template).macro;
        for (const [id, parameter] of sectionEntries((template as unknown as { Parameters?: unknown }).Parameters)) {
          if (isExpansionKey(id)) continue;
          const path = ['Parameters', id];
          if (!isPlainObject(parameter)) {
            context.report({ path, messageId: 'notAMapping', data: { id, kind: kindOf(parameter) } });
            continue;
          }
          const type = parameter.Type;
          if (!('Type' in parameter)) context.report({ path, key: true, messageId: 'missingType', data: { id } });
          else if (typeof type !== 'string') context.report({ path: [...path, 'Type'], messageId: 'typeNotString', data: { kind: kindOf(type) } });
          // A macro may define parameter types of its own.
          else if (!isParameterType(type) && !macro) context.report({ path: [...path, 'Type'], messageId: 'badType', data: { type } });

          const known = type === 'Number' ? NUMBER_KEYS : typeof type === 'string' && isParameterType(type) ? STRING_KEYS : ALL_KEYS;
          for (const key of Object.keys(parameter)) {
            if (!ALL_KEYS.has(key)) context.report({ path: [...path, key], key: true, messageId: 'unknownKey', data: { key } });
            else if (!known.has(key)) context.report({ path: [...path, key], key: true, messageId: 'keyNotForType', data: { key, type: String(type) } });
          }

          // A function here is intrinsic-placement's finding (Parameters are literal values).
          const expect = (key: string, ok: (value: unknown) => boolean, expected: string) => {
            if (key in parameter && functionName(parameter[key]) === undefined && !ok(parameter[key])) context.report({ path: [...path, key], messageId: 'valueType', data: { key, expected, kind: kindOf(parameter[key]) } });
          };
          expect('Description', isString, 'a string');
          expect('ConstraintDescription', isString, 'a string');
          expect('AllowedPattern', isString, 'a string');
          expect('Default', isScalar, 'a string or a number (a list parameter takes "a,b,c")');
          expect('AllowedValues', (v) => Array.isArray(v) && v.every(isScalar), 'a list of strings or numbers');
          expect('MinLength', isCount, 'a non-negative integer');
          expect('MaxLength', isCount, 'a non-negative integer');
          expect('MinValue', (v) => numberLike(v) !== undefined, 'a number');
          expect('MaxValue', (v) => numberLike(v) !== undefined, 'a number');
          expect('NoEcho', isBooleanLike, 'true or false');

          if (typeof parameter.Description === 'string' && parameter.Description.length > MAX_DESCRIPTION) {
            context.report({ path: [...path, 'Description'], messageId: 'descriptionTooLong', data: { length: parameter.Description.length, limit: MAX_DESCRIPTION } });
          }
          for (const [min, max] of [['MinLength', 'MaxLength'], ['MinValue', 'MaxValue']] as const) {
            const low = numberLike(parameter[min]);
            const high = numberLike(parameter[max]);
            if (low !== undefined && high !== undefined && low > high) {
              context.report({ path: [...path, min], messageId: 'minAboveMax', data: { min, max, low, high } });
            }
          }
        }
      },
    };
  },
};

function isString(value: unknown): boolean {
  return typeof value === 'string';
}

function isScalar(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function isCount(value: unknown): boolean {
  return isIntegerLike(value) && Number(value) >= 0;
}

/** NoEcho: a boolean, or "true" / "false" in any case (JSON templates often quote it). */
function isBooleanLike(value: unknown): boolean {
  return typeof value === 'boolean' || (typeof value === 'string' && BOOLEAN_STRING.test(value));
}

const BOOLEAN_STRING = /^(true|false)$/i;
