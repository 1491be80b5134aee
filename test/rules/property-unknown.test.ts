import { rule } from '../../rules/property-unknown';
import { ruleTester } from '../support/rule-tester';

/** A template with one resource `R` of `type`; property lines start at line 5, indented 6. */
const res = (type: string, ...lines: string[]) => `Resources:\n  R:\n    Type: ${type}\n    Properties:\n${lines.map((l) => `      ${l}\n`).join('')}`;

ruleTester(rule, {
  valid: [
    res('AWS::S3::Bucket', 'BucketName: b', 'Tags:', '  - Key: k', '    Value: v', 'VersioningConfiguration:', '  Status: Enabled'),
    { name: 'custom resource properties are free', code: res('Custom::Thing', 'ServiceToken: arn', 'Anything: 1', 'Nested: {Deep: true}') },
    { name: 'unknown resource types are not checked', code: res('Acme::Widget::Thing', 'Whatever: 1') },
    { name: 'SAM resources are left to the transform', code: 'Transform: AWS::Serverless-2016-10-31\n' + res('AWS::Serverless::Function', 'Runtime: python3.12', 'LoggingConfig: {LogFormat: JSON}') },
    { name: 'AWS::Include next to properties', code: res('AWS::S3::Bucket', 'Fn::Transform:', '  Name: AWS::Include', '  Parameters: {Location: s3://b/k}', 'BucketName: b') },
    { name: 'Fn::If objects', code: res('AWS::S3::Bucket', 'VersioningConfiguration: !If', '  - C', '  - Status: Enabled', '  - !Ref AWS::NoValue') },
    { name: 'json properties take any keys', code: res('AWS::IAM::ManagedPolicy', 'PolicyDocument:', '  Version: "2012-10-17"', '  Statement: []', '  AnythingElse: x') },
    { name: 'maps take any keys', code: res('AWS::CloudFormation::Stack', 'TemplateURL: https://x', 'Parameters:', '  VpcId: vpc-1', '  Whatever: 2') },
    { name: 'previous types', code: res('AWS::Batch::JobDefinition', 'Type: container', 'Timeout: {AttemptDurationSeconds: 60}') },
    { name: 'properties the spec lacks (spec/patches.json)', code: res('AWS::Route53::RecordSet', 'Name: a.example.com', 'Type: A', 'GeoProximityLocation: {AWSRegion: us-east-1, Bias: 10}') },
    { name: 'values behind unknown tags are unknown', code: res('AWS::Lambda::Function', 'Role: r', 'Code: !Rain::S3', '  Path: ./src', '  BucketProperty: S3Bucket') },
    { name: 'language-extension functions', code: res('AWS::SNS::Topic', 'TopicName: {Fn::ToJsonString: {a: 1}}', 'Subscription: {Fn::ForEach::S: [x, [a], {Endpoint: x, Protocol: sqs}]}') },
  ],
  invalid: [
    { name: 'typo', code: res('AWS::S3::Bucket', 'BucketNam: b'), errors: [{ messageId: 'didYouMean', line: 5, column: 7 }] },
    { name: 'wrong case', code: res('AWS::SQS::Queue', 'queueName: q'), errors: [{ messageId: 'didYouMean', line: 5 }] },
    { name: 'no near name', code: res('AWS::SQS::Queue', 'Frobnicate: 1'), errors: [{ messageId: 'unknown', line: 5, resource: 'R' }] },
    {
      name: 'nested in a list of objects',
      code: res('AWS::S3::Bucket', 'LifecycleConfiguration:', '  Rules:', '    - Status: Enabled', '      ExpirationInDay: 7'),
      errors: [{ messageId: 'didYouMean', line: 8, column: 13 }],
    },
    { name: 'in a tag', code: res('AWS::SQS::Queue', 'Tags:', '  - Key: k', '    Valu: v'), errors: [{ messageId: 'didYouMean', line: 7 }] },
    { name: 'in an Fn::If branch', code: res('AWS::S3::Bucket', 'VersioningConfiguration: !If', '  - C', '  - Status: Enabled', '  - Stat: Suspended'), errors: [{ messageId: 'unknown', line: 8 }] },
    { name: 'in a nested object', code: res('AWS::ApiGateway::RestApi', 'Name: a', 'BodyS3Location: {Bucket: b, Keys: k}'), errors: [{ messageId: 'didYouMean', line: 6 }] },
    {
      name: 'in a map of objects',
      code: res('AWS::ApiGateway::UsagePlan', 'ApiStages:', '  - ApiId: a', '    Stage: s', '    Throttle:', '      /pets/GET: {BurstLimit: 1, RateLimt: 2}'),
      errors: [{ messageId: 'didYouMean', line: 9 }],
    },
    { name: 'resource attribute inside Properties', code: res('AWS::SQS::Queue', 'DependsOn: Other'), errors: [{ messageId: 'unknown', line: 5 }] },
    {
      name: 'JSON',
      code: '{"Resources": {"Q": {"Type": "AWS::SQS::Queue",\n  "Properties": {\n    "DelaySecond": 5}}}}\n',
      errors: [{ messageId: 'didYouMean', line: 3, column: 5 }],
    },
  ],
});
