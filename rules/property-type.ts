import { specIssues } from '../src/lint/spec-walk';
import type { Rule } from '../src/lint/types';

/**
 * Reports a property value of the wrong shape or type: an object where a list belongs, a word where a
 * number belongs. Values are read as leniently as CloudFormation reads them (`"10"` is a number,
 * `"true"` a boolean, numbers are strings); values behind intrinsics are checked only for the shape
 * the intrinsic yields.
 */
export const rule: Rule = {
  meta: {
    id: 'property-type',
    severity: 'error',
    category: 'spec',
    description: 'Require property values of the shape and type the CloudFormation spec defines',
    cfnLint: ['E3012'],
    options: {},
    messages: { type: '{{property}} must be {{expected}}, not {{actual}}' },
  },
  create(context) {
    return {
      resource: {
        '*': (visit) => {
          for (const issue of specIssues(context, visit)) {
            if (issue.kind === 'type') context.report({ path: issue.path, messageId: 'type', data: { property: issue.property, expected: issue.expected, actual: issue.actual } });
          }
        },
      },
    };
  },
};
