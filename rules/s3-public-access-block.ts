import { isFalse, outcomes } from '../src/lint/certain';
import type { Rule } from '../src/lint/types';
import { isPlainObject } from '../src/lint/walk';

/** The four flags, in the order the S3 documentation lists them. */
const FLAGS = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'] as const;
type Flag = (typeof FLAGS)[number];

const POLICY_FLAGS: ReadonlySet<Flag> = new Set(['BlockPublicPolicy', 'RestrictPublicBuckets']);
const ACL_FLAGS: ReadonlySet<Flag> = new Set(['BlockPublicAcls', 'IgnorePublicAcls']);

/**
 * True for a bucket configured as an S3 static website that serves its objects (an index document or
 * routing rules, not only a redirect of every request elsewhere).
 */
export function isWebsiteBucket(properties: { [key: string]: unknown }): boolean {
  const site = properties.WebsiteConfiguration;
  return isPlainObject(site) && (site.IndexDocument !== undefined || site.RoutingRules !== undefined);
}

/**
 * Reports a PublicAccessBlockConfiguration that leaves one of its four flags false or unset (an unset
 * flag is false): S3 then accepts public ACLs or public bucket policies on the bucket. A website bucket
 * needs its public policy (and, with a public-read canned ACL, its ACLs), so those flags are not
 * reported there.
 */
export const rule: Rule = {
  meta: {
    id: 's3-public-access-block',
    severity: 'warning',
    category: 'practice',
    description: 'Require all four S3 public access block flags on buckets that are not websites',
    cfnLint: [],
    options: {},
    messages: {
      flagOff:
        '{{flag}} of bucket "{{bucket}}" is {{state}}, so S3 {{effect}}. Set it to true; serve public content through CloudFront with origin access control instead',
    },
  },
  create(context) {
    return {
      resource: {
        'AWS::S3::Bucket': ({ logicalId, resource, path }) => {
          const properties = isPlainObject(resource.Properties) ? resource.Properties : {};
          const config = properties.PublicAccessBlockConfiguration;
          const configPath = [...path, 'Properties', 'PublicAccessBlockConfiguration'];
          const website = isWebsiteBucket(properties);
          const acl = properties.AccessControl;
          const publicAcl = typeof acl === 'string' && /^public/i.test(acl);
          // Each Fn::If branch of the configuration is a deployment; one finding per flag.
          const blocks = outcomes(config, context.template).flatMap((o) => (o.kind === 'known' && isPlainObject(o.value) ? [o.value] : []));
          for (const flag of FLAGS) {
            if (website && (POLICY_FLAGS.has(flag) || (publicAcl && ACL_FLAGS.has(flag)))) continue;
            for (const block of blocks) {
              const off = outcomes(block[flag], context.template).find((o) => o.kind === 'absent' || (o.kind === 'known' && isFalse(o.value)));
              if (!off) continue;
              const at = block !== config ? { path: configPath } : block[flag] === undefined ? { path: configPath, key: true } : { path: [...configPath, flag] };
              const state = off.kind === 'absent' ? 'unset (false)' : 'false';
              context.report({ ...at, messageId: 'flagOff', data: { flag, bucket: logicalId, state, effect: EFFECT[flag] } });
              break;
            }
          }
        },
      },
    };
  },
};

const EFFECT: { readonly [flag in Flag]: string } = {
  BlockPublicAcls: 'accepts ACLs that make the bucket or its objects public',
  BlockPublicPolicy: 'accepts a bucket policy that grants public access',
  IgnorePublicAcls: 'honours public ACLs on the bucket and its objects',
  RestrictPublicBuckets: 'lets anyone use the access a public bucket policy grants',
};
