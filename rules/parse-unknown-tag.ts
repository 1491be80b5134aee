import type { Rule } from '../src/lint/types';

/** Reports YAML tags that are not CloudFormation short-form intrinsics. */
export const rule: Rule = {
  meta: {
    id: 'parse-unknown-tag',
    severity: 'error',
    category: 'parse',
    description: 'Disallow YAML tags other than the CloudFormation short-form intrinsics',
    cfnLint: ['E0000'],
    options: {},
    parseCodes: ['unknown-tag'],
    messages: { 'unknown-tag': '{{message}} (CloudFormation knows !Ref, !GetAtt, !Sub, … only)' },
  },
  create: () => ({}),
};
