import { SAM_TRANSFORM, behindUnknownTag, closest, hasTransform } from '../src/lint/spec-walk';
import type { Rule } from '../src/lint/types';

/**
 * Reports a resource type the CloudFormation spec does not know: a typo, a type from another
 * partition's future, or a registry type the stack's account must have activated first.
 */
export const rule: Rule = {
  meta: {
    id: 'resource-type',
    severity: 'error',
    category: 'spec',
    description: 'Require every resource type to exist in the CloudFormation spec',
    cfnLint: ['E3006', 'E3038'],
    options: {
      allowTypes: {
        default: ['*::MODULE'],
        description:
          'resource types to accept although the spec does not list them (private registry types, modules); `*` matches any run of characters',
      },
    },
    messages: {
      unknown: 'Resource type "{{type}}" does not exist in the CloudFormation spec',
      didYouMean: 'Resource type "{{type}}" does not exist in the CloudFormation spec; did you mean "{{suggestion}}"?',
      serverless: 'Resource type "{{type}}" needs the "{{transform}}" transform',
    },
  },
  create(context) {
    const option = context.options.allowTypes;
    const allowed = (Array.isArray(option) ? option : []).filter((p): p is string => typeof p === 'string').map(glob);
    return {
      resource: {
        '*': (visit) => {
          const type: unknown = visit.resource.Type;
          if (typeof type !== 'string') return;
          const path = [...visit.path, 'Type'];
          if (context.spec.hasResourceType(type)) {
            if (type.startsWith('AWS::Serverless::') && !hasTransform(context.template, SAM_TRANSFORM)) {
              context.report({ path, messageId: 'serverless', data: { type, transform: SAM_TRANSFORM } });
            }
            return;
          }
          if (type.startsWith('Custom::') || allowed.some((re) => re.test(type))) return;
          if (behindUnknownTag(context.parsed, path)) return; // `!Rain::Module file.yaml`: parse-unknown-tag reports it
          const suggestion = closest(type, context.spec.resourceTypes());
          if (suggestion) context.report({ path, messageId: 'didYouMean', data: { type, suggestion } });
          else context.report({ path, messageId: 'unknown', data: { type } });
        },
      },
    };
  },
};

const globs = new Map<string, RegExp>();

/** `MyOrg::*` → a RegExp matching the whole type; compiled once per pattern. */
function glob(pattern: string): RegExp {
  let re = globs.get(pattern);
  if (!re) {
    const body = pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    globs.set(pattern, (re = new RegExp(`^${body}$`)));
  }
  return re;
}
