import type { Rule } from '../src/lint/types';

/** Reports a key written twice in one mapping: CloudFormation keeps one silently. */
export const rule: Rule = {
  meta: {
    id: 'parse-duplicate-key',
    severity: 'error',
    category: 'parse',
    description: 'Disallow duplicate keys in a mapping',
    cfnLint: ['E0000'],
    options: {},
    parseCodes: ['duplicate-key'],
    messages: { 'duplicate-key': '{{message}}' },
  },
  create: () => ({}),
};
