import type { Rule } from '../src/lint/types';

/** Reports YAML anchors and aliases, which CloudFormation rejects. */
export const rule: Rule = {
  meta: {
    id: 'parse-yaml-alias',
    severity: 'error',
    category: 'parse',
    description: 'Disallow YAML anchors and aliases',
    cfnLint: ['E0000'],
    options: {},
    parseCodes: ['anchor', 'alias'],
    messages: { anchor: '{{message}}', alias: '{{message}}' },
  },
  create: () => ({}),
};
