import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rule } from '../../rules/route53-weighted-traffic';
import { lintText } from '../../src/lint/engine';
import { ruleTester } from '../support/rule-tester';

/** RecordSets `A`, `B`… in zone example.com: 4 header lines each, then the property lines (A's from line 6). */
const records = (...props: string[][]) =>
  `Resources:\n${props.map((lines, i) => `  ${String.fromCharCode(65 + i)}:\n    Type: AWS::Route53::RecordSet\n    Properties:\n      HostedZoneName: example.com.\n${lines.map((l) => `      ${l}\n`).join('')}`).join('')}`;

/** A weighted CNAME: Name, Type, SetIdentifier, Weight, TTL, ResourceRecords. */
const weighted = (id: string, weight: string | number) => ['Name: app.example.com', 'Type: CNAME', `SetIdentifier: ${id}`, `Weight: ${weight}`, 'TTL: "60"', `ResourceRecords: [${id}.example.com]`];

/** A weighted alias A record: Name, Type, SetIdentifier, Weight, AliasTarget, then `target` lines indented below it. */
const alias = (id: string, weight: number, ...target: string[]) => ['Name: app.example.com', 'Type: A', `SetIdentifier: ${id}`, `Weight: ${weight}`, 'AliasTarget:', ...target.map((t) => `  ${t}`)];

const lb = (name: string) => [`DNSName: ${name}-123.us-east-1.elb.amazonaws.com`, 'HostedZoneId: Z35SXDOTRQ7X7K'];

ruleTester(rule, {
  valid: [
    { name: 'one record drained', code: records(weighted('blue', 0), weighted('green', 100)) },
    { name: 'a lone weighted record at 0 (its partner may live in another stack)', code: records(weighted('green', 0)) },
    { name: 'weights from parameters are not guessed', code: records(weighted('blue', '!Ref BlueWeight'), weighted('green', '!Ref GreenWeight')) },
    { name: 'one Fn::If branch above 0', code: records(weighted('blue', '!If [Cut, 0, 10]'), weighted('green', 0)) },
    { name: 'alias records evaluating target health', code: records(alias('blue', 1, ...lb('blue'), 'EvaluateTargetHealth: true'), alias('green', 1, ...lb('green'), 'EvaluateTargetHealth: "true"')) },
    { name: 'EvaluateTargetHealth from a parameter', code: records(alias('blue', 1, ...lb('blue'), 'EvaluateTargetHealth: !Ref Evaluate')) },
    { name: 'alias to CloudFront (which does not support it)', code: records(alias('blue', 1, 'DNSName: d111111abcdef8.cloudfront.net', 'HostedZoneId: Z2FDTNDATAQYW2')) },
    { name: 'simple alias without EvaluateTargetHealth', code: records(['Name: app.example.com', 'Type: A', 'AliasTarget:', ...lb('app').map((l) => `  ${l}`)]) },
    { name: 'all zero but in different names', code: records(weighted('blue', 0), ['Name: api.example.com', 'Type: CNAME', 'SetIdentifier: green', 'Weight: 0', 'TTL: "60"', 'ResourceRecords: [x.example.com]']) },
  ],
  invalid: [
    { name: 'every weight 0', code: records(weighted('blue', 0), weighted('green', '"0"')), errors: [{ messageId: 'allZero', line: 9, resource: 'A' }] },
    { name: 'every weight 0, in both Fn::If branches', code: records(weighted('blue', '!If [Cut, 0, 0]'), weighted('green', 0)), errors: [{ messageId: 'allZero', line: 9, resource: 'A' }] },
    { name: 'alias without EvaluateTargetHealth', code: records(alias('blue', 1, ...lb('blue'))), errors: [{ messageId: 'noHealth', line: 10, column: 7, resource: 'A' }] },
    {
      name: 'alias with EvaluateTargetHealth false, second record',
      code: records(alias('blue', 1, ...lb('blue'), 'EvaluateTargetHealth: true'), alias('green', 1, ...lb('green'), 'EvaluateTargetHealth: false')),
      errors: [{ messageId: 'noHealth', line: 25, resource: 'B' }],
    },
    {
      name: 'alias in a RecordSetGroup',
      code: 'Resources:\n  G:\n    Type: AWS::Route53::RecordSetGroup\n    Properties:\n      HostedZoneId: Z1\n      RecordSets:\n        - Name: app.example.com\n          Type: A\n          SetIdentifier: blue\n          Weight: 50\n          AliasTarget: {DNSName: blue-1.us-east-1.elb.amazonaws.com, HostedZoneId: Z35SXDOTRQ7X7K, EvaluateTargetHealth: "false"}\n',
      errors: [{ messageId: 'noHealth', line: 11, resource: 'G' }],
    },
  ],
});

/** Templates written apart from cfnkit's generators (test/fixtures/practices/route53-weighted-traffic), linted with every rule. */
describe('route53-weighted-traffic on templates written as a new user would', () => {
  const dir = join(__dirname, '..', 'fixtures', 'practices', 'route53-weighted-traffic');
  const lint = (file: string) => lintText(readFileSync(join(dir, file)), file);
  const bad: { [file: string]: Array<{ messageId: string; line: number; resource: string }> } = {
    'bad-all-weights-zero.yaml': [{ messageId: 'allZero', line: 22, resource: 'ReportsRecords' }],
    'bad-no-target-health.yaml': [{ messageId: 'noHealth', line: 33, resource: 'BlueRecord' }, { messageId: 'noHealth', line: 46, resource: 'GreenRecord' }],
  };
  it('lists every bad template', () => expect(readdirSync(dir).filter((f) => f.startsWith('bad-')).sort()).toEqual(Object.keys(bad).sort()));
  it.each(Object.entries(bad))('%s: each defect is flagged on the offending resource', (file, expected) => {
    expect(lint(file).filter((f) => f.ruleId === rule.meta.id).map(({ messageId, line, resource }) => ({ messageId, line, resource }))).toEqual(expected);
  });
  it.each(readdirSync(dir).filter((f) => f.startsWith('good-')))('%s draws no warning or error from any rule', (file) => {
    expect(lint(file).filter((f) => f.severity !== 'info').map((f) => `${f.line} ${f.ruleId} ${f.message}`)).toEqual([]);
  });
});
