/**
 * CloudFront building blocks: AWS managed policy ids, a cache policy that leaves caching decisions to
 * the origin's `Cache-Control`, and Route 53 alias records for a distribution.
 * See https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/working-with-policies.html
 */
import { ResourceHandle, TemplateBuilder, getAtt } from '../../src/model/builder';
import type { Value } from '../../src/model/intrinsics';

/** `PriceClass` values, cheapest (fewest edge locations) first. */
export const PRICE_CLASSES = ['PriceClass_100', 'PriceClass_200', 'PriceClass_All'] as const;

/** One of {@link PRICE_CLASSES}. */
export type PriceClass = (typeof PRICE_CLASSES)[number];

/**
 * The hosted zone id of every CloudFront distribution, the `AliasTarget.HostedZoneId` of alias
 * records that point at one. See
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-route53-recordset-aliastarget.html
 */
export const CLOUDFRONT_HOSTED_ZONE_ID = 'Z2FDTNDATAQYW2';

/**
 * Ids of AWS managed policies used by the patterns (fixed across accounts). See
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-origin-request-policies.html
 * and https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-response-headers-policies.html
 */
export const MANAGED_POLICY_IDS = {
  /** Origin request policy `AllViewer`: every viewer header (Host included), cookie and query string. */
  allViewerOriginRequest: '216adef6-5c7f-47e4-b989-5492eafa07d3',
  /** Response headers policy `SecurityHeadersPolicy`: HSTS, X-Content-Type-Options, X-Frame-Options and more. */
  securityHeadersResponse: '67f7725c-6f97-4210-82d7-5512b31e9d03',
} as const;

/** One year, the largest `MaxTTL` a cache policy needs. */
export const ONE_YEAR_SECONDS = 31_536_000;

/** Inputs of {@link originCachePolicy}. */
export interface OriginCachePolicyOptions {
  /** `Name`, unique in the account. */
  readonly name: Value<string>;
  readonly comment?: string;
  /** Seconds to cache responses that carry no `Cache-Control` / `Expires`. */
  readonly defaultTtl: Value<number>;
}

/**
 * Adds an `AWS::CloudFront::CachePolicy` for a dynamic origin: `MinTTL` 0 so `no-store`, `no-cache`
 * and `private` responses are never cached, `MaxTTL` one year for responses the origin marks
 * cacheable, all query strings in the cache key (they usually select content), no cookies or headers
 * (they would split the cache per user), gzip and Brotli variants cached separately.
 */
export function originCachePolicy(b: TemplateBuilder, logicalId: string, o: OriginCachePolicyOptions): ResourceHandle<'AWS::CloudFront::CachePolicy'> {
  return b.resource(logicalId, 'AWS::CloudFront::CachePolicy', {
    CachePolicyConfig: {
      Name: o.name,
      Comment: o.comment,
      MinTTL: 0,
      DefaultTTL: o.defaultTtl,
      MaxTTL: ONE_YEAR_SECONDS,
      ParametersInCacheKeyAndForwardedToOrigin: {
        EnableAcceptEncodingGzip: true,
        EnableAcceptEncodingBrotli: true,
        QueryStringsConfig: { QueryStringBehavior: 'all' },
        CookiesConfig: { CookieBehavior: 'none' },
        HeadersConfig: { HeaderBehavior: 'none' },
      },
    },
  });
}

/**
 * Adds `<prefix>AliasRecord` (A) and `<prefix>AliasIpv6Record` (AAAA), Route 53 aliases of `name` to
 * the distribution; the AAAA record only answers when the distribution has `IPV6Enabled`.
 */
export function distributionAliasRecords(
  b: TemplateBuilder,
  prefix: string,
  o: { readonly hostedZoneId: Value<string>; readonly name: Value<string>; readonly distribution: ResourceHandle<'AWS::CloudFront::Distribution'> },
): Array<ResourceHandle<'AWS::Route53::RecordSet'>> {
  return (
    [
      ['AliasRecord', 'A'],
      ['AliasIpv6Record', 'AAAA'],
    ] as const
  ).map(([suffix, type]) =>
    b.resource(`${prefix}${suffix}`, 'AWS::Route53::RecordSet', {
      HostedZoneId: o.hostedZoneId,
      Name: o.name,
      Type: type,
      AliasTarget: {
        DNSName: getAtt(o.distribution, 'DomainName'),
        HostedZoneId: CLOUDFRONT_HOSTED_ZONE_ID,
        EvaluateTargetHealth: false,
      },
    }),
  );
}
