import { specIssues } from '../src/lint/spec-walk';
import type { Rule } from '../src/lint/types';

/**
 * Warns about properties the CloudFormation spec marks deprecated: they still deploy, but the service
 * ignores them or replaced them, and they may stop working.
 */
export const rule: Rule = {
  meta: {
    id: 'property-deprecated',
    severity: 'warning',
    category: 'spec',
    description: 'Warn about properties the CloudFormation spec marks deprecated',
    cfnLint: [],
    options: {},
    messages: { deprecated: 'Property "{{name}}" of {{owner}} is deprecated' },
  },
  create(context) {
    return {
      resource: {
        '*': (visit) => {
          for (const issue of specIssues(context, visit)) {
            if (issue.kind === 'deprecated') context.report({ path: issue.path, key: true, messageId: 'deprecated', data: { name: issue.name, owner: issue.owner } });
          }
        },
      },
    };
  },
};
