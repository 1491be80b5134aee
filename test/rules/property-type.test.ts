import { rule } from '../../rules/property-type';
import { ruleTester } from '../support/rule-tester';

/** A template with one resource `R` of `type`; property lines start at line 5, indented 6. */
const res = (type: string, ...lines: string[]) => `Resources:\n  R:\n    Type: ${type}\n    Properties:\n${lines.map((l) => `      ${l}\n`).join('')}`;
const params = 'Parameters:\n  Subnets: {Type: List<AWS::EC2::Subnet::Id>}\n  Names: {Type: CommaDelimitedList}\n  Ssm: {Type: "AWS::SSM::Parameter::Value<List<String>>"}\n  Name: {Type: String}\n';

ruleTester(rule, {
  valid: [
    { name: 'numbers as strings and strings as numbers', code: res('AWS::SQS::Queue', 'DelaySeconds: "10"', 'QueueName: 10', 'FifoQueue: "true"', 'ContentBasedDeduplication: yes') },
    { name: 'string booleans in any case CloudFormation reads', code: res('AWS::SQS::Queue', 'FifoQueue: "False"', 'SqsManagedSseEnabled: TRUE') },
    { name: 'json takes objects and strings', code: res('AWS::SQS::Queue', 'RedrivePolicy: {deadLetterTargetArn: a, maxReceiveCount: 5}', 'RedriveAllowPolicy: \'{"redrivePermission":"denyAll"}\'') },
    { name: 'list parameters yield lists', code: params + res('AWS::AutoScaling::AutoScalingGroup', 'MinSize: 1', 'MaxSize: "2"', 'VPCZoneIdentifier: !Ref Subnets', 'AvailabilityZones: !Ref Ssm', 'LoadBalancerNames: !Ref Names') },
    { name: 'list-yielding functions', code: res('AWS::AutoScaling::AutoScalingGroup', 'MinSize: 1', 'MaxSize: 2', 'AvailabilityZones: !GetAZs ""', 'VPCZoneIdentifier: !Split [",", !ImportValue Subnets]') },
    { name: 'string-yielding functions', code: res('AWS::SQS::Queue', 'QueueName: !Join ["-", [a, b]]', 'DelaySeconds: !Sub "${Delay}"', 'FifoQueue: !Sub "${Fifo}"') },
    { name: 'Ref, GetAtt, FindInMap, Select are not guessed', code: params + res('AWS::EC2::SecurityGroup', 'GroupDescription: !Ref Name', 'SecurityGroupIngress: !Ref Name', 'Tags: !FindInMap [M, K, Tags]', 'VpcId: !Select [0, !Ref Names]') },
    { name: 'Fn::If with AWS::NoValue in lists and values', code: res('AWS::EC2::SecurityGroup', 'GroupDescription: d', 'VpcId: !If [C, vpc-1, !Ref AWS::NoValue]', 'SecurityGroupIngress:', '  - !If [C, {IpProtocol: tcp, CidrIp: 0.0.0.0/0}, !Ref AWS::NoValue]') },
    { name: 'union: string or list', code: res('AWS::AutoScaling::AutoScalingGroup', 'MinSize: 1', 'MaxSize: 2', 'NotificationConfigurations:', '  - TopicARN: [a, b]', '  - TopicARN: a') },
    { name: 'previous types', code: res('AWS::AppConfig::Application', 'Name: a', 'Tags: [{Key: k, Value: v}]') },
    { name: 'maps of scalars', code: res('AWS::CloudFormation::Stack', 'TemplateURL: https://x', 'Parameters: {Count: 3, Enabled: true, Name: n}') },
    { name: 'nested stack parameters take lists (spec/patches.json)', code: res('AWS::CloudFormation::Stack', 'TemplateURL: https://x', 'Parameters: {Subnets: [a, b]}') },
    { name: 'empty property type', code: res('AWS::EC2::Instance', 'BlockDeviceMappings:', '  - DeviceName: /dev/sdb', '    NoDevice: {}') },
    { name: 'timestamps', code: res('AWS::AutoScaling::ScheduledAction', 'AutoScalingGroupName: g', 'StartTime: 2030-01-01T00:00:00Z') },
  ],
  invalid: [
    { name: 'scalar where a list belongs', code: res('AWS::EC2::Instance', 'SecurityGroupIds: sg-1'), errors: [{ messageId: 'type', line: 5, column: 25 }] },
    { name: 'list where a scalar belongs', code: res('AWS::SQS::Queue', 'QueueName: [a]'), errors: [{ messageId: 'type', line: 5 }] },
    { name: 'object where a string belongs', code: res('AWS::SQS::Queue', 'QueueName: {Name: a}'), errors: [{ messageId: 'type', line: 5 }] },
    { name: 'word where an integer belongs', code: res('AWS::SQS::Queue', 'DelaySeconds: ten', 'MaximumMessageSize: "1.5"'), errors: [{ messageId: 'type', line: 5 }, { messageId: 'type', line: 6 }] },
    { name: 'word where a boolean belongs', code: res('AWS::SQS::Queue', 'FifoQueue: "maybe"', 'SqsManagedSseEnabled: 1'), errors: [{ messageId: 'type', line: 5 }, { messageId: 'type', line: 6 }] },
    { name: 'null', code: res('AWS::SQS::Queue', 'QueueName:'), errors: [{ messageId: 'type', line: 5 }] },
    { name: 'Fn::Join where a list belongs', code: res('AWS::EC2::Instance', 'SecurityGroupIds: !Join [",", [a, b]]'), errors: [{ messageId: 'type', line: 5 }] },
    { name: 'list parameter where a string belongs', code: params + res('AWS::EC2::Instance', 'SubnetId: !Ref Subnets'), errors: [{ messageId: 'type', line: 10 }] },
    { name: 'Fn::GetAZs where a string belongs', code: res('AWS::EC2::Subnet', 'VpcId: v', 'AvailabilityZone: !GetAZs ""'), errors: [{ messageId: 'type', line: 6 }] },
    { name: 'list inside a list', code: params + res('AWS::EC2::Instance', 'SecurityGroupIds: [!Ref Names]'), errors: [{ messageId: 'type', line: 10 }] },
    { name: 'string where an object belongs', code: res('AWS::S3::Bucket', 'VersioningConfiguration: !Sub "Enabled"'), errors: [{ messageId: 'type', line: 5 }] },
    { name: 'list item of the wrong shape', code: res('AWS::EC2::SecurityGroup', 'GroupDescription: d', 'SecurityGroupIngress:', '  - tcp/22'), errors: [{ messageId: 'type', line: 7 }] },
    { name: 'tag as a string', code: res('AWS::SQS::Queue', 'Tags: [team=a]'), errors: [{ messageId: 'type', line: 5 }] },
    { name: 'tags as a map', code: res('AWS::SQS::Queue', 'Tags: {team: a}'), errors: [{ messageId: 'type', line: 5 }] },
    { name: 'in an Fn::If branch', code: res('AWS::SQS::Queue', 'DelaySeconds: !If [C, 5, five]'), errors: [{ messageId: 'type', line: 5 }] },
    { name: 'union: none of the members', code: res('AWS::AutoScaling::AutoScalingGroup', 'MinSize: 1', 'MaxSize: 2', 'NotificationConfigurations:', '  - TopicARN: {Arn: a}'), errors: [{ messageId: 'type', line: 8 }] },
    { name: 'Properties that is not an object', code: 'Resources:\n  R:\n    Type: AWS::SQS::Queue\n    Properties: [a]\n', errors: [{ messageId: 'type', line: 4, column: 17 }] },
  ],
});
