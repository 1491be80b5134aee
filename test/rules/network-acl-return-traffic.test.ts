import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rule } from '../../rules/network-acl-return-traffic';
import { lintText } from '../../src/lint/engine';
import { ruleTester } from '../support/rule-tester';

/** A NACL `Acl` associated with a subnet (lines 1–7), then entries; entry i's properties sit on line 10 + 3i. */
const acl = (...entries: string[]) =>
  'Resources:\n  Acl:\n    Type: AWS::EC2::NetworkAcl\n    Properties: {VpcId: vpc-1}\n  Assoc:\n    Type: AWS::EC2::SubnetNetworkAclAssociation\n    Properties: {SubnetId: subnet-1, NetworkAclId: !Ref Acl}\n' +
  entries.map((props, i) => `  E${i}:\n    Type: AWS::EC2::NetworkAclEntry\n    Properties: {NetworkAclId: !Ref Acl, ${props}}\n`).join('');

const in443 = 'RuleNumber: 100, Protocol: 6, RuleAction: allow, CidrBlock: 0.0.0.0/0, PortRange: {From: 443, To: 443}';
const outEphemeral = 'RuleNumber: 100, Egress: true, Protocol: 6, RuleAction: allow, CidrBlock: 0.0.0.0/0, PortRange: {From: 1024, To: 65535}';

ruleTester(rule, {
  valid: [
    { name: 'HTTPS in, ephemeral out', code: acl(in443, outEphemeral) },
    { name: 'an all-traffic allow covers the return', code: acl(in443, 'RuleNumber: 100, Egress: true, Protocol: -1, RuleAction: allow, CidrBlock: 0.0.0.0/0') },
    { name: 'a wider return range', code: acl(in443, 'RuleNumber: 100, Egress: true, Protocol: "6", RuleAction: allow, CidrBlock: 0.0.0.0/0, PortRange: {From: 0, To: 65535}') },
    {
      name: 'outbound HTTPS with inbound ephemeral (the inbound ephemeral rule is return traffic itself)',
      code: acl('RuleNumber: 100, Egress: true, Protocol: 6, RuleAction: allow, CidrBlock: 0.0.0.0/0, PortRange: {From: 443, To: 443}', 'RuleNumber: 100, Protocol: 6, RuleAction: allow, CidrBlock: 0.0.0.0/0, PortRange: {From: 1024, To: 65535}'),
    },
    { name: 'an all-traffic or 0-65535 entry may be a return rule itself and needs none', code: acl('RuleNumber: 100, Protocol: -1, RuleAction: allow, CidrBlock: 10.0.0.0/16', 'RuleNumber: 110, Protocol: 6, RuleAction: allow, CidrBlock: 0.0.0.0/0, PortRange: {From: 0, To: 65535}') },
    { name: 'VPC traffic both ways', code: acl('RuleNumber: 100, Protocol: -1, RuleAction: allow, CidrBlock: 10.0.0.0/16', 'RuleNumber: 100, Egress: true, Protocol: -1, RuleAction: allow, CidrBlock: 10.0.0.0/8') },
    { name: 'deny entries need no return', code: acl('RuleNumber: 90, Protocol: 6, RuleAction: deny, CidrBlock: 0.0.0.0/0, PortRange: {From: 22, To: 22}') },
    { name: 'a NACL not associated with any subnet is not checked', code: acl(in443).replace(/  Assoc:[\s\S]*?\n(?=  E0)/, '') },
    { name: 'return rule CIDR behind a parameter counts as covering', code: acl(in443, outEphemeral.replace('CidrBlock: 0.0.0.0/0', 'CidrBlock: !Ref Peer')) },
    { name: 'return rule direction behind a parameter counts as covering', code: acl(in443, outEphemeral.replace('Egress: true', 'Egress: !Ref Dir')) },
    { name: 'allow whose ports are behind a parameter is not guessed', code: acl('RuleNumber: 100, Protocol: 6, RuleAction: allow, CidrBlock: 0.0.0.0/0, PortRange: {From: !Ref P, To: !Ref P}') },
    { name: 'ICMP needs no ephemeral ports', code: acl('RuleNumber: 100, Protocol: 1, RuleAction: allow, CidrBlock: 0.0.0.0/0, Icmp: {Code: -1, Type: -1}') },
    { name: 'UDP DNS out, UDP ephemeral in', code: acl('RuleNumber: 100, Egress: true, Protocol: 17, RuleAction: allow, CidrBlock: 10.0.0.2/32, PortRange: {From: 53, To: 53}', 'RuleNumber: 100, Protocol: 17, RuleAction: allow, CidrBlock: 10.0.0.0/16, PortRange: {From: 1024, To: 65535}') },
    { name: 'IPv6 both ways', code: acl(in443.replace('CidrBlock: 0.0.0.0/0', 'Ipv6CidrBlock: "::/0"'), outEphemeral.replace('CidrBlock: 0.0.0.0/0', 'Ipv6CidrBlock: "::/0"')) },
    { name: 'a narrower ephemeral range with the option', options: { ephemeralPortsFrom: 32768 }, code: acl(in443, outEphemeral.replace('From: 1024', 'From: 32768')) },
  ],
  invalid: [
    { name: 'inbound HTTPS with no outbound rule at all', code: acl(in443), errors: [{ messageId: 'noReturn', line: 10, resource: 'E0' }] },
    {
      name: 'outbound only to the VPC: internet clients get no response',
      code: acl(in443, 'RuleNumber: 100, Egress: true, Protocol: -1, RuleAction: allow, CidrBlock: 10.0.0.0/16'),
      errors: [{ messageId: 'noReturn', line: 10, resource: 'E0' }],
    },
    { name: 'return range too narrow', code: acl(in443, outEphemeral.replace('From: 1024', 'From: 32768')), errors: [{ messageId: 'noReturn', line: 10, resource: 'E0' }] },
    { name: 'the return rule is a deny', code: acl(in443, outEphemeral.replace('RuleAction: allow', 'RuleAction: deny')), errors: [{ messageId: 'noReturn', line: 10, resource: 'E0' }] },
    { name: 'UDP return does not cover TCP', code: acl(in443, outEphemeral.replace('Protocol: 6', 'Protocol: 17')), errors: [{ messageId: 'noReturn', line: 10, resource: 'E0' }] },
    { name: 'IPv4 return does not cover IPv6 clients', code: acl(in443.replace('CidrBlock: 0.0.0.0/0', 'Ipv6CidrBlock: "::/0"'), outEphemeral), errors: [{ messageId: 'noReturn', line: 10, resource: 'E0' }] },
    {
      name: 'outbound HTTPS without inbound ephemeral',
      code: acl('RuleNumber: 100, Egress: true, Protocol: 6, RuleAction: allow, CidrBlock: 0.0.0.0/0, PortRange: {From: 443, To: 443}', 'RuleNumber: 100, Protocol: -1, RuleAction: allow, CidrBlock: 10.0.0.0/16'),
      errors: [{ messageId: 'noReturn', line: 10, resource: 'E0' }],
    },
    {
      name: 'on the CIDR line',
      code: 'Resources:\n  Acl:\n    Type: AWS::EC2::NetworkAcl\n    Properties: {VpcId: vpc-1}\n  Assoc:\n    Type: AWS::EC2::SubnetNetworkAclAssociation\n    Properties: {SubnetId: subnet-1, NetworkAclId: !Ref Acl}\n  Ssh:\n    Type: AWS::EC2::NetworkAclEntry\n    Properties:\n      NetworkAclId: !Ref Acl\n      RuleNumber: 100\n      Protocol: 6\n      RuleAction: allow\n      CidrBlock: 203.0.113.0/24\n      PortRange: {From: 22, To: 22}\n',
      errors: [{ messageId: 'noReturn', line: 15, resource: 'Ssh' }],
    },
  ],
});

/** Templates written apart from cfnkit's generators (test/fixtures/practices/network-acl-return-traffic), linted with every rule. */
describe('network-acl-return-traffic on templates written as a new user would', () => {
  const dir = join(__dirname, '..', 'fixtures', 'practices', 'network-acl-return-traffic');
  const lint = (file: string) => lintText(readFileSync(join(dir, file)), file);
  const bad: { [file: string]: Array<{ messageId: string; line: number; resource: string }> } = {
    'bad-private-subnet-updates.yaml': [
      { messageId: 'noReturn', line: 61, resource: 'OutboundHttps' },
      { messageId: 'noReturn', line: 74, resource: 'OutboundDnsToPublicResolvers' },
    ],
    'bad-web-tier-no-responses.yaml': [
      { messageId: 'noReturn', line: 32, resource: 'InboundHttp' },
      { messageId: 'noReturn', line: 44, resource: 'InboundHttps' },
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
