import { functionName, isMapping, kindOf, sectionEntries } from '../src/lint/shapes';
import type { Rule } from '../src/lint/types';

/**
 * Reports mappings that are not two levels of keys over literal values. See
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/mappings-section-structure.html
 */
export const rule: Rule = {
  meta: {
    id: 'mapping-shape',
    severity: 'error',
    category: 'template',
    description: 'Require each mapping to map top-level keys to second-level keys to a string, number, boolean or list',
    cfnLint: ['E7001'],
    options: {},
    messages: {
      notAMapping: '{{what}} must be a mapping of {{holds}}, found {{kind}}',
      empty: '{{what}} has no keys; CloudFormation requires at least one',
      valueShape: 'a mapping value must be a string, number, boolean or list, found {{kind}}',
    },
  },
  create(context) {
    return {
      template(template) {
        const mappings = (template as unknown as { Mappings?: unknown }).Mappings;
        for (const [name, mapping] of sectionEntries(mappings)) {
          if (name === 'Fn::Transform') continue; // AWS::Include fills the section
          const path = ['Mappings', name];
          if (!level(mapping, path, `mapping "${name}"`, 'top-level keys')) continue;
          for (const [topKey, second] of sectionEntries(mapping)) {
            if (topKey === 'Fn::Transform') continue;
            if (!level(second, [...path, topKey], `mapping key "${topKey}"`, 'second-level keys')) continue;
            for (const [secondKey, value] of sectionEntries(second)) {
              if (secondKey === 'Fn::Transform' || functionName(value) !== undefined) continue; // functions: intrinsic-placement
              if (value === null || value === undefined || isMapping(value)) {
                context.report({ path: [...path, topKey, secondKey], messageId: 'valueShape', data: { kind: kindOf(value) } });
              }
            }
          }
        }

        /** True when `value` is a non-empty mapping (or an AWS::Include call) to descend into. */
        function level(value: unknown, path: Array<string | number>, what: string, holds: string): boolean {
          if (functionName(value) === 'Fn::Transform') return false;
          if (!isMapping(value)) {
            context.report({ path, messageId: 'notAMapping', data: { what, holds, kind: kindOf(value) } });
            return false;
          }
          if (sectionEntries(value).length === 0) {
            context.report({ path, messageId: 'empty', data: { what } });
            return false;
          }
          return true;
        }
      },
    };
  },
};
