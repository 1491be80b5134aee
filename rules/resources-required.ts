import { isMapping, sectionEntries } from '../src/lint/shapes';
import type { Rule } from '../src/lint/types';

/** Reports a template without resources: CloudFormation rejects a stack that would create nothing. */
export const rule: Rule = {
  meta: {
    id: 'resources-required',
    severity: 'error',
    category: 'template',
    description: 'Require a Resources section that declares at least one resource',
    cfnLint: ['E1001'],
    options: {},
    messages: {
      missing: 'the template has no Resources section; CloudFormation requires at least one resource',
      empty: 'the Resources section declares no resource; CloudFormation requires at least one',
    },
  },
  create(context) {
    return {
      template(template) {
        const sections = template as unknown as { [key: string]: unknown };
        if (!('Resources' in sections)) {
          context.report({ path: [], messageId: 'missing' });
          return;
        }
        const resources = sections.Resources;
        // A Resources value of the wrong type is template-sections' finding.
        if (resources === null || resources === undefined || (isMapping(resources) && sectionEntries(resources).length === 0)) {
          context.report({ path: ['Resources'], key: true, messageId: 'empty' });
        }
      },
    };
  },
};
