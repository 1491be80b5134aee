import { specIssues } from '../src/lint/spec-walk';
import type { Rule } from '../src/lint/types';

/** Reports a required property that is missing (or `Ref: AWS::NoValue`): the create fails at deploy time. */
export const rule: Rule = {
  meta: {
    id: 'property-required',
    severity: 'error',
    category: 'spec',
    description: 'Require the properties the CloudFormation spec marks required',
    cfnLint: ['E3003'],
    options: {},
    messages: { missing: '{{owner}} requires property "{{name}}"' },
  },
  create(context) {
    return {
      resource: {
        '*': (visit) => {
          for (const issue of specIssues(context, visit)) {
            if (issue.kind === 'required') context.report({ path: issue.path, key: true, messageId: 'missing', data: { owner: issue.owner, name: issue.name } });
          }
        },
      },
    };
  },
};
