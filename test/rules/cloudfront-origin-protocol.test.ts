import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rule } from '../../rules/cloudfront-origin-protocol';
import { lintText } from '../../src/lint/engine';
import { ruleTester } from '../support/rule-tester';

/** A distribution `Cdn` whose DistributionConfig holds `lines` (from line 6, indented 8). */
const cdn = (...lines: string[]) =>
  `Resources:\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: true\n${lines.map((l) => `        ${l}\n`).join('')}`;

const albOrigin = (policy: string) => ['Origins:', '  - Id: alb', '    DomainName: app-123.eu-west-1.elb.amazonaws.com', '    CustomOriginConfig:', `      OriginProtocolPolicy: ${policy}`];
const defaultBehaviour = (viewer: string, target = 'alb') => ['DefaultCacheBehavior:', `  TargetOriginId: ${target}`, `  ViewerProtocolPolicy: ${viewer}`];

ruleTester(rule, {
  valid: [
    { name: 'https-only origin, viewers redirected', code: cdn(...albOrigin('https-only'), ...defaultBehaviour('redirect-to-https')) },
    { name: 'match-viewer origin, viewers must use HTTPS', code: cdn(...albOrigin('match-viewer'), ...defaultBehaviour('https-only')) },
    { name: 'S3 REST origin (no CustomOriginConfig)', code: cdn('Origins:', '  - {Id: s3, DomainName: b.s3.amazonaws.com, S3OriginConfig: {}}', ...defaultBehaviour('redirect-to-https', 's3')) },
    { name: 'policy behind a parameter is not guessed', code: cdn(...albOrigin('!Ref OriginPolicy'), ...defaultBehaviour('!Ref ViewerPolicy')) },
    {
      name: 'match-viewer origin; the allow-all behaviour targets another origin (reported only on the behaviour)',
      code: cdn(
        'Origins:',
        '  - {Id: alb, DomainName: a.example.com, CustomOriginConfig: {OriginProtocolPolicy: match-viewer}}',
        '  - {Id: s3, DomainName: b.s3.amazonaws.com, S3OriginConfig: {}}',
        ...defaultBehaviour('redirect-to-https'),
      ),
    },
    { name: 'config behind an intrinsic', code: 'Resources:\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig: !Ref Config\n' },
    { name: 'Fn::If whose branches are both HTTPS', code: cdn(...albOrigin('!If [C, https-only, match-viewer]'), ...defaultBehaviour('!If [C, https-only, redirect-to-https]')) },
  ],
  invalid: [
    { name: 'http-only custom origin', code: cdn(...albOrigin('http-only'), ...defaultBehaviour('redirect-to-https')), errors: [{ messageId: 'originHttp', line: 11, resource: 'Cdn' }] },
    { name: 'allow-all on the default behaviour', code: cdn(...albOrigin('https-only'), ...defaultBehaviour('allow-all')), errors: [{ messageId: 'viewerHttp', line: 14, resource: 'Cdn' }] },
    {
      name: 'match-viewer origin behind an allow-all behaviour',
      code: cdn(...albOrigin('match-viewer'), ...defaultBehaviour('allow-all')),
      errors: [
        { messageId: 'matchViewerHttp', line: 11, resource: 'Cdn' },
        { messageId: 'viewerHttp', line: 14, resource: 'Cdn' },
      ],
    },
    {
      name: 'match-viewer origin reached through a path behaviour and an origin group',
      code: cdn(
        'Origins:',
        '  - {Id: primary, DomainName: a.example.com, CustomOriginConfig: {OriginProtocolPolicy: match-viewer}}',
        '  - {Id: backup, DomainName: b.example.com, CustomOriginConfig: {OriginProtocolPolicy: https-only}}',
        'OriginGroups:',
        '  Quantity: 1',
        '  Items:',
        '    - Id: failover',
        '      FailoverCriteria: {StatusCodes: {Quantity: 1, Items: [503]}}',
        '      Members: {Quantity: 2, Items: [{OriginId: primary}, {OriginId: backup}]}',
        'DefaultCacheBehavior: {TargetOriginId: backup, ViewerProtocolPolicy: https-only}',
        'CacheBehaviors:',
        '  - PathPattern: /legacy/*',
        '    TargetOriginId: failover',
        '    ViewerProtocolPolicy: allow-all',
      ),
      errors: [
        { messageId: 'matchViewerHttp', line: 8, resource: 'Cdn' },
        { messageId: 'viewerHttp', line: 20, resource: 'Cdn' },
      ],
    },
    {
      name: 'a single origin: a behaviour whose target is an intrinsic still targets it',
      code: cdn(...albOrigin('match-viewer'), ...defaultBehaviour('allow-all', '!Ref OriginId')),
      errors: [
        { messageId: 'matchViewerHttp', line: 11, resource: 'Cdn' },
        { messageId: 'viewerHttp', line: 14, resource: 'Cdn' },
      ],
    },
    {
      name: 'origin and behaviour name the origin with the same Fn::Sub',
      code: cdn(
        'Origins:',
        '  - {Id: !Sub "app-${AWS::StackName}", DomainName: a.example.com, CustomOriginConfig: {OriginProtocolPolicy: match-viewer}}',
        '  - {Id: s3, DomainName: b.s3.amazonaws.com, S3OriginConfig: {}}',
        'DefaultCacheBehavior: {TargetOriginId: !Sub "app-${AWS::StackName}", ViewerProtocolPolicy: allow-all}',
      ),
      errors: [
        { messageId: 'matchViewerHttp', line: 8, resource: 'Cdn' },
        { messageId: 'viewerHttp', line: 10, resource: 'Cdn' },
      ],
    },
    {
      name: 'S3 website endpoint (literal)',
      code: cdn('Origins:', '  - Id: site', '    DomainName: example-bucket.s3-website-us-east-1.amazonaws.com', '    CustomOriginConfig:', '      OriginProtocolPolicy: http-only', ...defaultBehaviour('redirect-to-https', 'site')),
      errors: [{ messageId: 's3WebsiteHttp', line: 11, resource: 'Cdn' }],
    },
    {
      name: 'S3 website endpoint from the bucket WebsiteURL',
      code: cdn('Origins:', '  - Id: site', '    DomainName: !Select [2, !Split ["/", !GetAtt Site.WebsiteURL]]', '    CustomOriginConfig:', '      OriginProtocolPolicy: http-only', ...defaultBehaviour('redirect-to-https', 'site')),
      errors: [{ messageId: 's3WebsiteHttp', line: 11, resource: 'Cdn' }],
    },
    { name: 'one Fn::If branch is allow-all', code: cdn(...albOrigin('https-only'), ...defaultBehaviour('!If [Dev, allow-all, https-only]')), errors: [{ messageId: 'viewerHttp', line: 14, resource: 'Cdn' }] },
    {
      name: 'legacy CustomOrigin',
      code: cdn('CustomOrigin: {DNSName: a.example.com, OriginProtocolPolicy: http-only}', 'DefaultCacheBehavior: {TargetOriginId: a, ViewerProtocolPolicy: https-only}'),
      errors: [{ messageId: 'originHttp', line: 7, resource: 'Cdn' }],
    },
    {
      name: 'JSON template',
      code: '{"Resources": {"Cdn": {"Type": "AWS::CloudFront::Distribution", "Properties": {"DistributionConfig": {\n "Origins": [{"Id": "o", "DomainName": "a.example.com", "CustomOriginConfig": {"OriginProtocolPolicy": "https-only"}}],\n "DefaultCacheBehavior": {"TargetOriginId": "o",\n  "ViewerProtocolPolicy": "allow-all"}}}}}}',
      errors: [{ messageId: 'viewerHttp', line: 4, resource: 'Cdn' }],
    },
  ],
});

/** Templates written apart from cfnkit's generators (test/fixtures/practices/cloudfront-origin-protocol), linted with every rule. */
describe('cloudfront-origin-protocol on templates written as a new user would', () => {
  const dir = join(__dirname, '..', 'fixtures', 'practices', 'cloudfront-origin-protocol');
  const lint = (file: string) => lintText(readFileSync(join(dir, file)), file);
  const bad: { [file: string]: Array<{ messageId: string; line: number; resource: string }> } = {
    'bad-alb-origin-over-http.yaml': [
      { messageId: 'originHttp', line: 22, resource: 'AppDistribution' },
      { messageId: 'viewerHttp', line: 25, resource: 'AppDistribution' },
    ],
    'bad-match-viewer-legacy-path.yaml': [
      { messageId: 'matchViewerHttp', line: 28, resource: 'ApiDistribution' },
      { messageId: 'viewerHttp', line: 38, resource: 'ApiDistribution' },
    ],
    'bad-s3-website-origin.yaml': [{ messageId: 's3WebsiteHttp', line: 24, resource: 'WebsiteDistribution' }],
  };
  it('lists every bad template', () => expect(readdirSync(dir).filter((f) => f.startsWith('bad-')).sort()).toEqual(Object.keys(bad).sort()));
  it.each(Object.entries(bad))('%s: each defect is flagged on the offending resource', (file, expected) => {
    expect(lint(file).filter((f) => f.ruleId === rule.meta.id).map(({ messageId, line, resource }) => ({ messageId, line, resource }))).toEqual(expected);
  });
  it.each(readdirSync(dir).filter((f) => f.startsWith('good-')))('%s draws no warning or error from any rule', (file) => {
    expect(lint(file).filter((f) => f.severity !== 'info').map((f) => `${f.line} ${f.ruleId} ${f.message}`)).toEqual([]);
  });
});
