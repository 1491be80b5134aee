import { specIssues } from '../src/lint/spec-walk';
import type { Rule } from '../src/lint/types';

/** Most values shown in a message; long enums (instance types, runtimes) are cut. */
const SHOWN = 8;

/** Reports a literal property value outside the values the CloudFormation spec allows. */
export const rule: Rule = {
  meta: {
    id: 'property-enum',
    severity: 'error',
    category: 'spec',
    description: 'Require literal property values to be one of the values the CloudFormation spec allows',
    cfnLint: ['E3030'],
    options: {},
    messages: {
      invalid: '{{property}} is "{{value}}"; allowed: {{allowed}}',
      didYouMean: '{{property}} is "{{value}}"; did you mean "{{suggestion}}"?',
    },
  },
  create(context) {
    return {
      resource: {
        '*': (visit) => {
          for (const issue of specIssues(context, visit)) {
            if (issue.kind !== 'enum') continue;
            const { path, property, value, suggestion } = issue;
            if (suggestion) {
              context.report({ path, messageId: 'didYouMean', data: { property, value, suggestion } });
            } else {
              const shown = issue.allowed.slice(0, SHOWN).join(', ');
              const allowed = issue.allowed.length > SHOWN ? `${shown}, … (${issue.allowed.length} values)` : shown;
              context.report({ path, messageId: 'invalid', data: { property, value, allowed } });
            }
          }
        },
      },
    };
  },
};
