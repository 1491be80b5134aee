import { Intrinsic } from '../src/model/intrinsics';
import { isTrue, propertiesOf, resourcesOf } from '../src/lint/certain';
import type { Rule } from '../src/lint/types';
import { isPlainObject, walkValue } from '../src/lint/walk';
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

/** Parameter ids a value reads: `Ref` targets and `Fn::Sub` variables. */
function parametersRead(value: unknown, parameters: ReadonlySet<string>): string[] {
  const out: string[] = [];
  walkValue(value, [], (v) => {
    if (!(v instanceof Intrinsic)) return;
    if (v.fn === 'Ref' && typeof v.args === 'string' && parameters.has(v.args)) out.push(v.args);
    if (v.fn === 'Fn::Sub') {
      const text = typeof v.args === 'string' ? v.args : Array.isArray(v.args) && typeof v.args[0] === 'string' ? v.args[0] : '';
      // Inside a dynamic reference a variable names the secret, it is not the secret.
      if (text.includes('{{resolve:')) return;
      for (const m of text.matchAll(/\$\{([A-Za-z0-9]+)\}/g)) if (parameters.has(m[1])) out.push(m[1]);
    }
  });
  return out;
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
            for (const id of parametersRead(p.value, ids)) if (!uses.has(id)) uses.set(id, { property: p.property, resource: r.logicalId });
          }
        }
        for (const [name, parameter] of Object.entries(parameters)) {
          if (!isPlainObject(parameter) || typeof parameter.Type !== 'string' || !PLAIN_TYPES.has(parameter.Type)) continue;
          const use = uses.get(name);
          const def = parameter.Default;
          // A default that is an ARN, a parameter path or a dynamic reference names where the secret is.
          const pointsElsewhere = typeof def === 'string' && /^(arn:|\/|\{\{resolve:)/.test(def);
          if (!use && (pointsElsewhere || !isSecretName(name) || describesReference(parameter.Description))) continue;
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
