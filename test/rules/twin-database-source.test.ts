import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { rule } from '../../rules/twin-database-source';
import { emit } from '../../src/emit';
import { INTERNAL_ERROR, lintText } from '../../src/lint/engine';
import type { Template } from '../../src/model/template';
import type { Rule } from '../../src/lint/types';
import { templateValue } from '../support/arbitrary';
import { ruleTester } from '../support/rule-tester';

/**
 * Blue and green Auto Scaling groups, each behind its own ALB (listener → target group), with weighted
 * alias records in front; `blueVars` / `greenVars` are the Fn::Sub variable lines of each launch
 * template's UserData (a `DB_HOST=${DbHost}` line). With one variable each, the second twin's launch
 * template starts on line 37, its script (block scalar) on line 44 and its variable on line 47.
 */
const asgTwins = (blueVars: string[], greenVars: string[], script = 'DB_HOST=${DbHost}') => {
  const colour = (c: string, vars: string[]) =>
    [
      `  ${c}LaunchTemplate:`,
      '    Type: AWS::EC2::LaunchTemplate',
      '    Properties:',
      '      LaunchTemplateData:',
      '        ImageId: ami-12345678',
      '        UserData:',
      '          Fn::Base64: !Sub',
      '            - |',
      '              #!/bin/bash',
      `              echo "${script}" >> /etc/app.env`,
      ...vars.map((v, i) => (i === 0 ? `            - ${v}` : `              ${v}`)),
      `  ${c}Group:`,
      '    Type: AWS::AutoScaling::AutoScalingGroup',
      '    Properties:',
      '      MinSize: "1"',
      '      MaxSize: "2"',
      `      LaunchTemplate: {LaunchTemplateId: !Ref ${c}LaunchTemplate, Version: "1"}`,
      `      TargetGroupARNs: [!Ref ${c}Tg]`,
      `  ${c}Tg:`,
      '    Type: AWS::ElasticLoadBalancingV2::TargetGroup',
      '    Properties: {Port: 80, Protocol: HTTP, VpcId: vpc-1}',
      `  ${c}Lb:`,
      '    Type: AWS::ElasticLoadBalancingV2::LoadBalancer',
      '    Properties: {Subnets: [subnet-1, subnet-2]}',
      `  ${c}Listener:`,
      '    Type: AWS::ElasticLoadBalancingV2::Listener',
      `    Properties: {LoadBalancerArn: !Ref ${c}Lb, Port: 80, Protocol: HTTP, DefaultActions: [{Type: forward, TargetGroupArn: !Ref ${c}Tg}]}`,
      `  ${c}Record:`,
      '    Type: AWS::Route53::RecordSet',
      `    Properties: {HostedZoneId: Z1, Name: app.example.com, Type: A, SetIdentifier: ${c}, Weight: 1, AliasTarget: {DNSName: !GetAtt ${c}Lb.DNSName, HostedZoneId: !GetAtt ${c}Lb.CanonicalHostedZoneID, EvaluateTargetHealth: true}}`,
    ].join('\n');
  // Logical ids without a colour word, so that only the weighted records make them twins.
  const rename = (text: string, c: string, to: string) => text.replace(new RegExp(`${c}(LaunchTemplate|Group|Tg|Lb|Listener|Record)`, 'g'), `${to}$1`);
  return `Parameters:\n  DbHostParam:\n    Type: String\n  OtherDbHost:\n    Type: String\nResources:\n${rename(colour('Blue', blueVars), 'Blue', 'One')}\n${rename(colour('Green', greenVars), 'Green', 'Two')}\n`;
};

/** Two Elastic Beanstalk environments `BlueEnv` and `GreenEnv` with the given option lines (Blue's first option on line 13, Green's on line 20). */
const beanstalk = (blue: string[], green: string[]) => {
  const env = (id: string, options: string[]) => [`  ${id}:`, '    Type: AWS::ElasticBeanstalk::Environment', '    Properties:', '      ApplicationName: app', '      SolutionStackName: 64bit Amazon Linux 2023 v6.1.0 running Node.js 20', '      OptionSettings:', ...options.map((o) => `        ${o}`)].join('\n');
  return `Parameters:\n  BlueDbHost:\n    Type: String\n  GreenDbHost:\n    Type: String\nResources:\n${env('BlueEnv', blue)}\n${env('GreenEnv', green)}\n`;
};
const envVar = (name: string, value: string) => `- {Namespace: "aws:elasticbeanstalk:application:environment", OptionName: ${name}, Value: ${value}}`;

/** Blue and green ECS services, each with its task definition; container environment entries are given per colour (Blue's first on line 12, Green's on line 23). */
const ecs = (blue: string[], green: string[], extra = '') => {
  const colour = (c: string, env: string[]) =>
    [
      `  ${c}Task:`,
      '    Type: AWS::ECS::TaskDefinition',
      '    Properties:',
      '      ContainerDefinitions:',
      '        - Name: web',
      '          Image: nginx',
      '          Environment:',
      ...env.map((e) => `            ${e}`),
      `  ${c}Service:`,
      '    Type: AWS::ECS::Service',
      `    Properties: {Cluster: c, TaskDefinition: !Ref ${c}Task, DesiredCount: 1}`,
    ].join('\n');
  return `Resources:\n  DbA:\n    Type: AWS::RDS::DBInstance\n    Properties: {Engine: postgres, DBInstanceClass: db.t3.micro}\n${colour('Blue', blue)}\n${colour('Green', green)}\n${extra}`;
};

ruleTester(rule, {
  valid: [
    {
      name: 'weighted twins importing the same export',
      code: asgTwins(['DbHost: !ImportValue {"Fn::Sub": "${DataStack}-DbEndpoint"}'], ['DbHost: !ImportValue {"Fn::Sub": "${DataStack}-DbEndpoint"}']),
    },
    { name: 'weighted twins reading the same parameter', code: asgTwins(['DbHost: !Ref DbHostParam'], ['DbHost: !Ref DbHostParam']) },
    {
      name: 'same host, different ports',
      code: asgTwins(['DbHost: !Ref DbHostParam', 'DbPort: "5432"'], ['DbHost: !Ref DbHostParam', 'DbPort: "5433"'], 'DB_HOST=${DbHost} DB_PORT=${DbPort}'),
    },
    { name: 'one twin names no database: not compared', code: asgTwins(['DbHost: !Ref DbHostParam'], ['AppName: web'], 'APP=${AppName}') },
    { name: 'Beanstalk twins with the same parameter', code: beanstalk([envVar('DB_HOST', '!Ref BlueDbHost')], [envVar('DB_HOST', '!Ref BlueDbHost')]) },
    { name: 'Beanstalk twins with the same dynamic reference', code: beanstalk([envVar('DATABASE_URL', '"{{resolve:ssm:/app/db/url}}"')], [envVar('DATABASE_URL', '"{{resolve:ssm:/app/db/url}}"')]) },
    { name: 'ECS twins reading the same RDS attribute', code: ecs(['- {Name: DB_HOST, Value: !GetAtt DbA.Endpoint.Address}'], ['- {Name: DB_HOST, Value: !GetAtt DbA.Endpoint.Address}']) },
    { name: 'ECS twins without database settings', code: ecs(['- {Name: APP, Value: web}'], ['- {Name: APP, Value: web}']) },
    {
      name: 'environments that are not twins may use different databases',
      code: beanstalk([envVar('DB_HOST', '!Ref BlueDbHost')], [envVar('DB_HOST', '!Ref GreenDbHost')]).replace(/BlueEnv/g, 'WebEnv').replace(/GreenEnv/g, 'WorkerEnv'),
    },
    {
      name: 'Blueprint and Greenfield are not colours',
      code: beanstalk([envVar('DB_HOST', '!Ref BlueDbHost')], [envVar('DB_HOST', '!Ref GreenDbHost')]).replace(/BlueEnv/g, 'BlueprintEnv').replace(/GreenEnv/g, 'GreenfieldEnv'),
    },
    {
      name: 'a colour without its twin',
      code: 'Resources:\n  BlueLaunchTemplate:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n        UserData: !Base64 "DB_HOST=mydb.abc123.us-east-1.rds.amazonaws.com"\n',
    },
    { name: 'a shell variable in plain user data is set elsewhere', code: asgTwins(['X: "1"'], ['X: "1"'], 'DB_HOST=$$DB_HOST_FROM_SSM').replace(/!Sub/g, '') },
    {
      name: 'a weighted record whose load balancer fronts two groups is not one twin',
      code: asgTwins(['DbHost: !Ref DbHostParam'], ['DbHost: !Ref OtherDbHost']).replace('TargetGroupARNs: [!Ref TwoTg]', 'TargetGroupARNs: [!Ref OneTg]'),
    },
    {
      name: 'an RDS service principal is not a database host',
      code: asgTwins(['Principal: monitoring.rds.amazonaws.com'], ['Principal: monitoring.rds.amazonaws.com'], 'PRINCIPAL=${Principal}'),
    },
    { name: 'DynamoDB endpoints are not the database', code: beanstalk([envVar('DYNAMODB_ENDPOINT', '!Ref BlueDbHost')], [envVar('DYNAMODB_ENDPOINT', '!Ref GreenDbHost')]) },
  ],
  invalid: [
    {
      name: 'weighted twins importing different exports',
      code: asgTwins(['DbHost: !ImportValue prod-DbEndpoint'], ['DbHost: !ImportValue staging-DbEndpoint']),
      errors: [{ messageId: 'differ', line: 47, resource: 'TwoLaunchTemplate' }],
    },
    {
      name: 'weighted twins reading different parameters',
      code: asgTwins(['DbHost: !Ref DbHostParam'], ['DbHost: !Ref OtherDbHost']),
      errors: [{ messageId: 'differ', line: 47, resource: 'TwoLaunchTemplate' }],
    },
    {
      name: 'a hard-coded host in one twin',
      code: asgTwins(['DbHost: !Ref DbHostParam'], ['DbHost: mydb.c9akciq32.us-east-1.rds.amazonaws.com']),
      errors: [{ messageId: 'hardCoded', line: 47, resource: 'TwoLaunchTemplate' }],
    },
    {
      name: 'a hard-coded URL in the script of one twin',
      code: asgTwins(['DbHost: !Ref DbHostParam'], ['X: "1"'], 'DATABASE_URL=postgres://app@db.internal.example.com:5432/app').replace('echo "DATABASE_URL=postgres://app@db.internal.example.com:5432/app"', 'echo "DB_HOST=${DbHost}"'),
      errors: [{ messageId: 'hardCoded', line: 44, resource: 'TwoLaunchTemplate' }],
    },
    {
      name: 'Beanstalk twins reading different parameters',
      code: beanstalk([envVar('DB_HOST', '!Ref BlueDbHost')], [envVar('DB_HOST', '!Ref GreenDbHost')]),
      errors: [{ messageId: 'differ', line: 20, resource: 'GreenEnv' }],
    },
    {
      name: 'Beanstalk twins each creating their own database',
      code: beanstalk(['- {Namespace: "aws:rds:dbinstance", OptionName: DBEngine, Value: postgres}'], ['- {Namespace: "aws:rds:dbinstance", OptionName: DBEngine, Value: postgres}']),
      errors: [{ messageId: 'differ', line: 20, resource: 'GreenEnv' }],
    },
    {
      name: 'ECS twins reading different RDS instances',
      code: ecs(['- {Name: DB_HOST, Value: !GetAtt DbA.Endpoint.Address}'], ['- {Name: DB_HOST, Value: !GetAtt DbB.Endpoint.Address}'], '  DbB:\n    Type: AWS::RDS::DBInstance\n    Properties: {Engine: postgres, DBInstanceClass: db.t3.micro}\n'),
      errors: [{ messageId: 'differ', line: 23, resource: 'GreenTask' }],
    },
    {
      name: 'twins behind one weighted ALB forward action',
      code:
        'Parameters:\n  DbA:\n    Type: String\n  DbB:\n    Type: String\nResources:\n' +
        '  Listener:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      LoadBalancerArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/1\n      Port: 80\n      Protocol: HTTP\n' +
        '      DefaultActions:\n        - Type: forward\n          ForwardConfig:\n            TargetGroups:\n              - {TargetGroupArn: !Ref TgOne, Weight: 90}\n              - {TargetGroupArn: !Ref TgTwo, Weight: 10}\n' +
        '  TgOne:\n    Type: AWS::ElasticLoadBalancingV2::TargetGroup\n    Properties: {Port: 80, Protocol: HTTP, VpcId: vpc-1}\n' +
        '  TgTwo:\n    Type: AWS::ElasticLoadBalancingV2::TargetGroup\n    Properties: {Port: 80, Protocol: HTTP, VpcId: vpc-1}\n' +
        '  GroupOne:\n    Type: AWS::AutoScaling::AutoScalingGroup\n    Metadata:\n      AWS::CloudFormation::Init:\n        config:\n          commands:\n            start: {command: /opt/app/start, env: {DB_HOST: !Ref DbA}}\n    Properties: {MinSize: "1", MaxSize: "1", TargetGroupARNs: [!Ref TgOne]}\n' +
        '  GroupTwo:\n    Type: AWS::AutoScaling::AutoScalingGroup\n    Metadata:\n      AWS::CloudFormation::Init:\n        config:\n          commands:\n            start: {command: /opt/app/start, env: {DB_HOST: !Ref DbB}}\n    Properties: {MinSize: "1", MaxSize: "1", TargetGroupARNs: [!Ref TgTwo]}\n',
      errors: [{ messageId: 'differ', line: 39, resource: 'GroupTwo' }],
    },
    {
      name: 'named twins, RDS endpoint found by value in a Fn::Join user data',
      code:
        'Resources:\n  DbA:\n    Type: AWS::RDS::DBCluster\n    Properties: {Engine: aurora-postgresql}\n  DbB:\n    Type: AWS::RDS::DBCluster\n    Properties: {Engine: aurora-postgresql}\n' +
        '  BlueInstance:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-1\n      UserData: !Base64 {"Fn::Join": ["", ["#!/bin/bash\\nexport WRITER=", !GetAtt DbA.Endpoint.Address, "\\n"]]}\n' +
        '  GreenInstance:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-1\n      UserData: !Base64 {"Fn::Join": ["", ["#!/bin/bash\\nexport WRITER=", !GetAtt DbB.Endpoint.Address, "\\n"]]}\n',
      errors: [{ messageId: 'differ', line: 17, resource: 'GreenInstance' }],
    },
  ],
});

/** Templates written apart from cfnkit's generators (test/fixtures/practices/twin-database-source), linted with every rule. */
describe('twin-database-source on templates written as a new user would', () => {
  const dir = join(__dirname, '..', 'fixtures', 'practices', 'twin-database-source');
  const lint = (file: string) => lintText(readFileSync(join(dir, file)), file);
  const bad: { [file: string]: Array<{ messageId: string; line: number; resource: string }> } = {
    'bad-beanstalk-hard-coded-host.yaml': [{ messageId: 'hardCoded', line: 55, resource: 'PortalGreen' }],
    'bad-blue-green-asg-two-data-stacks.yaml': [{ messageId: 'differ', line: 140, resource: 'GreenLaunchTemplate' }],
  };
  it('lists every bad template', () => expect(readdirSync(dir).filter((f) => f.startsWith('bad-')).sort()).toEqual(Object.keys(bad).sort()));
  it.each(Object.entries(bad))('%s: each defect is flagged on the offending resource', (file, expected) => {
    expect(lint(file).filter((f) => f.ruleId === rule.meta.id).map(({ messageId, line, resource }) => ({ messageId, line, resource }))).toEqual(expected);
  });
  it.each(readdirSync(dir).filter((f) => f.startsWith('good-')))('%s draws no warning or error from any rule', (file) => {
    expect(lint(file).filter((f) => f.severity !== 'info').map((f) => `${f.line} ${f.ruleId} ${f.message}`)).toEqual([]);
  });
});

describe('Route 53, Auto Scaling and twin rules on any template', () => {
  // Every rule built on src/lint/route53.ts, environments.ts and db-sources.ts: none may fail on any shape.
  const rules = ['route53-long-ttl', 'route53-alias-ttl', 'route53-weighted-records', 'route53-weighted-traffic', 'asg-elb-health-check', 'twin-database-source'].map(
    (id) => (require(`../../rules/${id}`) as { rule: Rule }).rule,
  );
  const types = [
    'AWS::Route53::RecordSet', 'AWS::Route53::RecordSetGroup', 'AWS::AutoScaling::AutoScalingGroup', 'AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::LaunchConfiguration',
    'AWS::EC2::Instance', 'AWS::ElasticBeanstalk::Environment', 'AWS::ECS::Service', 'AWS::ECS::TaskDefinition', 'AWS::ElasticLoadBalancingV2::LoadBalancer',
    'AWS::ElasticLoadBalancingV2::Listener', 'AWS::ElasticLoadBalancingV2::TargetGroup', 'AWS::CloudFront::Distribution', 'AWS::RDS::DBInstance',
  ];
  const names = ['Name', 'Type', 'SetIdentifier', 'Weight', 'TTL', 'AliasTarget', 'ResourceRecords', 'RecordSets', 'HostedZoneId', 'HealthCheckType', 'TargetGroupARNs', 'LoadBalancerNames', 'TrafficSources', 'LaunchTemplate', 'LaunchTemplateData', 'UserData', 'OptionSettings', 'TaskDefinition', 'ContainerDefinitions', 'LoadBalancers', 'LoadBalancerArn', 'DefaultActions', 'DistributionConfig'];
  const ids = ['BlueA', 'GreenA', 'Db', 'Lb', 'Tg'];
  const template: fc.Arbitrary<Template> = fc
    .dictionary(fc.constantFrom(...ids), fc.record({ Type: fc.constantFrom(...types), Properties: fc.dictionary(fc.constantFrom(...names), templateValue, { maxKeys: 6, noNullPrototype: true }) }, { noNullPrototype: true }), { minKeys: 1, maxKeys: 5, noNullPrototype: true })
    .map((Resources) => ({ AWSTemplateFormatVersion: '2010-09-09', Resources }) as Template);

  it('never throws', () => {
    fc.assert(
      fc.property(template, fc.constantFrom('yaml' as const, 'json' as const), (t, format) => {
        const findings = lintText(emit(t, format), `t.${format}`, { rules });
        expect(findings.filter((f) => f.ruleId === INTERNAL_ERROR)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});
