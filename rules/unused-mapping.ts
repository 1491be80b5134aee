import { templateReferences } from '../src/lint/refs';
import type { Rule } from '../src/lint/types';

/** Reports mappings no Fn::FindInMap reads: dead data that reviewers still have to keep current. */
export const rule: Rule = {
  meta: {
    id: 'unused-mapping',
    severity: 'warning',
    category: 'template',
    description: 'Report mappings that no Fn::FindInMap reads',
    cfnLint: ['W7001'],
    options: {},
    messages: {
      unused: 'mapping "{{name}}" is never used',
    },
  },
  create(context) {
    return {
      template(template) {
        const refs = templateReferences(template);
        if (refs.openTransform || refs.mappings.size === 0) return;
        const used = new Set<string>();
        for (const lookup of refs.mapLookups) {
          // A computed mapping name may read any mapping.
          if (lookup.map === undefined) return;
          used.add(lookup.map);
        }
        for (const name of refs.mappings.keys()) {
          if (!used.has(name)) context.report({ path: ['Mappings', name], key: true, messageId: 'unused', data: { name } });
        }
      },
    };
  },
};
