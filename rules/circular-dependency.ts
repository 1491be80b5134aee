import { cycleText, findCycles } from '../src/lint/cycles';
import { templateReferences } from '../src/lint/refs';
import type { Rule } from '../src/lint/types';

/**
 * Reports resources that depend on each other in a cycle (through Ref, Fn::GetAtt, Fn::Sub variables
 * and DependsOn): CloudFormation cannot order them and rejects the template ("Circular dependency
 * between resources"). One finding per cycle (strongly connected component), on its first resource in
 * template order; linear in the size of the template (Tarjan's algorithm, iterative).
 */
export const rule: Rule = {
  meta: {
    id: 'circular-dependency',
    severity: 'error',
    category: 'template',
    description: 'Disallow circular dependencies among resources',
    cfnLint: ['E3004'],
    options: {},
    messages: {
      cycle: 'circular dependency between resources: {{cycle}}',
    },
  },
  create(context) {
    return {
      template(template) {
        const refs = templateReferences(template);
        const links = refs.targets.map((r) => [r.from, r.target] as const);
        for (const cycle of findCycles([...refs.resources.keys()], links)) {
          context.report({ path: ['Resources', cycle[0]], key: true, messageId: 'cycle', data: { cycle: cycleText(cycle, 'resources') } });
        }
      },
    };
  },
};
