import { templateReferences } from '../src/lint/refs';
import type { Rule } from '../src/lint/types';

/**
 * Reports condition names (a resource's or output's `Condition`, Fn::If's first argument, the
 * Condition function) that the Conditions section does not define: CloudFormation rejects the template
 * ("Unresolved condition dependency").
 */
export const rule: Rule = {
  meta: {
    id: 'condition-target',
    severity: 'error',
    category: 'template',
    description: 'Require every condition name used by Condition, Fn::If and the Condition function to be defined in Conditions',
    cfnLint: ['E8002', 'E1028', 'E3015', 'E6005'],
    options: {},
    messages: {
      missing: '{{via}} names "{{target}}", which is not defined in Conditions',
    },
  },
  create(context) {
    return {
      template(template) {
        const refs = templateReferences(template);
        if (refs.openTransform) return;
        for (const r of refs.conditionReferences) {
          if (!r.evaluated || refs.conditions.has(r.target)) continue;
          context.report({ path: r.path, messageId: 'missing', data: { via: r.via, target: r.target } });
        }
      },
    };
  },
};
