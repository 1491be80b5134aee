import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { rule } from '../../rules/network-acl-entries';
import { emit } from '../../src/emit';
import { INTERNAL_ERROR, lintText } from '../../src/lint/engine';
import type { TemplateValue } from '../../src/model/intrinsics';
import type { Template } from '../../src/model/template';
import type { Rule } from '../../src/lint/types';
import { templateValue } from '../support/arbitrary';
import { ruleTester } from '../support/rule-tester';

/** A NACL `Acl` associated with a subnet (lines 1–7), then entries; entry i's properties sit on line 10 + 3i. */
const acl = (...entries: string[]) =>
  'Resources:\n  Acl:\n    Type: AWS::EC2::NetworkAcl\n    Properties: {VpcId: vpc-1}\n  Assoc:\n    Type: AWS::EC2::SubnetNetworkAclAssociation\n    Properties: {SubnetId: subnet-1, NetworkAclId: !Ref Acl}\n' +
  entries.map((props, i) => `  E${i}:\n    Type: AWS::EC2::NetworkAclEntry\n    Properties: {NetworkAclId: !Ref Acl, ${props}}\n`).join('');

ruleTester(rule, {
  valid: [
    { name: 'HTTPS and return ports from the world', code: acl('RuleNumber: 100, Protocol: 6, RuleAction: allow, CidrBlock: 0.0.0.0/0, PortRange: {From: 443, To: 443}', 'RuleNumber: 110, Protocol: 6, RuleAction: allow, CidrBlock: 0.0.0.0/0, PortRange: {From: 1024, To: 65535}') },
    { name: 'all traffic from the VPC', code: acl('RuleNumber: 100, Protocol: -1, RuleAction: allow, CidrBlock: 10.0.0.0/16') },
    { name: 'all traffic to the world (egress)', code: acl('RuleNumber: 100, Egress: true, Protocol: -1, RuleAction: allow, CidrBlock: 0.0.0.0/0') },
    { name: 'deny all from the world is not a grant', code: acl('RuleNumber: 90, Protocol: -1, RuleAction: deny, CidrBlock: 0.0.0.0/0') },
    { name: 'same number in both directions', code: acl('RuleNumber: 100, Protocol: -1, RuleAction: allow, CidrBlock: 10.0.0.0/8', 'RuleNumber: 100, Egress: true, Protocol: -1, RuleAction: allow, CidrBlock: 10.0.0.0/8') },
    { name: 'same number under different conditions', code: acl('RuleNumber: 100, Protocol: 6, RuleAction: allow, CidrBlock: 10.0.0.0/8, PortRange: {From: 22, To: 22}', 'RuleNumber: 100, Protocol: 6, RuleAction: allow, CidrBlock: 10.0.0.0/8, PortRange: {From: 22, To: 22}').replace('  E0:\n    Type: AWS::EC2::NetworkAclEntry\n', '  E0:\n    Type: AWS::EC2::NetworkAclEntry\n    Condition: IsProd\n').replace('  E1:\n    Type: AWS::EC2::NetworkAclEntry\n', '  E1:\n    Type: AWS::EC2::NetworkAclEntry\n    Condition: IsDev\n') },
    { name: 'rule numbers behind parameters', code: acl('RuleNumber: !Ref N, Protocol: 6, RuleAction: allow, CidrBlock: 10.0.0.0/8, PortRange: {From: 22, To: 22}', 'RuleNumber: !Ref N, Protocol: 6, RuleAction: allow, CidrBlock: 10.0.0.0/8, PortRange: {From: 22, To: 22}') },
    { name: 'CIDR from a parameter (even with a 0.0.0.0/0 Default)', code: 'Parameters:\n  Any: {Type: String, Default: 0.0.0.0/0}\n' + acl('RuleNumber: 100, Protocol: -1, RuleAction: allow, CidrBlock: !Ref Any') },
    { name: 'the same numbers in two NACLs', code: acl('RuleNumber: 100, Protocol: -1, RuleAction: allow, CidrBlock: 10.0.0.0/8') + '  Other:\n    Type: AWS::EC2::NetworkAcl\n    Properties: {VpcId: vpc-1}\n  O1:\n    Type: AWS::EC2::NetworkAclEntry\n    Properties: {NetworkAclId: !Ref Other, RuleNumber: 100, Protocol: -1, RuleAction: allow, CidrBlock: 10.0.0.0/8}\n' },
    { name: 'entries of NACLs outside the template are not compared', code: 'Resources:\n  A:\n    Type: AWS::EC2::NetworkAclEntry\n    Properties: {NetworkAclId: !ImportValue acl, RuleNumber: 100, Protocol: 6, RuleAction: allow, CidrBlock: 10.0.0.0/8, PortRange: {From: 1, To: 2}}\n  B:\n    Type: AWS::EC2::NetworkAclEntry\n    Properties: {NetworkAclId: !Ref AclParam, RuleNumber: 100, Protocol: 6, RuleAction: allow, CidrBlock: 10.0.0.0/8, PortRange: {From: 1, To: 2}}\n' },
    { name: 'ICMP from the world', code: acl('RuleNumber: 100, Protocol: 1, RuleAction: allow, CidrBlock: 0.0.0.0/0, Icmp: {Code: -1, Type: -1}') },
  ],
  invalid: [
    { name: 'all traffic from 0.0.0.0/0', code: acl('RuleNumber: 100, Protocol: -1, RuleAction: allow, CidrBlock: 0.0.0.0/0'), errors: [{ messageId: 'openInbound', line: 10, resource: 'E0' }] },
    { name: 'all traffic from ::/0, "-1", Egress false, ALLOW', code: acl('RuleNumber: 101, Egress: false, Protocol: "-1", RuleAction: ALLOW, Ipv6CidrBlock: "::/0"'), errors: [{ messageId: 'openInbound', line: 10, resource: 'E0' }] },
    {
      name: 'openInbound sits on the Protocol line',
      code: 'Resources:\n  In:\n    Type: AWS::EC2::NetworkAclEntry\n    Properties:\n      NetworkAclId: acl-123\n      RuleNumber: 100\n      Protocol: -1\n      RuleAction: allow\n      CidrBlock: 0.0.0.0/0\n',
      errors: [{ messageId: 'openInbound', line: 7, resource: 'In' }],
    },
    { name: 'one Fn::If branch opens everything', code: acl('RuleNumber: 100, Protocol: -1, RuleAction: allow, CidrBlock: !If [Open, 0.0.0.0/0, 10.0.0.0/8]'), errors: [{ messageId: 'openInbound', line: 10, resource: 'E0' }] },
    {
      name: 'duplicate inbound rule number (reported on the second)',
      code: acl('RuleNumber: 100, Protocol: 6, RuleAction: allow, CidrBlock: 0.0.0.0/0, PortRange: {From: 80, To: 80}', 'RuleNumber: "100", Protocol: 6, RuleAction: allow, CidrBlock: 0.0.0.0/0, PortRange: {From: 443, To: 443}'),
      errors: [{ messageId: 'duplicateNumber', line: 13, resource: 'E1' }],
    },
    {
      name: 'duplicate outbound number, NACL named by GetAtt Id',
      code: acl('RuleNumber: 200, Egress: true, Protocol: -1, RuleAction: allow, CidrBlock: 10.0.0.0/8', 'RuleNumber: 200, Egress: "true", Protocol: -1, RuleAction: deny, CidrBlock: 10.1.0.0/16').replace('E1:\n    Type: AWS::EC2::NetworkAclEntry\n    Properties: {NetworkAclId: !Ref Acl', 'E1:\n    Type: AWS::EC2::NetworkAclEntry\n    Properties: {NetworkAclId: !GetAtt Acl.Id'),
      errors: [{ messageId: 'duplicateNumber', line: 13, resource: 'E1' }],
    },
    { name: 'rule number 0', code: acl('RuleNumber: 0, Protocol: -1, RuleAction: allow, CidrBlock: 10.0.0.0/8'), errors: [{ messageId: 'numberRange', line: 10, resource: 'E0' }] },
    { name: 'rule number 32767 (the default rule)', code: acl('RuleNumber: 32767, Protocol: -1, RuleAction: deny, CidrBlock: 10.0.0.0/8'), errors: [{ messageId: 'numberRange', line: 10, resource: 'E0' }] },
    { name: 'rule number out of range in one Fn::If branch', code: acl('RuleNumber: !If [C, 100, 40000], Protocol: -1, RuleAction: allow, CidrBlock: 10.0.0.0/8'), errors: [{ messageId: 'numberRange', line: 10, resource: 'E0' }] },
    {
      name: 'a condition on only one of two duplicates still clashes',
      code: acl('RuleNumber: 100, Protocol: -1, RuleAction: allow, CidrBlock: 10.0.0.0/8', 'RuleNumber: 100, Protocol: -1, RuleAction: allow, CidrBlock: 10.1.0.0/16').replace('  E1:\n    Type: AWS::EC2::NetworkAclEntry\n', '  E1:\n    Type: AWS::EC2::NetworkAclEntry\n    Condition: Extra\n'),
      errors: [{ messageId: 'duplicateNumber', line: 14, resource: 'E1' }],
    },
  ],
});

/** Templates written apart from cfnkit's generators (test/fixtures/practices/network-acl-entries), linted with every rule. */
describe('network-acl-entries on templates written as a new user would', () => {
  const dir = join(__dirname, '..', 'fixtures', 'practices', 'network-acl-entries');
  const lint = (file: string) => lintText(readFileSync(join(dir, file)), file);
  const bad: { [file: string]: Array<{ messageId: string; line: number; resource: string }> } = {
    'bad-public-acl-allows-everything.yaml': [
      { messageId: 'openInbound', line: 29, resource: 'InboundPublicNetworkAclEntry' },
      { messageId: 'openInbound', line: 39, resource: 'InboundPublicNetworkAclEntryIpv6' },
    ],
    'bad-rule-numbers.yaml': [
      { messageId: 'duplicateNumber', line: 38, resource: 'InboundPostgresFromReporting' },
      { messageId: 'numberRange', line: 50, resource: 'InboundDenyEverythingElse' },
    ],
  };
  it('lists every bad template', () => expect(readdirSync(dir).filter((f) => f.startsWith('bad-')).sort()).toEqual(Object.keys(bad).sort()));
  it.each(Object.entries(bad))('%s: each defect is flagged on the offending resource', (file, expected) => {
    expect(lint(file).filter((f) => f.ruleId === rule.meta.id).map(({ messageId, line, resource }) => ({ messageId, line, resource }))).toEqual(expected);
  });
  it.each(readdirSync(dir).filter((f) => f.startsWith('good-')))('%s draws no warning or error from any rule', (file) => {
    expect(lint(file).filter((f) => f.severity !== 'info').map((f) => `${f.line} ${f.ruleId} ${f.message}`)).toEqual([]);
  });
});

describe('CloudFront, network ACL, admin port and IAM rules on any template', () => {
  // Every rule built on src/lint/alternatives.ts, network.ts and network-acl.ts: none may fail on any shape.
  const rules = ['cloudfront-origin-protocol', 'network-acl-entries', 'network-acl-return-traffic', 'open-admin-ports', 'iam-wildcard-allow'].map(
    (id) => (require(`../../rules/${id}`) as { rule: Rule }).rule,
  );
  const types = [
    'AWS::CloudFront::Distribution', 'AWS::EC2::NetworkAcl', 'AWS::EC2::NetworkAclEntry', 'AWS::EC2::SubnetNetworkAclAssociation', 'AWS::EC2::SecurityGroup',
    'AWS::EC2::SecurityGroupIngress', 'AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::ElasticLoadBalancing::LoadBalancer', 'AWS::IAM::Role', 'AWS::IAM::Policy',
    'AWS::S3::BucketPolicy', 'AWS::Serverless::Function',
  ];
  const names = [
    'DistributionConfig', 'Origins', 'Id', 'DomainName', 'CustomOriginConfig', 'OriginProtocolPolicy', 'DefaultCacheBehavior', 'CacheBehaviors', 'TargetOriginId',
    'ViewerProtocolPolicy', 'PathPattern', 'OriginGroups', 'Items', 'Members', 'OriginId', 'CustomOrigin', 'NetworkAclId', 'RuleNumber', 'Egress', 'Protocol',
    'RuleAction', 'CidrBlock', 'Ipv6CidrBlock', 'PortRange', 'From', 'To', 'SecurityGroupIngress', 'IpProtocol', 'FromPort', 'ToPort', 'CidrIp', 'CidrIpv6',
    'GroupId', 'SecurityGroups', 'Listeners', 'LoadBalancerPort', 'Type', 'PolicyDocument', 'Policies', 'ManagedPolicyArns', 'Statement', 'Effect', 'Action',
    'NotAction', 'Resource', 'NotResource',
  ];
  const leaf: fc.Arbitrary<TemplateValue> = fc.oneof(
    templateValue,
    fc.constantFrom<TemplateValue>('*', 'Allow', 'allow', '-1', -1, 6, 'tcp', 22, 3389, 65535, 1024, true, 'false', '0.0.0.0/0', '::/0', '10.0.0.0/8', 'http-only', 'match-viewer', 'allow-all', 'A', 'B'),
  );
  const { value } = fc.letrec<{ value: TemplateValue }>((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.constantFrom(...names), tie('value'), { maxKeys: 4, noNullPrototype: true })),
  }));
  const ids = ['A', 'B', 'Acl', 'Sg', 'Lb'];
  const template: fc.Arbitrary<Template> = fc
    .dictionary(fc.constantFrom(...ids), fc.record({ Type: fc.constantFrom(...types), Properties: fc.dictionary(fc.constantFrom(...names), value, { maxKeys: 6, noNullPrototype: true }) }, { noNullPrototype: true }), { minKeys: 1, maxKeys: 5, noNullPrototype: true })
    .map((Resources) => ({ AWSTemplateFormatVersion: '2010-09-09', Resources }) as Template);

  it('never throws', () => {
    fc.assert(
      fc.property(template, fc.constantFrom('yaml' as const, 'json' as const), (t, format) => {
        const findings = lintText(emit(t, format), `t.${format}`, { rules });
        expect(findings.filter((f) => f.ruleId === INTERNAL_ERROR)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
