import { rule } from '../../rules/property-required';
import { ruleTester } from '../support/rule-tester';

/** A template with one resource `R` of `type`; property lines start at line 5, indented 6. */
const res = (type: string, ...lines: string[]) => `Resources:\n  R:\n    Type: ${type}\n    Properties:\n${lines.map((l) => `      ${l}\n`).join('')}`;

ruleTester(rule, {
  valid: [
    res('AWS::EC2::Subnet', 'VpcId: !Ref Vpc', 'CidrBlock: 10.0.0.0/24'),
    { name: 'no required properties, no Properties', code: 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n' },
    { name: 'custom resource with ServiceToken', code: res('Custom::Thing', 'ServiceToken: !GetAtt Fn.Arn', 'Size: 3') },
    { name: 'present in both Fn::If branches', code: res('AWS::EC2::Subnet', 'VpcId: !If [C, !Ref A, !Ref B]') },
    { name: 'Properties behind Fn::If', code: 'Resources:\n  R:\n    Type: AWS::SNS::Subscription\n    Properties: !If\n      - C\n      - {Protocol: sqs, TopicArn: t, Endpoint: e}\n      - {Protocol: email, TopicArn: t, Endpoint: e}\n' },
    { name: 'an unknown intrinsic fills the object', code: res('AWS::EC2::Subnet', 'Fn::Transform: {Name: AWS::Include, Parameters: {Location: s3://b/k}}') },
    { name: 'SAM resources are left to the transform (Globals)', code: 'Transform: AWS::Serverless-2016-10-31\n' + res('AWS::Serverless::Function', 'CodeUri: .') },
    { name: 'tags without Value', code: res('AWS::SQS::Queue', 'Tags:', '  - Key: team') },
    { name: 'list items behind intrinsics', code: res('AWS::S3::Bucket', 'LifecycleConfiguration:', '  Rules:', '    - !If [C, {Status: Enabled, ExpirationInDays: 1}, !Ref AWS::NoValue]', '    - !FindInMap [M, K, Rule]') },
  ],
  invalid: [
    { name: 'missing', code: res('AWS::EC2::Subnet', 'CidrBlock: 10.0.0.0/24'), errors: [{ messageId: 'missing', line: 4, column: 5 }] },
    { name: 'no Properties at all', code: 'Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n', errors: [{ messageId: 'missing', line: 2, column: 3, resource: 'Sg' }] },
    { name: 'Ref AWS::NoValue', code: res('AWS::EC2::Subnet', 'VpcId: !Ref AWS::NoValue'), errors: [{ messageId: 'missing', line: 4 }] },
    {
      name: 'nested in a list of objects',
      code: res('AWS::S3::Bucket', 'LifecycleConfiguration:', '  Rules:', '    - ExpirationInDays: 7'),
      errors: [{ messageId: 'missing', line: 7, column: 13 }],
    },
    { name: 'nested object', code: res('AWS::S3::Bucket', 'LifecycleConfiguration:', '  Rule: []'), errors: [{ messageId: 'missing', line: 5 }] },
    { name: 'in one Fn::If branch', code: res('AWS::S3::Bucket', 'VersioningConfiguration: !If', '  - C', '  - Status: Enabled', '  - {}'), errors: [{ messageId: 'missing', line: 8 }] },
    { name: 'custom resource without ServiceToken', code: res('Custom::Thing', 'Size: 3'), errors: [{ messageId: 'missing', line: 4 }] },
    { name: 'tag without Key', code: res('AWS::SQS::Queue', 'Tags:', '  - Value: v'), errors: [{ messageId: 'missing', line: 6 }] },
  ],
});
