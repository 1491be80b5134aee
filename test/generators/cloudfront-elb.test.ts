import { CloudfrontElbOptions, cloudfrontElb, cloudfrontElbPattern } from '../../generators/cloudfront-elb';
import { emit } from '../../src/emit';
import { Intrinsic } from '../../src/model/intrinsics';
import type { Template } from '../../src/model/template';
import { expectRoundTrip, lintGenerated, optionError } from '../support/generated';

/** Loose view of resource properties for structural assertions. */
type Props = { [key: string]: any };

const REF = (id: string) => new Intrinsic('Ref', id);
const GET_ATT = (id: string, attribute: string) => new Intrinsic('Fn::GetAtt', [id, attribute]);

const variants: ReadonlyArray<[string, Partial<CloudfrontElbOptions>, { priceClass: string }]> = [
  ['defaults', {}, { priceClass: 'PriceClass_100' }],
  ['PriceClass_200', { priceClass: 'PriceClass_200' }, { priceClass: 'PriceClass_200' }],
  ['PriceClass_All, app Shop', { priceClass: 'PriceClass_All', appName: 'Shop' }, { priceClass: 'PriceClass_All' }],
];

function config(t: Template): Props {
  return (t.Resources.Distribution.Properties as Props).DistributionConfig;
}


describe('cloudfront-elb', () => {
  it('is clean under cfn-lint, YAML and JSON, for every variant', () => {
    const files = variants.flatMap(([, options], i) => cloudfrontElbPattern.build(options).map((f) => ({ ...f, name: `${f.name}-${i}` })));
    expect(lintGenerated(files)).toEqual([]);
  });

  describe.each(variants)('%s', (_, options, expected) => {
    const files = cloudfrontElbPattern.build(options);
    const t = files[0].template;

    it('builds one stack, cloudfront-elb', () => {
      expect(files.map((f) => f.name)).toEqual(['cloudfront-elb']);
    });

    it('round-trips and emits identically on every build', () => {
      expectRoundTrip(t);
      for (const format of ['yaml', 'json'] as const) expect(emit(cloudfrontElb(options), format)).toBe(emit(t, format));
    });

    it('reaches the ALB over HTTPS only, TLSv1.2', () => {
      const origins = config(t).Origins;
      expect(origins).toHaveLength(1);
      expect(origins[0].DomainName).toEqual(REF('LoadBalancerDnsName'));
      expect(origins[0].CustomOriginConfig).toEqual({ OriginProtocolPolicy: 'https-only', HTTPSPort: 443, OriginSSLProtocols: ['TLSv1.2'] });
      expect(config(t).DefaultCacheBehavior.TargetOriginId).toBe(origins[0].Id);
    });

    it('redirects viewers to HTTPS and serves the domain with the ACM certificate (SNI, TLSv1.2_2021)', () => {
      const c = config(t);
      expect(c.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
      expect(c.Aliases).toEqual([REF('DomainName')]);
      expect(c.ViewerCertificate).toEqual({ AcmCertificateArn: REF('CertificateArn'), SslSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1.2_2021' });
      expect(t.Parameters?.CertificateArn.AllowedPattern).toContain(':us-east-1:');
    });

    it('enables HTTP/2, IPv6 and compression, with the chosen price class', () => {
      const c = config(t);
      expect(c.HttpVersion).toMatch(/^http2/);
      expect(c.IPV6Enabled).toBe(true);
      expect(c.PriceClass).toBe(expected.priceClass);
      expect(c.DefaultCacheBehavior.Compress).toBe(true);
    });

    it('caches by its own cache policy and forwards the viewer request to the origin', () => {
      const behavior = config(t).DefaultCacheBehavior;
      expect(behavior.CachePolicyId).toEqual(REF('CachePolicy'));
      expect(behavior.OriginRequestPolicyId).toBe('216adef6-5c7f-47e4-b989-5492eafa07d3');
      const policy = (t.Resources.CachePolicy.Properties as Props).CachePolicyConfig;
      expect(policy).toMatchObject({ MinTTL: 0, DefaultTTL: REF('DefaultTtl'), MaxTTL: 31536000 });
      expect(policy.ParametersInCacheKeyAndForwardedToOrigin).toMatchObject({ EnableAcceptEncodingGzip: true, EnableAcceptEncodingBrotli: true });
    });

    it('writes access logs only when AccessLogBucket is set', () => {
      expect(t.Parameters?.AccessLogBucket.Default).toBe('');
      const logging = config(t).Logging as Intrinsic<'Fn::If'>;
      expect(logging.fn).toBe('Fn::If');
      expect(logging.args[0]).toBe('HasAccessLogBucket');
      expect(logging.args[2]).toEqual(REF('AWS::NoValue'));
    });

    it('aliases the domain to the distribution with A and AAAA records in HostedZoneId', () => {
      expect(t.Parameters?.HostedZoneId.Type).toBe('AWS::Route53::HostedZone::Id');
      const records = Object.values(t.Resources).filter((r) => r.Type === 'AWS::Route53::RecordSet');
      expect(records.map((r) => (r.Properties as Props).Type).sort()).toEqual(['A', 'AAAA']);
      for (const r of records) {
        expect(r.Properties).toEqual({
          HostedZoneId: REF('HostedZoneId'),
          Name: REF('DomainName'),
          Type: expect.any(String),
          AliasTarget: { DNSName: GET_ATT('Distribution', 'DomainName'), HostedZoneId: 'Z2FDTNDATAQYW2', EvaluateTargetHealth: false },
        });
      }
    });

    it('describes every parameter', () => {
      for (const [id, p] of Object.entries(t.Parameters ?? {})) expect([id, p.Description]).toEqual([id, expect.any(String)]);
    });
  });

  it.each<[Partial<CloudfrontElbOptions>, string]>([
    [{ priceClass: 'PriceClass_300' as never }, '--price-class'],
    [{ appName: 'my-app' }, '--app-name'],
    [{ appName: '' }, '--app-name'],
  ])('rejects %j naming %s', (options, option) => {
    const e = optionError(() => cloudfrontElb(options));
    expect(e.code).toBe('invalid-option');
    expect(e.option).toBe(option);
  });
});
