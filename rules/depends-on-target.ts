import { mayBeGenerated, templateReferences } from '../src/lint/refs';
import type { Rule } from '../src/lint/types';

/**
 * Reports DependsOn entries that name no resource of the template: CloudFormation rejects the template
 * ("Template format error: Unresolved resource dependencies").
 */
export const rule: Rule = {
  meta: {
    id: 'depends-on-target',
    severity: 'error',
    category: 'template',
    description: 'Require every DependsOn entry to name a resource of the template',
    cfnLint: ['E3005'],
    options: {},
    messages: {
      missing: 'DependsOn names "{{target}}", which is not a resource',
      notResource: 'DependsOn names {{kind}} "{{target}}"; only resources can be depended on',
    },
  },
  create(context) {
    return {
      template(template) {
        const refs = templateReferences(template);
        for (const r of refs.targets) {
          if (r.via !== 'DependsOn' || refs.resources.has(r.target)) continue;
          const kind = refs.parameters.has(r.target) ? 'parameter' : refs.conditions.has(r.target) ? 'condition' : undefined;
          if (kind) context.report({ path: r.path, messageId: 'notResource', data: { kind, target: r.target } });
          else if (!mayBeGenerated(refs, r.target)) context.report({ path: r.path, messageId: 'missing', data: { target: r.target } });
        }
      },
    };
  },
};
