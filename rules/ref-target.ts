import { isPseudoParameter, mayBeGenerated, templateReferences } from '../src/lint/refs';
import type { Rule } from '../src/lint/types';

/** Sections whose intrinsics CloudFormation resolves before any resource exists: parameters only. */
const PARAMETER_ONLY_SECTIONS: ReadonlySet<string> = new Set(['Conditions', 'Rules']);

/**
 * Reports Ref, Fn::GetAtt and Fn::Sub variables that name nothing the template declares: CloudFormation
 * rejects the whole template ("Unresolved resource dependencies") before creating anything.
 */
export const rule: Rule = {
  meta: {
    id: 'ref-target',
    severity: 'error',
    category: 'template',
    description: 'Require every Ref, GetAtt and Sub variable to name a resource, parameter or pseudo parameter',
    cfnLint: ['E1020', 'E1010', 'E1019'],
    options: {},
    messages: {
      missing: '{{via}} names "{{target}}", which is not a resource, parameter or pseudo parameter',
      missingResource: '{{via}} names "{{target}}", which is not a resource',
      notResource: '{{via}} names {{kind}} "{{target}}"; only resources have attributes',
      resourceInSection: '{{via}} in {{section}} names resource "{{target}}"; {{section}} can only use parameters',
    },
  },
  create(context) {
    return {
      template(template) {
        const refs = templateReferences(template);
        for (const r of refs.targets) {
          // The template's own Metadata is not resolved: a Ref there is data.
          if (r.via === 'DependsOn' || r.section === 'Metadata') continue;
          const via = r.via === 'Fn::Sub' ? 'Fn::Sub variable' : r.via;
          const isResource = refs.resources.has(r.target);
          if (r.via === 'Fn::GetAtt' || r.attribute !== undefined) {
            if (isResource) continue;
            const kind = refs.parameters.has(r.target) ? 'parameter' : isPseudoParameter(r.target) ? 'pseudo parameter' : undefined;
            if (kind) context.report({ path: r.path, messageId: 'notResource', data: { via, kind, target: r.target } });
            else if (!mayBeGenerated(refs, r.target)) context.report({ path: r.path, messageId: 'missingResource', data: { via, target: r.target } });
            continue;
          }
          if (isPseudoParameter(r.target) || refs.parameters.has(r.target)) continue;
          if (isResource) {
            if (PARAMETER_ONLY_SECTIONS.has(r.section)) context.report({ path: r.path, messageId: 'resourceInSection', data: { via, section: r.section, target: r.target } });
            continue;
          }
          if (!mayBeGenerated(refs, r.target)) context.report({ path: r.path, messageId: 'missing', data: { via, target: r.target } });
        }
      },
    };
  },
};
