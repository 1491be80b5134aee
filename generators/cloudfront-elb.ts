/**
 * `cloudfront-elb`: a CloudFront distribution in front of an existing Application Load Balancer, for
 * read-heavy web apps. Viewers are redirected to HTTPS, CloudFront talks to the ALB over TLS 1.2 only,
 * and the domain points at the distribution through Route 53 alias records (A and AAAA).
 *
 * CloudFront forwards the viewer's Host header (managed `AllViewer` origin request policy), so the
 * ALB's HTTPS listener needs a certificate for the domain: CloudFront checks the origin certificate
 * against the Host header it forwards. See
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-cloudfront-to-custom-origin.html
 */
import { TemplateBuilder, getAtt } from '../src/model/builder';
import { equals, fnIf, not, ref, sub } from '../src/model/intrinsics';
import type { Template } from '../src/model/template';
import {
  MANAGED_POLICY_IDS,
  ONE_YEAR_SECONDS,
  PRICE_CLASSES,
  PriceClass,
  distributionAliasRecords,
  originCachePolicy,
} from './builders/cloudfront';
import type { Pattern } from './pattern';
import { withDefaults } from './pattern';
import { checkChoice, checkName } from './validate';

/** Options of the `cloudfront-elb` pattern. */
export interface CloudfrontElbOptions {
  /** Names the distribution (comment) and the origin. Default `app`. */
  readonly appName: string;
  /** `PriceClass` of the distribution. Default `PriceClass_100`. */
  readonly priceClass: PriceClass;
}

/** The `cloudfront-elb` pattern. */
export const cloudfrontElbPattern: Pattern<CloudfrontElbOptions> = {
  name: 'cloudfront-elb',
  description: 'CloudFront distribution with HTTPS in front of an existing ALB, Route 53 alias records',
  options: {
    appName: { type: 'string', description: 'application name (distribution comment, origin id)', default: 'app' },
    priceClass: {
      type: 'string',
      description: 'edge locations to serve from (PriceClass_100: North America, Europe, Israel)',
      default: 'PriceClass_100',
      choices: [...PRICE_CLASSES],
    },
  },
  build: (o) => [{ name: 'cloudfront-elb', template: cloudfrontElb(o) }],
};

/** Builds the `cloudfront-elb` template. Throws `PatternOptionError` for invalid options. */
export function cloudfrontElb(options: Partial<CloudfrontElbOptions> = {}): Template {
  const o = withDefaults(cloudfrontElbPattern, options);
  const appName = checkName('appName', o.appName);
  const priceClass = checkChoice('priceClass', o.priceClass, PRICE_CLASSES);
  const b = new TemplateBuilder(`cfnkit cloudfront-elb: CloudFront distribution for ${appName} in front of an existing Application Load Balancer`);

  const domainName = b.parameter('DomainName', {
    Type: 'String',
    Description: 'Domain viewers use, e.g. www.example.com; an alias of the distribution, in HostedZoneId',
    AllowedPattern: '^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$',
    ConstraintDescription: 'must be a lower-case fully qualified domain name without a trailing dot',
  });
  const hostedZoneId = b.parameter('HostedZoneId', {
    Type: 'AWS::Route53::HostedZone::Id',
    Description: 'Route 53 public hosted zone that DomainName belongs to',
  });
  const certificateArn = b.parameter('CertificateArn', {
    Type: 'String',
    Description: 'ARN of an ACM certificate in us-east-1 (CloudFront only uses certificates from there) covering DomainName',
    AllowedPattern: '^arn:aws:acm:us-east-1:[0-9]{12}:certificate/[0-9a-f-]{36}$',
    ConstraintDescription: 'must be the ARN of an ACM certificate in us-east-1',
  });
  const originDomainName = b.parameter('LoadBalancerDnsName', {
    Type: 'String',
    Description:
      'DNS name of the existing Application Load Balancer; its HTTPS listener on port 443 needs a certificate covering DomainName',
    AllowedPattern: '^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$',
    ConstraintDescription: 'must be a DNS name such as my-alb-123456789.us-east-1.elb.amazonaws.com',
  });
  const defaultTtl = b.parameter('DefaultTtl', {
    Type: 'Number',
    Description:
      'Seconds to cache responses without Cache-Control or Expires. 0 caches only what the app marks cacheable, so pages for signed-in users are never shared',
    Default: 0,
    MinValue: 0,
    MaxValue: ONE_YEAR_SECONDS,
  });
  const logBucket = b.parameter('AccessLogBucket', {
    Type: 'String',
    Description: 'S3 bucket (name) for standard access logs, with ACLs enabled; empty for no access logs',
    Default: '',
    AllowedPattern: '^$|^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$',
    ConstraintDescription: 'must be empty or an S3 bucket name',
  });
  const hasLogs = b.condition('HasAccessLogBucket', not(equals(ref(logBucket), '')));

  const cachePolicy = originCachePolicy(b, 'CachePolicy', {
    name: sub('${AWS::StackName}-cache'),
    comment: `${appName}: cache only what the origin allows`,
    defaultTtl: ref(defaultTtl),
  });
  const originId = `${appName}-alb`;
  const distribution = b.resource('Distribution', 'AWS::CloudFront::Distribution', {
    DistributionConfig: {
      Comment: `${appName} behind CloudFront`,
      Enabled: true,
      Aliases: [ref(domainName)],
      HttpVersion: 'http2and3',
      IPV6Enabled: true,
      PriceClass: priceClass,
      Origins: [
        {
          Id: originId,
          DomainName: ref(originDomainName),
          CustomOriginConfig: {
            OriginProtocolPolicy: 'https-only',
            HTTPSPort: 443,
            OriginSSLProtocols: ['TLSv1.2'],
          },
        },
      ],
      DefaultCacheBehavior: {
        TargetOriginId: originId,
        ViewerProtocolPolicy: 'redirect-to-https',
        AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
        CachedMethods: ['GET', 'HEAD'],
        Compress: true,
        CachePolicyId: ref(cachePolicy),
        OriginRequestPolicyId: MANAGED_POLICY_IDS.allViewerOriginRequest,
        ResponseHeadersPolicyId: MANAGED_POLICY_IDS.securityHeadersResponse,
      },
      ViewerCertificate: {
        AcmCertificateArn: ref(certificateArn),
        SslSupportMethod: 'sni-only',
        MinimumProtocolVersion: 'TLSv1.2_2021',
      },
      Logging: fnIf(
        hasLogs,
        { Bucket: sub('${AccessLogBucket}.s3.${AWS::URLSuffix}'), Prefix: sub('${AWS::StackName}/'), IncludeCookies: false },
        ref('AWS::NoValue'),
      ),
    },
  });
  distributionAliasRecords(b, 'Domain', { hostedZoneId: ref(hostedZoneId), name: ref(domainName), distribution });

  b.output('DistributionId', ref(distribution), { description: 'Distribution id, for cache invalidations' });
  b.output('DistributionDomainName', getAtt(distribution, 'DomainName'), { description: 'CloudFront domain name of the distribution' });
  b.output('Url', sub('https://${DomainName}/'), { description: 'URL of the app' });

  b.setMetadata('AWS::CloudFormation::Interface', {
    ParameterGroups: [
      { Label: { default: 'Domain' }, Parameters: [domainName.logicalId, hostedZoneId.logicalId, certificateArn.logicalId] },
      { Label: { default: 'Origin and caching' }, Parameters: [originDomainName.logicalId, defaultTtl.logicalId] },
      { Label: { default: 'Logging' }, Parameters: [logBucket.logicalId] },
    ],
  });
  return b.build();
}
