import { transformSupport, visitEntries } from '../src/lint/shapes';
import type { Rule } from '../src/lint/types';

/**
 * Logical ids are alphanumeric. See
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/resources-section-structure.html
 */
const ALPHANUMERIC = /^[A-Za-z0-9]+$/;
/**
 * Condition names: cfn-lint (E8001) and CloudFormation also accept underscores, and `&{Var}` inside
 * `Fn::ForEach` templates; letters and digits stay the documented form.
 */
const CONDITION_NAME = /^[A-Za-z0-9_]+$/;
/** `${Var}` / `&{Var}` placeholders an `Fn::ForEach` loop replaces (AWS::LanguageExtensions). */
const LOOP_PLACEHOLDER = /[$&]\{[^}]*\}/g;

const SECTIONS = ['Resources', 'Parameters', 'Outputs', 'Conditions', 'Mappings'] as const;

/** Reports logical ids with characters other than A-Z, a-z and 0-9. */
export const rule: Rule = {
  meta: {
    id: 'logical-id-characters',
    severity: 'error',
    category: 'template',
    description: 'Require logical ids of resources, parameters, outputs, conditions and mappings to be alphanumeric',
    cfnLint: ['E2003', 'E3001', 'E6004', 'E7001', 'E8001'],
    options: {},
    messages: {
      notAlphanumeric: '{{entry}} "{{id}}" must use only letters A-Z, a-z and digits 0-9',
    },
  },
  create(context) {
    return {
      template(template) {
        const sections = template as unknown as { [key: string]: unknown };
        const support = transformSupport(template);
        for (const section of SECTIONS) {
          visitEntries(section, sections[section], support.languageExtensions, (path, id) => {
            // Inside an Fn::ForEach template, ids become real once the loop fills in its placeholders.
            const filled = path.length > 2 ? id.replace(LOOP_PLACEHOLDER, 'X') : id;
            const pattern = section === 'Conditions' ? CONDITION_NAME : ALPHANUMERIC;
            if (!pattern.test(filled)) context.report({ path, key: true, messageId: 'notAlphanumeric', data: { entry: ENTRY[section], id } });
          });
        }
      },
    };
  },
};

const ENTRY = { Resources: 'resource logical id', Parameters: 'parameter name', Outputs: 'output name', Conditions: 'condition name', Mappings: 'mapping name' } as const;
