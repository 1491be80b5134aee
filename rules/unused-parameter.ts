import { templateReferences } from '../src/lint/refs';
import type { Rule } from '../src/lint/types';

/**
 * Reports parameters nothing refers to: each one is a question every deployment must answer for no
 * effect, and often the sign of a Ref that points elsewhere by mistake.
 */
export const rule: Rule = {
  meta: {
    id: 'unused-parameter',
    severity: 'warning',
    category: 'template',
    description: 'Report parameters that no Ref, Sub variable or rule uses',
    cfnLint: ['W2001'],
    options: {},
    messages: {
      unused: 'parameter "{{name}}" is never used',
    },
  },
  create(context) {
    return {
      template(template) {
        const refs = templateReferences(template);
        // A macro or an included snippet may use any parameter.
        if (refs.openTransform || refs.parameters.size === 0) return;
        const used = new Set<string>(refs.ruleParameterUses);
        for (const r of refs.targets) used.add(r.target);
        for (const name of refs.parameters) {
          if (!used.has(name)) context.report({ path: ['Parameters', name], key: true, messageId: 'unused', data: { name } });
        }
      },
    };
  },
};
