import { templateReferences } from '../src/lint/refs';
import type { Rule } from '../src/lint/types';

/**
 * Reports conditions no resource, output, Fn::If or other condition uses: dead logic that reviewers
 * still have to read, often left behind when the resource it guarded was removed.
 */
export const rule: Rule = {
  meta: {
    id: 'unused-condition',
    severity: 'warning',
    category: 'template',
    description: 'Report conditions that no resource, output, Fn::If or condition uses',
    cfnLint: ['W8001'],
    options: {},
    messages: {
      unused: 'condition "{{name}}" is never used',
    },
  },
  create(context) {
    return {
      template(template) {
        const refs = templateReferences(template);
        if (refs.openTransform || refs.conditions.size === 0) return;
        const used = new Set<string>();
        for (const r of refs.conditionReferences) used.add(r.target);
        for (const name of refs.conditions) {
          if (!used.has(name)) context.report({ path: ['Conditions', name], key: true, messageId: 'unused', data: { name } });
        }
      },
    };
  },
};
