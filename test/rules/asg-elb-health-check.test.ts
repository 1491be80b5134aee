import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rule } from '../../rules/asg-elb-health-check';
import { lintText } from '../../src/lint/engine';
import { ruleTester } from '../support/rule-tester';

/** An Auto Scaling group `Asg` (MinSize, MaxSize on lines 5-6) whose other properties are `lines`, from line 7. */
const group = (...lines: string[]) =>
  `Resources:\n  Asg:\n    Type: AWS::AutoScaling::AutoScalingGroup\n    Properties:\n      MinSize: "1"\n      MaxSize: "2"\n${lines.map((l) => `      ${l}\n`).join('')}`;

ruleTester(rule, {
  valid: [
    { name: 'target groups with ELB health checks', code: group('TargetGroupARNs: [!Ref Tg]', 'HealthCheckType: ELB', 'HealthCheckGracePeriod: 300') },
    { name: 'classic load balancer with ELB health checks (lower case)', code: group('LoadBalancerNames: [!Ref Elb]', 'HealthCheckType: elb') },
    { name: 'ELB among several types', code: group('TargetGroupARNs: [!Ref Tg]', 'HealthCheckType: "ELB,VPC_LATTICE"') },
    { name: 'VPC Lattice health checks', code: group('TargetGroupARNs: [!Ref Tg]', 'HealthCheckType: VPC_LATTICE') },
    { name: 'no load balancer: EC2 checks are all there is', code: group('HealthCheckType: EC2', 'VPCZoneIdentifier: [subnet-1]') },
    { name: 'no load balancer, no HealthCheckType', code: group('VPCZoneIdentifier: [subnet-1]') },
    { name: 'empty target group list', code: group('TargetGroupARNs: []') },
    { name: 'target groups from a list parameter may be empty (not guessed)', code: group('TargetGroupARNs: !Ref TargetGroupArns') },
    { name: 'HealthCheckType from a parameter', code: group('TargetGroupARNs: [!Ref Tg]', 'HealthCheckType: !Ref HealthCheckType') },
    { name: 'attachment and ELB checks on the same Fn::If', code: group('TargetGroupARNs: !If [HasLb, [!Ref Tg], !Ref AWS::NoValue]', 'HealthCheckType: !If [HasLb, ELB, EC2]') },
    { name: 'VPC Lattice traffic source', code: group('TrafficSources:', '  - Identifier: !Ref LatticeTg', '    Type: vpc-lattice') },
  ],
  invalid: [
    { name: 'target groups without HealthCheckType', code: group('TargetGroupARNs:', '  - !Ref Tg'), errors: [{ messageId: 'missing', line: 7, column: 7, resource: 'Asg' }] },
    { name: 'target groups with EC2 checks', code: group('TargetGroupARNs: [!Ref Tg]', 'HealthCheckType: EC2'), errors: [{ messageId: 'ec2', line: 8, resource: 'Asg' }] },
    { name: 'classic load balancer with EC2 checks', code: group('HealthCheckType: "EC2"', 'LoadBalancerNames: [my-elb]'), errors: [{ messageId: 'ec2', line: 7, resource: 'Asg' }] },
    { name: 'elbv2 traffic source without HealthCheckType', code: group('TrafficSources:', '  - Identifier: !Ref Tg', '    Type: elbv2'), errors: [{ messageId: 'missing', line: 7, resource: 'Asg' }] },
    { name: 'one Fn::If branch EC2 while always attached', code: group('TargetGroupARNs: [!Ref Tg]', 'HealthCheckType: !If [Strict, ELB, EC2]'), errors: [{ messageId: 'ec2', line: 8, resource: 'Asg' }] },
    { name: 'HealthCheckType Ref AWS::NoValue', code: group('TargetGroupARNs: [!Ref Tg]', 'HealthCheckType: !Ref AWS::NoValue'), errors: [{ messageId: 'missing', line: 7, resource: 'Asg' }] },
    { name: 'attached in one Fn::If branch, no HealthCheckType', code: group('TargetGroupARNs: !If [HasLb, [!Ref Tg], []]'), errors: [{ messageId: 'missing', line: 7, resource: 'Asg' }] },
  ],
});

/** Templates written apart from cfnkit's generators (test/fixtures/practices/asg-elb-health-check), linted with every rule. */
describe('asg-elb-health-check on templates written as a new user would', () => {
  const dir = join(__dirname, '..', 'fixtures', 'practices', 'asg-elb-health-check');
  const lint = (file: string) => lintText(readFileSync(join(dir, file)), file);
  const bad: { [file: string]: Array<{ messageId: string; line: number; resource: string }> } = {
    'bad-classic-elb-ec2-health.yaml': [{ messageId: 'ec2', line: 37, resource: 'WebFarm' }],
    'bad-web-tier-alb-default-health.yaml': [{ messageId: 'missing', line: 93, resource: 'WebServerGroup' }],
  };
  it('lists every bad template', () => expect(readdirSync(dir).filter((f) => f.startsWith('bad-')).sort()).toEqual(Object.keys(bad).sort()));
  it.each(Object.entries(bad))('%s: each defect is flagged on the offending resource', (file, expected) => {
    expect(lint(file).filter((f) => f.ruleId === rule.meta.id).map(({ messageId, line, resource }) => ({ messageId, line, resource }))).toEqual(expected);
  });
  it.each(readdirSync(dir).filter((f) => f.startsWith('good-')))('%s draws no warning or error from any rule', (file) => {
    expect(lint(file).filter((f) => f.severity !== 'info').map((f) => `${f.line} ${f.ruleId} ${f.message}`)).toEqual([]);
  });
});
