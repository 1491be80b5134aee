import { Intrinsic } from '../src/model/intrinsics';
import { functionName, kindOf, transformSupport, utf8Length, visitEntries } from '../src/lint/shapes';
import type { Rule } from '../src/lint/types';
import { isPlainObject } from '../src/lint/walk';

/**
 * Output keys and quotas. See
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/outputs-section-structure.html
 */
const OUTPUT_KEYS: ReadonlySet<string> = new Set(['Description', 'Value', 'Export', 'Condition']);
const MAX_DESCRIPTION_BYTES = 1024;
/** Functions that return a list; an output value is a string. */
const LIST_FUNCTIONS: ReadonlySet<string> = new Set(['Fn::GetAZs', 'Fn::Split', 'Fn::Cidr']);

/** Reports outputs whose entry is not shaped as CloudFormation reads it. */
export const rule: Rule = {
  meta: {
    id: 'outputs-shape',
    severity: 'error',
    category: 'template',
    description: 'Require each output to have a Value, an Export of the form {Name}, a literal Description of at most 1,024 bytes and a string Condition',
    cfnLint: ['E6001', 'E6002', 'E6003', 'E6101', 'E6102'],
    options: {},
    messages: {
      notAMapping: 'output "{{id}}" must be a mapping, found {{kind}}',
      missingValue: 'output "{{id}}" has no Value',
      valueNotString: 'an output Value must resolve to a string, found {{kind}}',
      unknownKey: '"{{key}}" is not an output key (Description, Value, Export, Condition)',
      exportShape: 'Export must be a mapping with only a Name, found {{kind}}',
      exportName: 'Export needs a Name',
      exportUnknownKey: '"{{key}}" is not an Export key; an export has only a Name',
      descriptionNotString: 'an output Description must be a literal string, found {{kind}}',
      descriptionTooLong: 'Description is {{size}} bytes long; CloudFormation allows at most {{limit}}',
      conditionNotString: 'Condition must be a condition name, found {{kind}}',
    },
  },
  create(context) {
    return {
      template(template) {
        const support = transformSupport(template);
        const visit = (path: Array<string | number>, id: string, output: unknown) => {
          if (functionName(output) === 'Fn::Transform') return; // AWS::Include supplies the entry
          if (!isPlainObject(output)) {
            context.report({ path, messageId: 'notAMapping', data: { id, kind: kindOf(output) } });
            return;
          }
          for (const key of Object.keys(output)) {
            if (!OUTPUT_KEYS.has(key) && key !== 'Fn::Transform' && !support.macro) context.report({ path: [...path, key], key: true, messageId: 'unknownKey', data: { key } });
          }
          // AWS::Include (Fn::Transform) may supply the Value.
          if (!('Value' in output) || output.Value === null) {
            if (!('Fn::Transform' in output)) context.report({ path, key: true, messageId: 'missingValue', data: { id } });
          } else if (!isStringValue(output.Value)) context.report({ path: [...path, 'Value'], messageId: 'valueNotString', data: { kind: kindOf(output.Value) } });

          if ('Export' in output) {
            const exported = output.Export;
            if (!isPlainObject(exported)) {
              context.report({ path: [...path, 'Export'], messageId: 'exportShape', data: { kind: kindOf(exported) } });
            } else {
              if (exported.Name === undefined || exported.Name === null) context.report({ path: [...path, 'Export'], messageId: 'exportName' });
              else if (!isStringValue(exported.Name)) context.report({ path: [...path, 'Export', 'Name'], messageId: 'valueNotString', data: { kind: kindOf(exported.Name) } });
              for (const key of Object.keys(exported)) {
                if (key !== 'Name') context.report({ path: [...path, 'Export', key], key: true, messageId: 'exportUnknownKey', data: { key } });
              }
            }
          }
          if ('Description' in output) {
            const description = output.Description;
            if (typeof description !== 'string') {
              context.report({ path: [...path, 'Description'], messageId: 'descriptionNotString', data: { kind: kindOf(description) } });
            } else if (utf8Length(description) > MAX_DESCRIPTION_BYTES) {
              context.report({ path: [...path, 'Description'], messageId: 'descriptionTooLong', data: { size: utf8Length(description), limit: MAX_DESCRIPTION_BYTES } });
            }
          }
          if ('Condition' in output && (typeof output.Condition !== 'string' || output.Condition === '')) {
            context.report({ path: [...path, 'Condition'], messageId: 'conditionNotString', data: { kind: kindOf(output.Condition) } });
          }
        };

        visitEntries('Outputs', (template as unknown as { Outputs?: unknown }).Outputs, support.languageExtensions, visit);
      },
    };
  },
};

/** A literal scalar or a function that can return a string (not a literal list or mapping, not a list function). */
function isStringValue(value: unknown): boolean {
  if (value instanceof Intrinsic) return !LIST_FUNCTIONS.has(value.fn);
  if (isPlainObject(value)) return Object.keys(value).length === 1 && Object.keys(value)[0].startsWith('Fn::');
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
