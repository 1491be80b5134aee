import { alternatives, listItems } from '../src/lint/alternatives';
import { Intrinsic } from '../src/model/intrinsics';
import type { Template } from '../src/model/template';
import type { Rule, RuleContext } from '../src/lint/types';
import { isPlainObject, walkValue } from '../src/lint/walk';
import type { TemplatePath } from '../src/parse';

/** One cache behaviour: where it is, what it is called in messages, the origins it may send to. */
interface Behaviour {
  readonly name: string;
  /** Paths of the `ViewerProtocolPolicy: allow-all` values (every Fn::If branch that says so). */
  readonly allowAll: readonly TemplatePath[];
  /** Origin ids it targets (origin groups expanded); undefined when the target is not known. */
  readonly origins: ReadonlySet<string> | undefined;
}

/**
 * Reports CloudFront distributions that let requests travel over plain HTTP: viewers allowed to use
 * HTTP (`ViewerProtocolPolicy: allow-all`), custom origins reached over HTTP (`http-only`), and
 * `match-viewer` origins behind a behaviour that lets viewers use HTTP. See
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https.html
 */
export const rule: Rule = {
  meta: {
    id: 'cloudfront-origin-protocol',
    severity: 'warning',
    category: 'practice',
    description: 'Require CloudFront to use HTTPS with viewers and custom origins',
    cfnLint: [],
    options: {},
    messages: {
      viewerHttp: 'ViewerProtocolPolicy allow-all on {{behaviour}} lets viewers use plain HTTP, exposing their requests and cookies; use redirect-to-https or https-only',
      originHttp: 'Origin {{origin}} is reached over plain HTTP (http-only), so requests and responses cross the network unencrypted between CloudFront and the origin; use https-only with a certificate on the origin',
      s3WebsiteHttp:
        'Origin {{origin}} is an S3 website endpoint, which only speaks HTTP, so traffic between CloudFront and S3 is plaintext; serve the bucket through its REST endpoint (S3OriginConfig with origin access control) unless you need website-endpoint features, and then suppress this finding with the reason',
      matchViewerHttp: 'Origin {{origin}} uses match-viewer and {{behaviour}} lets viewers use HTTP, so their requests reach the origin over plain HTTP; use https-only',
    },
  },
  create(context) {
    return {
      resource: {
        'AWS::CloudFront::Distribution': (visit) => {
          const props = visit.resource.Properties;
          if (!isPlainObject(props)) return;
          for (const config of alternatives(props.DistributionConfig, [...visit.path, 'Properties', 'DistributionConfig'], context.template)) {
            if (isPlainObject(config.value)) checkDistribution(context, config.value, config.path);
          }
        },
      },
    };
  },
};

function checkDistribution(context: RuleContext, config: { [key: string]: unknown }, path: TemplatePath): void {
  const template = context.template;
  const origins = listItems(config.Origins, [...path, 'Origins'], template).filter((o) => isPlainObject(o.value));
  const groups = originGroups(config, path, template);
  const onlyOrigin = origins.length === 1 && groups.size === 0 ? idKey((origins[0].value as { Id?: unknown }).Id) : undefined;

  const behaviours: Behaviour[] = [];
  const addBehaviour = (value: unknown, at: TemplatePath, fallback: string) => {
    for (const alt of alternatives(value, at, template)) {
      if (!isPlainObject(alt.value)) continue;
      const b = alt.value;
      const name = typeof b.PathPattern === 'string' ? `cache behaviour "${b.PathPattern}"` : fallback;
      const allowAll = alternatives(b.ViewerProtocolPolicy, [...alt.path, 'ViewerProtocolPolicy'], template)
        .filter((v) => typeof v.value === 'string' && v.value.toLowerCase() === 'allow-all')
        .map((v) => v.path);
      const target = b.TargetOriginId;
      const key = onlyOrigin ?? idKey(target);
      const targets = key === undefined ? undefined : (groups.get(key) ?? new Set([key]));
      behaviours.push({ name, allowAll, origins: targets });
    }
  };
  addBehaviour(config.DefaultCacheBehavior, [...path, 'DefaultCacheBehavior'], 'the default cache behaviour');
  for (const item of listItems(config.CacheBehaviors, [...path, 'CacheBehaviors'], template)) addBehaviour(item.value, item.path, 'a cache behaviour');

  for (const b of behaviours) for (const at of b.allowAll) context.report({ path: at, messageId: 'viewerHttp', data: { behaviour: b.name } });

  for (const origin of origins) {
    const o = origin.value as { [key: string]: unknown };
    const id = idKey(o.Id);
    const label = typeof o.Id === 'string' ? `"${o.Id}"` : `at ${origin.path.slice(origin.path.indexOf('Origins')).join('/')}`;
    for (const custom of alternatives(o.CustomOriginConfig, [...origin.path, 'CustomOriginConfig'], template)) {
      if (!isPlainObject(custom.value)) continue;
      for (const policy of alternatives(custom.value.OriginProtocolPolicy, [...custom.path, 'OriginProtocolPolicy'], template)) {
        const value = typeof policy.value === 'string' ? policy.value.toLowerCase() : undefined;
        if (value === 'http-only') {
          context.report({ path: policy.path, messageId: isS3Website(o.DomainName, template) ? 's3WebsiteHttp' : 'originHttp', data: { origin: label } });
        } else if (value === 'match-viewer') {
          const insecure = id === undefined ? undefined : behaviours.find((b) => b.allowAll.length > 0 && b.origins?.has(id));
          if (insecure) context.report({ path: policy.path, messageId: 'matchViewerHttp', data: { origin: label, behaviour: insecure.name } });
        }
      }
    }
  }

  // The legacy single-origin form (DistributionConfig.CustomOrigin) has no ids to match behaviours to.
  for (const legacy of alternatives(config.CustomOrigin, [...path, 'CustomOrigin'], template)) {
    if (!isPlainObject(legacy.value)) continue;
    for (const policy of alternatives(legacy.value.OriginProtocolPolicy, [...legacy.path, 'OriginProtocolPolicy'], template)) {
      if (typeof policy.value === 'string' && policy.value.toLowerCase() === 'http-only') {
        context.report({ path: policy.path, messageId: isS3Website(legacy.value.DNSName, template) ? 's3WebsiteHttp' : 'originHttp', data: { origin: 'CustomOrigin' } });
      }
    }
  }
}

/**
 * An origin or origin-group id as a comparison key: the literal, or the text of the intrinsic that
 * computes it (the same expression in `Id` and `TargetOriginId` yields the same value). Undefined when
 * absent.
 */
function idKey(id: unknown): string | undefined {
  if (typeof id === 'string') return id;
  return id instanceof Intrinsic ? `\u0000${JSON.stringify(id)}` : undefined;
}

/** Origin group id (key) → the origin id keys it fails over between. */
function originGroups(config: { [key: string]: unknown }, path: TemplatePath, template: Template): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const groups of alternatives(config.OriginGroups, [...path, 'OriginGroups'], template)) {
    if (!isPlainObject(groups.value)) continue;
    for (const group of listItems(groups.value.Items, [...groups.path, 'Items'], template)) {
      const groupKey = isPlainObject(group.value) ? idKey(group.value.Id) : undefined;
      if (groupKey === undefined) continue;
      const members = new Set<string>();
      const m = (group.value as { Members?: unknown }).Members;
      if (isPlainObject(m) && Array.isArray(m.Items)) {
        for (const item of m.Items) {
          const member = isPlainObject(item) ? idKey(item.OriginId) : undefined;
          if (member !== undefined) members.add(member);
        }
      }
      out.set(groupKey, members);
    }
  }
  return out;
}

/**
 * True when an origin's domain name is an S3 website endpoint: text that names `s3-website`
 * (`bucket.s3-website-us-east-1.amazonaws.com`, `bucket.s3-website.eu-west-1.amazonaws.com`, in a literal,
 * an `Fn::Sub` or `Fn::Join` part) or a bucket's `WebsiteURL` attribute.
 */
function isS3Website(domain: unknown, template: Template): boolean {
  let found = false;
  for (const alt of alternatives(domain, [], template)) {
    walkValue(alt.value, [], (v) => {
      if (typeof v === 'string' && /s3-website/i.test(v)) found = true;
      if (v instanceof Intrinsic && v.fn === 'Fn::GetAtt' && Array.isArray(v.args) && v.args[1] === 'WebsiteURL') found = true;
    });
  }
  return found;
}
