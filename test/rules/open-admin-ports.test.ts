import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rule } from '../../rules/open-admin-ports';
import { lintText } from '../../src/lint/engine';
import { ruleTester } from '../support/rule-tester';

/** A security group `Sg` whose inline ingress rules are `lines` (list items start at line 7). */
const group = (...lines: string[]) =>
  `Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: web\n      SecurityGroupIngress:\n${lines.map((l) => `        ${l}\n`).join('')}`;

/** A standalone ingress `In` whose properties are `lines` (from line 5). */
const ingress = (...lines: string[]) => `Resources:\n  In:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties:\n      GroupId: sg-1\n${lines.map((l) => `      ${l}\n`).join('')}`;

/** Security group `Sg` allowing all traffic from the world (rule on line 7), then `rest` (more resources). */
const openGroup = (rest: string) => `${group('- {IpProtocol: "-1", CidrIp: 0.0.0.0/0}')}${rest}`;
const alb = '  Alb:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n      Subnets: [subnet-1, subnet-2]\n      SecurityGroups: [!Ref Sg]\n';
const instance = '  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-1\n      SecurityGroupIds: [!GetAtt Sg.GroupId]\n';
const elb = (protocol: string, port: number) =>
  `  Elb:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties:\n      SecurityGroups: [!Ref Sg]\n      Listeners:\n        - {Protocol: ${protocol}, LoadBalancerPort: ${port}, InstancePort: ${port}}\n`;

ruleTester(rule, {
  valid: [
    { name: 'a group only an Application Load Balancer uses (it only speaks HTTP/HTTPS)', code: openGroup(alb) },
    { name: 'a group only a Classic Load Balancer with an HTTP listener uses', code: openGroup(elb('HTTP', 80)) },
    {
      name: 'standalone ingress on a group only an ALB uses; other groups may reference it in their rules',
      code: `${ingress('IpProtocol: tcp', 'FromPort: 22', 'ToPort: 22', 'CidrIp: 0.0.0.0/0').replace('GroupId: sg-1', 'GroupId: !GetAtt Sg.GroupId')}  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties: {GroupDescription: lb}\n  AppSg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: app\n      SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 80, ToPort: 80, SourceSecurityGroupId: !Ref Sg}]\n${alb}`,
    },
    { name: 'HTTP and HTTPS open to the world (a load balancer)', code: group('- {IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: 0.0.0.0/0}', '- {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIpv6: "::/0"}') },
    { name: 'SSH from a narrow CIDR', code: group('- {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 203.0.113.0/24}') },
    { name: 'all traffic from the VPC', code: group('- {IpProtocol: "-1", CidrIp: 10.0.0.0/16}') },
    { name: 'all traffic from another security group', code: group('- {IpProtocol: "-1", SourceSecurityGroupId: sg-2}') },
    { name: 'CIDR from a parameter (even with a 0.0.0.0/0 Default) is not guessed', code: `Parameters:\n  SSHLocation:\n    Type: String\n    Default: 0.0.0.0/0\n${group('- {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref SSHLocation}')}` },
    { name: 'port from a parameter', code: group('- {IpProtocol: tcp, FromPort: !Ref Port, ToPort: !Ref Port, CidrIp: 0.0.0.0/0}') },
    { name: 'UDP 3389 (RDP UDP transport needs TCP 3389 first)', code: group('- {IpProtocol: udp, FromPort: 3389, ToPort: 3389, CidrIp: 0.0.0.0/0}') },
    { name: 'ICMP from anywhere', code: group('- {IpProtocol: icmp, FromPort: -1, ToPort: -1, CidrIp: 0.0.0.0/0}') },
    { name: 'range that stops before 22', code: group('- {IpProtocol: tcp, FromPort: 0, ToPort: 21, CidrIp: 0.0.0.0/0}') },
    { name: 'prefix list on a standalone ingress', code: ingress('IpProtocol: tcp', 'FromPort: 22', 'ToPort: 22', 'SourcePrefixListId: pl-123') },
    { name: 'standalone HTTPS from the world', code: ingress('IpProtocol: tcp', 'FromPort: 443', 'ToPort: 443', 'CidrIp: 0.0.0.0/0') },
    { name: 'egress is not ingress', code: 'Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: x\n      SecurityGroupEgress:\n        - {IpProtocol: "-1", CidrIp: 0.0.0.0/0}\n' },
    { name: 'Fn::If whose branches are both narrow', code: group('- IpProtocol: tcp', '  FromPort: 22', '  ToPort: 22', '  CidrIp: !If [Prod, 10.0.0.0/8, 192.168.0.0/16]') },
    { name: 'ingress list behind an intrinsic', code: 'Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: x\n      SecurityGroupIngress: !FindInMap [Rules, !Ref AWS::Region, Ingress]\n' },
  ],
  invalid: [
    { name: 'a group an ALB and an instance use', code: openGroup(alb + instance), errors: [{ messageId: 'open', line: 7, resource: 'Sg' }] },
    { name: 'a group a Classic Load Balancer passes TCP 22 through', code: openGroup(elb('TCP', 22)), errors: [{ messageId: 'open', line: 7, resource: 'Sg' }] },
    {
      name: 'a group a Network Load Balancer uses (TCP pass-through)',
      code: openGroup(alb.replace('Alb:', 'Nlb:').replace('Subnets:', 'Type: network\n      Subnets:')),
      errors: [{ messageId: 'open', line: 7, resource: 'Sg' }],
    },
    { name: 'a load balancer group that an output exports (another stack may attach it)', code: openGroup(alb) + 'Outputs:\n  Sg:\n    Value: !Ref Sg\n', errors: [{ messageId: 'open', line: 7, resource: 'Sg' }] },
    { name: 'SSH from 0.0.0.0/0', code: group('- IpProtocol: tcp', '  FromPort: 22', '  ToPort: 22', '  CidrIp: 0.0.0.0/0'), errors: [{ messageId: 'open', line: 10, resource: 'Sg' }] },
    { name: 'RDP from ::/0', code: group('- IpProtocol: "6"', '  FromPort: "3389"', '  ToPort: "3389"', '  CidrIpv6: "::/0"'), errors: [{ messageId: 'open', line: 10, resource: 'Sg' }] },
    { name: 'all protocols from the world', code: group('- IpProtocol: -1', '  CidrIp: 0.0.0.0/0'), errors: [{ messageId: 'open', line: 8, resource: 'Sg' }] },
    { name: 'a range covering 22', code: group('- {IpProtocol: tcp, FromPort: 0, ToPort: 1024, CidrIp: 0.0.0.0/0}'), errors: [{ messageId: 'open', line: 7, resource: 'Sg' }] },
    { name: 'second rule of several', code: group('- {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}', '- IpProtocol: TCP', '  FromPort: 3000', '  ToPort: 4000', '  CidrIp: 0.0.0.0/0'), errors: [{ messageId: 'open', line: 11, resource: 'Sg' }] },
    { name: 'standalone ingress', code: ingress('IpProtocol: tcp', 'FromPort: 22', 'ToPort: 22', 'CidrIp: 0.0.0.0/0'), errors: [{ messageId: 'open', line: 9, resource: 'In' }] },
    { name: 'standalone all traffic from ::/0', code: ingress('IpProtocol: "-1"', 'CidrIpv6: ::/0'), errors: [{ messageId: 'open', line: 7, resource: 'In' }] },
    { name: 'one Fn::If branch opens SSH', code: group('- IpProtocol: tcp', '  FromPort: 22', '  ToPort: 22', '  CidrIp: !If [Dev, 0.0.0.0/0, 10.0.0.0/8]'), errors: [{ messageId: 'open', line: 10, resource: 'Sg' }] },
    { name: 'rule item behind Fn::If', code: group('- !If', '  - AllowSsh', '  - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}', '  - !Ref AWS::NoValue'), errors: [{ messageId: 'open', line: 9, resource: 'Sg' }] },
    {
      name: 'CIDR from a mapping with literal keys',
      code: `Mappings:\n  Net:\n    Admin:\n      Cidr: 0.0.0.0/0\n${group('- {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !FindInMap [Net, Admin, Cidr]}')}`,
      errors: [{ messageId: 'open', line: 11, resource: 'Sg' }],
    },
    {
      name: 'JSON template',
      code: '{"Resources": {"Sg": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "x",\n "SecurityGroupIngress": [\n  {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22,\n   "CidrIp": "0.0.0.0/0"}]}}}}',
      errors: [{ messageId: 'open', line: 4, resource: 'Sg' }],
    },
  ],
});

/** Templates written apart from cfnkit's generators (test/fixtures/practices/open-admin-ports), linted with every rule. */
describe('open-admin-ports on templates written as a new user would', () => {
  const dir = join(__dirname, '..', 'fixtures', 'practices', 'open-admin-ports');
  const lint = (file: string) => lintText(readFileSync(join(dir, file)), file);
  const bad: { [file: string]: Array<{ messageId: string; line: number; resource: string }> } = {
    'bad-bastion-ssh-open.yaml': [
      { messageId: 'open', line: 28, resource: 'BastionSecurityGroup' },
      { messageId: 'open', line: 38, resource: 'BastionSshIpv6Ingress' },
    ],
    'bad-windows-rdp.yaml': [
      { messageId: 'open', line: 33, resource: 'WebServerSecurityGroup' },
      { messageId: 'open', line: 40, resource: 'TroubleshootingIngress' },
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
