import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rule } from '../../rules/route53-weighted-records';
import { lintText } from '../../src/lint/engine';
import { ruleTester } from '../support/rule-tester';

/**
 * RecordSets `A`, `B`… (one per argument, in order): 4 header lines (id, Type, Properties,
 * HostedZoneName), then the property lines; A's first property is on line 6.
 */
const records = (...props: string[][]) =>
  `Resources:\n${props.map((lines, i) => `  ${String.fromCharCode(65 + i)}:\n    Type: AWS::Route53::RecordSet\n    Properties:\n      HostedZoneName: example.com.\n${lines.map((l) => `      ${l}\n`).join('')}`).join('')}`;

/** A weighted CNAME with `id` and `weight`: Name, Type, SetIdentifier, Weight, TTL, ResourceRecords (6 lines). */
const weighted = (id: string, weight: string | number, name = 'app.example.com') => [`Name: ${name}`, 'Type: CNAME', `SetIdentifier: ${id}`, `Weight: ${weight}`, 'TTL: "60"', `ResourceRecords: [${id}.example.com]`];

ruleTester(rule, {
  valid: [
    { name: 'blue and green', code: records(weighted('blue', 90), weighted('green', 10)) },
    { name: 'weights 0 and 255', code: records(weighted('blue', 0), weighted('green', '"255"')) },
    { name: 'same SetIdentifier for different names', code: records(weighted('blue', 1, 'app.example.com'), weighted('blue', 1, 'api.example.com')) },
    { name: 'weight from a parameter', code: `Parameters:\n  W:\n    Type: Number\n${records(weighted('blue', '!Ref W'), weighted('green', '!Ref W'))}` },
    { name: 'Fn::If weights in range', code: records(weighted('blue', '!If [Cut, 0, 100]'), weighted('green', '!If [Cut, 100, 0]')) },
    { name: 'simple record of another type beside weighted ones', code: records(weighted('blue', 1), weighted('green', 1), ['Name: app.example.com', 'Type: TXT', 'TTL: "300"', 'ResourceRecords: ["\\"hello\\""]']) },
    {
      name: 'same record in different hosted zones (split horizon)',
      code: `Resources:\n  Public:\n    Type: AWS::Route53::RecordSet\n    Properties:\n      HostedZoneId: Z111\n      Name: app.example.com\n      Type: A\n      TTL: "60"\n      ResourceRecords: [192.0.2.1]\n  Private:\n    Type: AWS::Route53::RecordSet\n    Properties:\n      HostedZoneId: Z222\n      Name: app.example.com\n      Type: A\n      SetIdentifier: a\n      Weight: 1\n      TTL: "60"\n      ResourceRecords: [10.0.0.1]\n`,
    },
    {
      name: 'duplicates under different Conditions',
      code: `Resources:\n  ProdRecord:\n    Type: AWS::Route53::RecordSet\n    Condition: IsProd\n    Properties:\n      HostedZoneName: example.com.\n      Name: app.example.com\n      Type: CNAME\n      SetIdentifier: blue\n      Weight: 1\n      TTL: "60"\n      ResourceRecords: [prod.example.com]\n  DevRecord:\n    Type: AWS::Route53::RecordSet\n    Condition: IsDev\n    Properties:\n      HostedZoneName: example.com.\n      Name: app.example.com\n      Type: CNAME\n      SetIdentifier: blue\n      Weight: 1\n      TTL: "60"\n      ResourceRecords: [dev.example.com]\n`,
    },
    { name: 'names from different parameters are not compared', code: records(weighted('blue', 1, '!Ref NameA'), ['Name: !Ref NameB', 'Type: CNAME', 'TTL: "60"', 'ResourceRecords: [x.example.com]']) },
    { name: 'SetIdentifier behind Fn::If with a NoValue branch', code: records(['Name: app.example.com', 'Type: CNAME', 'SetIdentifier: !If [Weighted, blue, !Ref AWS::NoValue]', 'Weight: !If [Weighted, 1, !Ref AWS::NoValue]', 'TTL: "60"', 'ResourceRecords: [x.example.com]']) },
  ],
  invalid: [
    { name: 'Weight without SetIdentifier', code: records(['Name: app.example.com', 'Type: CNAME', 'Weight: 10', 'TTL: "60"', 'ResourceRecords: [blue.example.com]']), errors: [{ messageId: 'noSetIdentifier', line: 8, column: 7, resource: 'A' }] },
    { name: 'Weight above 255', code: records(weighted('blue', 300), weighted('green', 10)), errors: [{ messageId: 'range', line: 9, resource: 'A' }] },
    { name: 'negative weight as a string', code: records(weighted('blue', '"-1"')), errors: [{ messageId: 'range', line: 9, resource: 'A' }] },
    { name: 'fractional weight', code: records(weighted('blue', 2.5)), errors: [{ messageId: 'range', line: 9, resource: 'A' }] },
    { name: 'one Fn::If branch out of range', code: records(weighted('blue', '!If [Cut, 0, 1000]')), errors: [{ messageId: 'range', line: 9, resource: 'A' }] },
    { name: 'duplicate SetIdentifier', code: records(weighted('blue', 90), weighted('blue', 10)), errors: [{ messageId: 'duplicate', line: 18, resource: 'B' }] },
    {
      name: 'duplicate SetIdentifier, names differing in case and final dot',
      code: records(weighted('blue', 90, 'App.Example.com.'), weighted('blue', 10, 'app.example.COM')),
      errors: [{ messageId: 'duplicate', line: 18, resource: 'B' }],
    },
    {
      name: 'duplicate SetIdentifier across a RecordSet and a RecordSetGroup',
      code: `${records(weighted('blue', 90))}  Group:\n    Type: AWS::Route53::RecordSetGroup\n    Properties:\n      HostedZoneName: example.com\n      RecordSets:\n        - Name: app.example.com.\n          Type: cname\n          SetIdentifier: blue\n          Weight: 10\n          TTL: "60"\n          ResourceRecords: [green.example.com]\n`,
      errors: [{ messageId: 'duplicate', line: 19, resource: 'Group' }],
    },
    {
      name: 'duplicate SetIdentifier expression with the same parameter name',
      code: records(weighted('!Ref AWS::StackName', 90, '!Ref DomainName'), weighted('!Ref AWS::StackName', 10, '!Ref DomainName')),
      errors: [{ messageId: 'duplicate', line: 18, resource: 'B' }],
    },
    {
      name: 'simple record beside weighted ones',
      code: records(weighted('blue', 90), weighted('green', 10), ['Name: app.example.com', 'Type: CNAME', 'TTL: "60"', 'ResourceRecords: [old.example.com]']),
      errors: [{ messageId: 'mixed', line: 26, resource: 'C' }],
    },
    {
      name: 'simple alias record beside a weighted one',
      code: records(['Name: app.example.com', 'Type: A', 'AliasTarget: {DNSName: old-123.us-east-1.elb.amazonaws.com, HostedZoneId: Z35SXDOTRQ7X7K}'], ['Name: app.example.com', 'Type: A', 'SetIdentifier: green', 'Weight: 1', 'AliasTarget: {DNSName: new-123.us-east-1.elb.amazonaws.com, HostedZoneId: Z35SXDOTRQ7X7K, EvaluateTargetHealth: true}']),
      errors: [{ messageId: 'mixed', line: 6, resource: 'A' }],
    },
  ],
});

/** Templates written apart from cfnkit's generators (test/fixtures/practices/route53-weighted-records), linted with every rule. */
describe('route53-weighted-records on templates written as a new user would', () => {
  const dir = join(__dirname, '..', 'fixtures', 'practices', 'route53-weighted-records');
  const lint = (file: string) => lintText(readFileSync(join(dir, file)), file);
  const bad: { [file: string]: Array<{ messageId: string; line: number; resource: string }> } = {
    'bad-copied-set-identifier.yaml': [{ messageId: 'duplicate', line: 45, resource: 'GreenRecord' }],
    'bad-per-mille-weights.yaml': [{ messageId: 'range', line: 20, resource: 'CheckoutRecords' }, { messageId: 'mixed', line: 35, resource: 'LaunchRecord' }],
    'bad-weight-without-set-identifier.yaml': [{ messageId: 'noSetIdentifier', line: 20, resource: 'GreenWeightedRecord' }],
  };
  it('lists every bad template', () => expect(readdirSync(dir).filter((f) => f.startsWith('bad-')).sort()).toEqual(Object.keys(bad).sort()));
  it.each(Object.entries(bad))('%s: each defect is flagged on the offending resource', (file, expected) => {
    expect(lint(file).filter((f) => f.ruleId === rule.meta.id).map(({ messageId, line, resource }) => ({ messageId, line, resource }))).toEqual(expected);
  });
  it.each(readdirSync(dir).filter((f) => f.startsWith('good-')))('%s draws no warning or error from any rule', (file) => {
    expect(lint(file).filter((f) => f.severity !== 'info').map((f) => `${f.line} ${f.ruleId} ${f.message}`)).toEqual([]);
  });
});
