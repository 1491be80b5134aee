import { Intrinsic } from '../src/model/intrinsics';
import { isTrue, propertiesOf, resourcesOf } from '../src/lint/certain';
import type { Rule } from '../src/lint/types';
import { isPlainObject } from '../src/lint/walk';
import { passwordValues } from './password-literal';

/** Last words of a parameter name that make it a secret. */
const SECRET_WORDS: ReadonlySet<string> = new Set(['pass', 'passphrase', 'passwd', 'password', 'pwd', 'secret', 'token']);

/** Words before a final "Key" that make it a secret key: SecretKey, SecretAccessKey, ApiKey, PrivateKey. */
const KEY_QUALIFIERS: ReadonlySet<string> = new Set(['api', 'private', 'secret']);

/** Parameter types whose value CloudFormation shows as it is. */
const PLAIN_TYPES: ReadonlySet<string> = new Set(['String', 'CommaDelimitedList']);

/** The words of a name: camel case, acronyms, underscores, dashes and dots split it; trailing digits go. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .map((w) => w.toLowerCase().replace(/\d+$/, ''))
    .filter(Boolean);
}

/**
 * True when a parameter name says it holds a secret: its last word is password, secret, token… (or
 * ends with one when written in one word, `Dbpassword`), or it ends in "Key" after secret, private or
 * api. `TokenExpiryMinutes`, `SecretArn`, `DbPasswordSsmName`, `KeyName` name no secret: what the last
 * word says the value is.
 */
export function isSecretName(name: string): boolean {
  const words = nameWords(name);
  const last = words[words.length - 1];
  if (last === undefined) return false;
  if (SECRET_WORDS.has(last) || /(password|passwd|passphrase|secret|token|apikey)$/.test(last)) return true;
  return last === 'key' && words.slice(0, -1).some((w) => KEY_QUALIFIERS.has(w));
}

/** True when a description says the value names or locates the secret ("ARN of the secret…"). */
function describesReference(description: unknown): boolean {
  return typeof description === 'string' && /\b(arn|name|id|identifier|path)\s+(of|for)\b/i.test(description);
}

/**
 * Parameters whose value becomes the property's value: a `Ref`, through `Fn::If` branches, `Fn::Join`
 * parts and `Fn::Sub` variables. A value that builds a dynamic reference (`{{resolve:…}}`) passes none:
 * there a parameter names the secret, it is not the secret. Arguments of other intrinsics
 * (`Fn::ImportValue`, `Fn::FindInMap`…) name something else too.
 */
function parametersPassed(value: unknown, parameters: ReadonlySet<string>): string[] {
  if (!(value instanceof Intrinsic)) return [];
  const args = value.args as unknown;
  switch (value.fn) {
    case 'Ref':
      return typeof args === 'string' && parameters.has(args) ? [args] : [];
    case 'Fn::If':
      return Array.isArray(args) ? args.slice(1).flatMap((branch) => parametersPassed(branch, parameters)) : [];
    case 'Fn::Join': {
      const parts: unknown[] = Array.isArray(args) && Array.isArray(args[1]) ? args[1] : [];
      if (parts.some((p) => typeof p === 'string' && p.includes('{{resolve:'))) return [];
      return parts.flatMap((p) => parametersPassed(p, parameters));
    }
    case 'Fn::Sub': {
      const text = typeof args === 'string' ? args : Array.isArray(args) && typeof args[0] === 'string' ? args[0] : '';
      if (text.includes('{{resolve:')) return [];
      const variables = Array.isArray(args) && isPlainObject(args[1]) ? args[1] : {};
      const out: string[] = [];
      for (const m of text.matchAll(/\$\{([A-Za-z0-9]+)\}/g)) {
        if (m[1] in variables) out.push(...parametersPassed(variables[m[1]], parameters));
        else if (parameters.has(m[1])) out.push(m[1]);
      }
      return out;
    }
    default:
      return [];
  }
}

/**
 * Reports parameters that carry a password, secret or token — by name, or because a password property
 * uses them — without NoEcho (CloudFormation shows their value in the console and in DescribeStacks),
 * and those with a Default written into the template.
 */
export const rule: Rule = {
  meta: {
    id: 'secret-parameter',
    severity: 'warning',
    category: 'practice',
    description: 'Require NoEcho and no literal Default on parameters that carry passwords, secrets or tokens',
    cfnLint: ['W2501'],
    options: {},
    messages: {
      noEchoByName:
        'Parameter "{{name}}" looks like a password, secret or token but is not NoEcho, so its value shows in the console and in DescribeStacks. Set NoEcho: true, or keep the value in Secrets Manager and use a dynamic reference',
      noEchoByUse:
        'Parameter "{{name}}" is {{property}} of "{{resource}}" but is not NoEcho, so its value shows in the console and in DescribeStacks. Set NoEcho: true, or keep the value in Secrets Manager and use a dynamic reference',
      literalDefault:
        'Parameter "{{name}}" carries a secret and its Default is written into the template, where anyone who can read it reads the secret. Remove the Default, or keep the value in Secrets Manager and use a dynamic reference',
    },
  },
  create(context) {
    return {
      template(template) {
        const parameters = isPlainObject(template.Parameters) ? template.Parameters : {};
        const ids = new Set(Object.keys(parameters));
        const uses = new Map<string, { property: string; resource: string }>();
        for (const r of resourcesOf(template)) {
          for (const p of passwordValues(r.type, propertiesOf(r.resource))) {
            for (const id of parametersPassed(p.value, ids)) if (!uses.has(id)) uses.set(id, { property: p.property, resource: r.logicalId });
          }
        }
        for (const [name, parameter] of Object.entries(parameters)) {
          if (!isPlainObject(parameter) || typeof parameter.Type !== 'string' || !PLAIN_TYPES.has(parameter.Type)) continue;
          const use = uses.get(name);
          const def = parameter.Default;
          // A default that is an ARN, a parameter path or a dynamic reference names where the secret is.
          const pointsElsewhere = typeof def === 'string' && /^(arn:|\/|\{\{resolve:)/.test(def);
          // A value picked from AllowedValues is a choice (AllowUsersToChangePassword: true), not a secret.
          const byName = isSecretName(name) && !pointsElsewhere && !describesReference(parameter.Description) && parameter.AllowedValues === undefined;
          if (!use && !byName) continue;
          const path = ['Parameters', name];
          if (!isTrue(parameter.NoEcho)) {
            const at = parameter.NoEcho !== undefined ? { path: [...path, 'NoEcho'] } : { path, key: true };
            if (use) context.report({ ...at, messageId: 'noEchoByUse', data: { name, ...use } });
            else context.report({ ...at, messageId: 'noEchoByName', data: { name } });
          }
          if ((typeof def === 'string' && def !== '' && !pointsElsewhere) || typeof def === 'number') {
            context.report({ path: [...path, 'Default'], messageId: 'literalDefault', data: { name } });
          }
        }
      },
    };
  },
};
