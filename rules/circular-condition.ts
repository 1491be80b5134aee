import { cycleText, findCycles } from '../src/lint/cycles';
import { templateReferences } from '../src/lint/refs';
import type { Rule } from '../src/lint/types';

/**
 * Reports conditions that depend on each other in a cycle through the Condition function (`!Condition`
 * inside Fn::And / Fn::Or / Fn::Not): such a condition has no value, and CloudFormation rejects the
 * template ("Circular dependency between conditions"). cfn-lint 1.51 reports these templates only as an
 * exception of its condition solver (E3001 "Exception … raised while validating"). One finding per
 * cycle, on its first condition in template order.
 */
export const rule: Rule = {
  meta: {
    id: 'circular-condition',
    severity: 'error',
    category: 'template',
    description: 'Disallow conditions that depend on each other in a cycle',
    cfnLint: [],
    options: {},
    messages: {
      cycle: 'circular dependency between conditions: {{cycle}}',
    },
  },
  create(context) {
    return {
      template(template) {
        const refs = templateReferences(template);
        if (refs.conditions.size === 0) return;
        // only the Condition function inside the Conditions section makes one condition depend on another
        const links = refs.conditionReferences
          .filter((r) => r.via === 'Condition function' && r.path[0] === 'Conditions' && typeof r.path[1] === 'string')
          .map((r) => [r.path[1] as string, r.target] as const);
        for (const cycle of findCycles([...refs.conditions], links)) {
          context.report({ path: ['Conditions', cycle[0]], key: true, messageId: 'cycle', data: { cycle: cycleText(cycle, 'conditions') } });
        }
      },
    };
  },
};
