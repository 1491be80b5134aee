import { specIssues } from '../src/lint/spec-walk';
import type { Rule } from '../src/lint/types';

/**
 * Reports a property the resource type (or property type) does not have: CloudFormation rejects the
 * whole stack operation, usually for a typo or a property that belongs one level up or down.
 */
export const rule: Rule = {
  meta: {
    id: 'property-unknown',
    severity: 'error',
    category: 'spec',
    description: 'Disallow properties the CloudFormation spec does not define for the resource or property type',
    cfnLint: ['E3002'],
    options: {},
    messages: {
      unknown: '"{{name}}" is not a property of {{owner}}',
      didYouMean: '"{{name}}" is not a property of {{owner}}; did you mean "{{suggestion}}"?',
    },
  },
  create(context) {
    return {
      resource: {
        '*': (visit) => {
          for (const issue of specIssues(context, visit)) {
            if (issue.kind !== 'unknown') continue;
            const { path, name, owner, suggestion } = issue;
            if (suggestion) context.report({ path, key: true, messageId: 'didYouMean', data: { name, owner, suggestion } });
            else context.report({ path, key: true, messageId: 'unknown', data: { name, owner } });
          }
        },
      },
    };
  },
};
