import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rule } from '../../rules/route53-long-ttl';
import { lintText } from '../../src/lint/engine';
import { ruleTester } from '../support/rule-tester';

/** A RecordSet `R` in zone example.com whose other properties are `lines` (from line 6). */
const record = (...lines: string[]) => `Resources:\n  R:\n    Type: AWS::Route53::RecordSet\n    Properties:\n      HostedZoneName: example.com.\n${lines.map((l) => `      ${l}\n`).join('')}`;

/** An ALB `Lb` and a CloudFront distribution `Cdn` after the record (for GetAtt targets). */
const targets = '  Lb:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n      Subnets: [s1, s2]\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig: {Enabled: true}\n';

ruleTester(rule, {
  valid: [
    { name: 'weighted record with TTL 60 (string)', code: record('Name: app.example.com', 'Type: CNAME', 'SetIdentifier: blue', 'Weight: 10', 'TTL: "60"', 'ResourceRecords: [blue.example.com]') },
    { name: 'failover record with TTL 30 (number)', code: record('Name: app.example.com', 'Type: A', 'SetIdentifier: primary', 'Failover: PRIMARY', 'TTL: 30', 'ResourceRecords: [192.0.2.1]') },
    { name: 'TTL from a parameter is not guessed', code: `Parameters:\n  Ttl:\n    Type: Number\n    Default: 3600\n${record('Name: app.example.com', 'Type: CNAME', 'SetIdentifier: blue', 'Weight: 10', 'TTL: !Ref Ttl', 'ResourceRecords: [blue.example.com]')}` },
    { name: 'both Fn::If branches short', code: record('Name: app.example.com', 'Type: CNAME', 'SetIdentifier: blue', 'Weight: 10', 'TTL: !If [Prod, "60", "30"]', 'ResourceRecords: [blue.example.com]') },
    { name: 'simple record at a load balancer with TTL 300', code: record('Name: app.example.com', 'Type: CNAME', 'TTL: "300"', 'ResourceRecords: [my-alb-123.us-east-1.elb.amazonaws.com]') },
    { name: 'simple record elsewhere with a day-long TTL', code: record('Name: mail.example.com', 'Type: MX', 'TTL: "86400"', 'ResourceRecords: ["10 mx.example.net"]') },
    { name: 'simple record at an S3 website with a long TTL', code: record('Name: www.example.com', 'Type: CNAME', 'TTL: "3600"', 'ResourceRecords: [www.example.com.s3-website-us-east-1.amazonaws.com]') },
    { name: 'simple record at an imported name (not guessed)', code: record('Name: app.example.com', 'Type: CNAME', 'TTL: "3600"', 'ResourceRecords: [!ImportValue web-LoadBalancerDns]') },
    { name: 'weighted alias record (no TTL)', code: record('Name: app.example.com', 'Type: A', 'SetIdentifier: blue', 'Weight: 10', 'AliasTarget: {DNSName: !GetAtt Lb.DNSName, HostedZoneId: !GetAtt Lb.CanonicalHostedZoneID, EvaluateTargetHealth: true}') + targets },
    { name: 'alias record with TTL is route53-alias-ttl\'s', code: record('Name: app.example.com', 'Type: A', 'SetIdentifier: blue', 'Weight: 10', 'TTL: "3600"', 'AliasTarget: {DNSName: !GetAtt Lb.DNSName, HostedZoneId: !GetAtt Lb.CanonicalHostedZoneID}') + targets },
    { name: 'higher limit by option', options: { maxRoutedTtl: 120 }, code: record('Name: app.example.com', 'Type: CNAME', 'SetIdentifier: blue', 'Weight: 10', 'TTL: "120"', 'ResourceRecords: [blue.example.com]') },
    { name: 'a non-routed record need not be short', code: record('Name: app.example.com', 'Type: TXT', 'TTL: "3600"', 'ResourceRecords: ["\\"v=spf1 -all\\""]') },
  ],
  invalid: [
    {
      name: 'weighted record with TTL "300"',
      code: record('Name: app.example.com', 'Type: CNAME', 'SetIdentifier: blue', 'Weight: 10', 'TTL: "300"', 'ResourceRecords: [blue.example.com]'),
      errors: [{ messageId: 'routed', line: 10, resource: 'R' }],
    },
    {
      name: 'latency record with numeric TTL 120',
      code: record('Name: api.example.com', 'Type: A', 'SetIdentifier: eu', 'Region: eu-west-1', 'TTL: 120', 'ResourceRecords: [192.0.2.1]'),
      errors: [{ messageId: 'routed', line: 10, resource: 'R' }],
    },
    {
      name: 'routed by Weight alone (SetIdentifier missing)',
      code: record('Name: app.example.com', 'Type: CNAME', 'Weight: 10', 'TTL: "900"', 'ResourceRecords: [blue.example.com]'),
      errors: [{ messageId: 'routed', line: 9, resource: 'R' }],
    },
    {
      name: 'one Fn::If branch long',
      code: record('Name: app.example.com', 'Type: CNAME', 'SetIdentifier: blue', 'Weight: 10', 'TTL: !If', '  - Prod', '  - "3600"', '  - "60"', 'ResourceRecords: [blue.example.com]'),
      errors: [{ messageId: 'routed', line: 12, resource: 'R' }],
    },
    {
      name: 'weighted record inside a RecordSetGroup',
      code: 'Resources:\n  Group:\n    Type: AWS::Route53::RecordSetGroup\n    Properties:\n      HostedZoneName: example.com.\n      RecordSets:\n        - Name: app.example.com\n          Type: CNAME\n          SetIdentifier: blue\n          Weight: 1\n          TTL: "600"\n          ResourceRecords: [blue.example.com]\n',
      errors: [{ messageId: 'routed', line: 11, resource: 'Group' }],
    },
    {
      name: 'lower limit by option',
      options: { maxRoutedTtl: 30 },
      code: record('Name: app.example.com', 'Type: CNAME', 'SetIdentifier: blue', 'Weight: 10', 'TTL: "60"', 'ResourceRecords: [blue.example.com]'),
      errors: [{ messageId: 'routed', line: 10, resource: 'R' }],
    },
    {
      name: 'simple record at a literal load balancer name',
      code: record('Name: app.example.com', 'Type: CNAME', 'TTL: "3600"', 'ResourceRecords: [my-alb-123.eu-west-1.elb.amazonaws.com.]'),
      errors: [{ messageId: 'target', line: 8, resource: 'R' }],
    },
    {
      name: 'simple record at a network load balancer name',
      code: record('Name: app.example.com', 'Type: CNAME', 'TTL: 86400', 'ResourceRecords: [my-nlb-0123456789abcdef.elb.us-east-1.amazonaws.com]'),
      errors: [{ messageId: 'target', line: 8, resource: 'R' }],
    },
    {
      name: 'simple record at GetAtt DNSName of a load balancer',
      code: record('Name: app.example.com', 'Type: CNAME', 'TTL: "900"', 'ResourceRecords: [!GetAtt Lb.DNSName]') + targets,
      errors: [{ messageId: 'target', line: 8, resource: 'R' }],
    },
    {
      name: 'simple record at a CloudFront distribution, joined with a final dot',
      code: record('Name: www.example.com', 'Type: CNAME', 'TTL: "3600"', 'ResourceRecords:', '  - !Join ["", [!GetAtt Cdn.DomainName, "."]]') + targets,
      errors: [{ messageId: 'target', line: 8, resource: 'R' }],
    },
    {
      name: 'simple record at a literal cloudfront.net name',
      code: record('Name: www.example.com', 'Type: CNAME', 'TTL: "600"', 'ResourceRecords: [d111111abcdef8.cloudfront.net]'),
      errors: [{ messageId: 'target', line: 8, resource: 'R' }],
    },
    {
      name: 'lower target limit by option',
      options: { maxTargetTtl: 60 },
      code: record('Name: app.example.com', 'Type: CNAME', 'TTL: "300"', 'ResourceRecords: [my-alb-123.us-east-1.elb.amazonaws.com]'),
      errors: [{ messageId: 'target', line: 8, resource: 'R' }],
    },
  ],
});

/** Templates written apart from cfnkit's generators (test/fixtures/practices/route53-long-ttl), linted with every rule. */
describe('route53-long-ttl on templates written as a new user would', () => {
  const dir = join(__dirname, '..', 'fixtures', 'practices', 'route53-long-ttl');
  const lint = (file: string) => lintText(readFileSync(join(dir, file)), file);
  const bad: { [file: string]: Array<{ messageId: string; line: number; resource: string }> } = {
    'bad-cname-to-load-balancer.yaml': [{ messageId: 'target', line: 56, resource: 'ApiDnsRecord' }],
    'bad-weighted-cname-release.yaml': [{ messageId: 'routed', line: 31, resource: 'CurrentReleaseRecord' }, { messageId: 'routed', line: 42, resource: 'NewReleaseRecord' }],
  };
  it('lists every bad template', () => expect(readdirSync(dir).filter((f) => f.startsWith('bad-')).sort()).toEqual(Object.keys(bad).sort()));
  it.each(Object.entries(bad))('%s: each defect is flagged on the offending resource', (file, expected) => {
    expect(lint(file).filter((f) => f.ruleId === rule.meta.id).map(({ messageId, line, resource }) => ({ messageId, line, resource }))).toEqual(expected);
  });
  it.each(readdirSync(dir).filter((f) => f.startsWith('good-')))('%s draws no warning or error from any rule', (file) => {
    expect(lint(file).filter((f) => f.severity !== 'info').map((f) => `${f.line} ${f.ruleId} ${f.message}`)).toEqual([]);
  });
});
