import type { Rule } from '../src/lint/types';

/** Reports text that is not a readable YAML or JSON template. */
export const rule: Rule = {
  meta: {
    id: 'parse-syntax',
    severity: 'error',
    category: 'parse',
    description: 'Require a template that parses as YAML or JSON with a mapping at the top level',
    cfnLint: ['E0000'],
    options: {},
    parseCodes: ['syntax', 'empty', 'invalid-utf8', 'tab-indent', 'not-a-mapping', 'multiple-documents', 'complex-key', 'unreadable', 'too-deep', 'too-large'],
    messages: {
      syntax: '{{message}}',
      empty: 'template is empty',
      'invalid-utf8': '{{message}}',
      'tab-indent': 'tabs are not allowed as YAML indentation',
      'not-a-mapping': 'a template must be a mapping at the top level',
      'multiple-documents': 'a template must be a single YAML document',
      'complex-key': 'mapping keys must be plain scalars',
      unreadable: '{{message}}',
      'too-deep': '{{message}}',
      'too-large': '{{message}}',
    },
  },
  create: () => ({}),
};
