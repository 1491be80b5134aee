import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rule } from '../../rules/route53-alias-ttl';
import { lintText } from '../../src/lint/engine';
import { ruleTester } from '../support/rule-tester';

/** A RecordSet `R` in zone example.com whose other properties are `lines` (from line 6). */
const record = (...lines: string[]) => `Resources:\n  R:\n    Type: AWS::Route53::RecordSet\n    Properties:\n      HostedZoneName: example.com.\n${lines.map((l) => `      ${l}\n`).join('')}`;

const alias = 'AliasTarget: {DNSName: d111111abcdef8.cloudfront.net, HostedZoneId: Z2FDTNDATAQYW2}';

ruleTester(rule, {
  valid: [
    { name: 'alias without TTL', code: record('Name: www.example.com', 'Type: A', alias) },
    { name: 'non-alias with TTL', code: record('Name: www.example.com', 'Type: CNAME', 'TTL: "300"', 'ResourceRecords: [d111111abcdef8.cloudfront.net]') },
    { name: 'TTL is Ref AWS::NoValue', code: record('Name: www.example.com', 'Type: A', alias, 'TTL: !Ref AWS::NoValue') },
    {
      name: 'alias and TTL on opposite Fn::If branches',
      code: record('Name: www.example.com', 'Type: A', 'AliasTarget: !If [UseCdn, {DNSName: d1.cloudfront.net, HostedZoneId: Z2FDTNDATAQYW2}, !Ref AWS::NoValue]', 'TTL: !If [UseCdn, !Ref AWS::NoValue, "300"]', 'ResourceRecords: !If [UseCdn, !Ref AWS::NoValue, [192.0.2.1]]'),
    },
    {
      name: 'alias record in a RecordSetGroup without TTL',
      code: 'Resources:\n  G:\n    Type: AWS::Route53::RecordSetGroup\n    Properties:\n      HostedZoneId: Z123\n      RecordSets:\n        - Name: www.example.com\n          Type: A\n          ' + alias + '\n',
    },
  ],
  invalid: [
    { name: 'alias with TTL', code: record('Name: www.example.com', 'Type: A', 'TTL: "60"', alias), errors: [{ messageId: 'aliasTtl', line: 8, column: 7, resource: 'R' }] },
    { name: 'alias with numeric TTL after AliasTarget', code: record('Name: www.example.com', 'Type: AAAA', alias, 'TTL: 300'), errors: [{ messageId: 'aliasTtl', line: 9, resource: 'R' }] },
    { name: 'TTL in one Fn::If branch of an alias', code: record('Name: www.example.com', 'Type: A', alias, 'TTL: !If [Long, "3600", !Ref AWS::NoValue]'), errors: [{ messageId: 'aliasTtl', line: 9, resource: 'R' }] },
    {
      name: 'second record of a RecordSetGroup',
      code: 'Resources:\n  G:\n    Type: AWS::Route53::RecordSetGroup\n    Properties:\n      HostedZoneId: Z123\n      RecordSets:\n        - Name: www.example.com\n          Type: A\n          ' + alias + '\n        - Name: www.example.com\n          Type: AAAA\n          ' + alias + '\n          TTL: "60"\n',
      errors: [{ messageId: 'aliasTtl', line: 13, resource: 'G' }],
    },
  ],
});

/** Templates written apart from cfnkit's generators (test/fixtures/practices/route53-alias-ttl), linted with every rule. */
describe('route53-alias-ttl on templates written as a new user would', () => {
  const dir = join(__dirname, '..', 'fixtures', 'practices', 'route53-alias-ttl');
  const lint = (file: string) => lintText(readFileSync(join(dir, file)), file);
  const bad: { [file: string]: Array<{ messageId: string; line: number; resource: string }> } = {
    'bad-alb-alias-ttl.yaml': [{ messageId: 'aliasTtl', line: 16, resource: 'InternalApiRecord' }],
    'bad-static-site-alias-ttl.yaml': [{ messageId: 'aliasTtl', line: 90, resource: 'SiteRecords' }],
  };
  it('lists every bad template', () => expect(readdirSync(dir).filter((f) => f.startsWith('bad-')).sort()).toEqual(Object.keys(bad).sort()));
  it.each(Object.entries(bad))('%s: each defect is flagged on the offending resource', (file, expected) => {
    expect(lint(file).filter((f) => f.ruleId === rule.meta.id).map(({ messageId, line, resource }) => ({ messageId, line, resource }))).toEqual(expected);
  });
  it.each(readdirSync(dir).filter((f) => f.startsWith('good-')))('%s draws no warning or error from any rule', (file) => {
    expect(lint(file).filter((f) => f.severity !== 'info').map((f) => `${f.line} ${f.ruleId} ${f.message}`)).toEqual([]);
  });
});
