import { Intrinsic } from '../src/model/intrinsics';
import type { Template } from '../src/model/template';
import { outcomes, propertiesOf, referencedResource } from '../src/lint/certain';
import type { Rule, RuleContext } from '../src/lint/types';
import type { TemplatePath } from '../src/parse';
import { isPlainObject } from '../src/lint/walk';
import { isWebsiteBucket } from './s3-public-access-block';

/**
 * Condition keys that tie a request to a fixed account, organization, network or service, after the
 * keys S3 itself accepts as making a policy non-public.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status
 */
const RESTRICTING_KEYS: ReadonlySet<string> = new Set(
  [
    'aws:PrincipalAccount',
    'aws:PrincipalArn',
    'aws:PrincipalOrgID',
    'aws:PrincipalOrgPaths',
    'aws:PrincipalServiceName',
    'aws:PrincipalServiceNamesList',
    'aws:SourceAccount',
    'aws:SourceArn',
    'aws:SourceIp',
    'aws:SourceOrgID',
    'aws:SourceOrgPaths',
    'aws:SourceOwner',
    'aws:SourceVpc',
    'aws:SourceVpce',
    'aws:userid',
    'aws:VpcSourceIp',
    's3:DataAccessPointAccount',
    's3:DataAccessPointArn',
    's3:x-amz-server-side-encryption-aws-kms-key-id',
  ].map((k) => k.toLowerCase()),
);

/** Object reads a static website bucket grants everyone on purpose. */
const WEBSITE_READ_ACTIONS: ReadonlySet<string> = new Set(['s3:getobject']);

/**
 * Reports a bucket policy statement that allows everyone (`Principal: "*"`, `{AWS: "*"}`, or
 * `NotPrincipal`) without a condition that ties the request to a fixed account, organization, network
 * or service: anyone on the internet gets the actions it lists. Deny statements grant nothing; a
 * website bucket's public `s3:GetObject` is its purpose.
 */
export const rule: Rule = {
  meta: {
    id: 's3-bucket-policy-public',
    // A warning, not an error: the template deploys and a public policy may be deliberate; raise it
    // to error in .cfnkit.yaml to make it block.
    severity: 'warning',
    category: 'practice',
    description: 'Disallow bucket policy statements that allow everyone without a restricting condition',
    cfnLint: [],
    options: {},
    messages: {
      publicAllow:
        'Statement {{sid}}of the policy of bucket {{bucket}} allows {{who}} {{actions}} with no condition that restricts who calls (aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID, aws:SourceVpce…). Name the principals, or add such a condition; serve public content through CloudFront with origin access control',
      weakCondition:
        'Statement {{sid}}of the policy of bucket {{bucket}} allows {{who}} {{actions}}; its condition ({{keys}}) does not restrict who calls, so anyone can. Name the principals, or add a condition on aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID or aws:SourceVpce',
    },
  },
  create(context) {
    return {
      resource: {
        'AWS::S3::BucketPolicy': ({ resource, path }) => {
          const properties = isPlainObject(resource.Properties) ? resource.Properties : {};
          const bucketId = referencedResource(properties.Bucket);
          const website = bucketId !== undefined && isWebsite(context.template, bucketId);
          const label = bucketId ? `"${bucketId}"` : typeof properties.Bucket === 'string' ? `"${properties.Bucket}"` : '(computed name)';
          let document: unknown = properties.PolicyDocument;
          if (typeof document === 'string') {
            try {
              document = JSON.parse(document);
            } catch {
              return;
            }
          }
          if (!isPlainObject(document)) return;
          const statementsPath = [...path, 'Properties', 'PolicyDocument', 'Statement'];
          const statements = document.Statement;
          const list = Array.isArray(statements) ? statements.map((s, i) => [s, [...statementsPath, i]] as const) : [[statements, statementsPath] as const];
          for (const [statement, at] of list) {
            for (const o of outcomes(statement, context.template)) {
              if (o.kind === 'known' && isPlainObject(o.value)) checkStatement(context, o.value, at, { label, website });
            }
          }
        },
      },
    };
  },
};

function isWebsite(template: Template, logicalId: string): boolean {
  const r = isPlainObject(template.Resources) ? template.Resources[logicalId] : undefined;
  return isPlainObject(r) && r.Type === 'AWS::S3::Bucket' && isWebsiteBucket(propertiesOf(r));
}

function checkStatement(
  context: RuleContext,
  statement: { [key: string]: unknown },
  path: TemplatePath,
  bucket: { label: string; website: boolean },
): void {
  if (!outcomes(statement.Effect, context.template).some((o) => o.kind === 'known' && o.value === 'Allow')) return;
  const everyone = statement.NotPrincipal !== undefined ? 'everyone but the listed principals' : isEveryone(statement.Principal, context.template) ? 'everyone' : undefined;
  if (!everyone) return;
  const actions = actionList(statement.Action);
  if (bucket.website && statement.NotPrincipal === undefined && actions && actions.every((a) => WEBSITE_READ_ACTIONS.has(a.toLowerCase()))) return;
  const sid = typeof statement.Sid === 'string' ? `"${statement.Sid}" ` : '';
  const data = {
    sid,
    bucket: bucket.label,
    who: everyone,
    actions: actions ? actions.join(', ') : statement.NotAction !== undefined ? 'every action but its NotAction' : 'its actions',
  };
  const principalPath = [...path, statement.NotPrincipal !== undefined ? 'NotPrincipal' : 'Principal'];
  // One report per statement, for the first Fn::If branch of its Condition that leaves it public.
  for (const c of outcomes(statement.Condition, context.template)) {
    if (c.kind === 'absent') {
      context.report({ path: principalPath, messageId: 'publicAllow', data });
      return;
    }
    if (c.kind !== 'known' || !isPlainObject(c.value)) continue;
    const verdict = restricts(c.value);
    if (verdict && !verdict.ok) {
      context.report({ path: principalPath, messageId: 'weakCondition', data: { ...data, keys: verdict.keys.join(', ') || 'none' } });
      return;
    }
  }
}

/** True when a principal is everyone: `"*"`, `{AWS: "*"}` or a list holding `"*"`, on any Fn::If branch. */
function isEveryone(principal: unknown, template: Template): boolean {
  return outcomes(principal, template).some((o) => {
    if (o.kind !== 'known') return false;
    if (o.value === '*') return true;
    if (!isPlainObject(o.value)) return false;
    return outcomes(o.value.AWS, template).some((a) => a.kind === 'known' && (a.value === '*' || (Array.isArray(a.value) && a.value.includes('*'))));
  });
}

/** Literal action names, or undefined when any is behind an intrinsic or the statement uses NotAction. */
function actionList(action: unknown): string[] | undefined {
  const list = typeof action === 'string' ? [action] : Array.isArray(action) ? action : undefined;
  if (!list || !list.every((a): a is string => typeof a === 'string')) return undefined;
  return list;
}

/**
 * Whether a Condition block ties the request to fixed callers: ok when one of its tests uses a
 * restricting key with a positive operator (not `…IfExists`, `Not…`, `Null`, `ForAllValues:`) and a
 * value that is not a wildcard or an open CIDR. Undefined when it cannot be read.
 */
function restricts(condition: { [key: string]: unknown }): { ok: true } | { ok: false; keys: string[] } | undefined {
  const keys: string[] = [];
  for (const [operator, tests] of Object.entries(condition)) {
    if (!isPlainObject(tests)) return undefined;
    const op = operator.toLowerCase();
    const positive = !op.endsWith('ifexists') && !/^(forallvalues:)?(stringnot|arnnot|notipaddress|null)/.test(op.replace(/^foranyvalue:/, '')) && !op.startsWith('forallvalues:');
    for (const [key, value] of Object.entries(tests)) {
      keys.push(`${operator} ${key}`);
      if (!positive || !RESTRICTING_KEYS.has(key.toLowerCase())) continue;
      if (value instanceof Intrinsic) return { ok: true };
      const values = Array.isArray(value) ? value : [value];
      const open = values.some((v) => typeof v === 'string' && (v === '*' || /^(0\.0\.0\.0|::)\/0$/.test(v) || (op.includes('like') && v.startsWith('*'))));
      if (!open && values.length > 0) return { ok: true };
    }
  }
  return { ok: false, keys };
}
