import { rule } from '../../rules/resource-shape';
import { parseTemplate } from '../../src/parse';
import { ruleTester } from '../support/rule-tester';
import type { InvalidCase, ValidCase } from '../support/rule-tester';

const y = (...lines: string[]) => lines.join('\n') + '\n';

const valid: ValidCase[] = [
  y(
    'Resources:',
    '  Queue:',
    '    Type: AWS::SQS::Queue',
    '    Condition: IsProd',
    '    DependsOn: [Topic]',
    '    Metadata: {team: web}',
    '    DeletionPolicy: RetainExceptOnCreate',
    '    UpdateReplacePolicy: Retain',
    '    Properties: {}',
    '  Topic:',
    '    Type: AWS::SNS::Topic',
    '    DependsOn: Other',
    '  Group:',
    '    Type: AWS::AutoScaling::AutoScalingGroup',
    '    CreationPolicy: {ResourceSignal: {Count: 1}}',
    '    UpdatePolicy: !If [IsProd, {AutoScalingRollingUpdate: {}}, !Ref AWS::NoValue]',
  ),
  { name: 'Snapshot on a type that supports it', code: y('Resources:', '  Db:', '    Type: AWS::RDS::DBCluster', '    DeletionPolicy: Snapshot', '    UpdateReplacePolicy: Snapshot') },
  { name: 'policy from a parameter', code: y('Resources:', '  B:', '    Type: AWS::S3::Bucket', '    DeletionPolicy: !Ref Policy', '    UpdateReplacePolicy: !If [IsProd, Retain, Delete]') },
  { name: 'Properties from Fn::If', code: y('Resources:', '  B:', '    Type: AWS::S3::Bucket', '    Properties: !If [IsProd, {BucketName: a}, {}]') },
  { name: 'Version on a custom resource', code: y('Resources:', '  C:', '    Type: Custom::Thing', '    Version: "1.0"', '    Properties:', '      ServiceToken: arn') },
  {
    name: 'SAM resource with Connectors and IgnoreGlobals',
    code: y('Transform: AWS::Serverless-2016-10-31', 'Resources:', '  Fn:', '    Type: AWS::Serverless::Function', '    IgnoreGlobals: "*"', '    Connectors:', '      Conn:', '        Properties: {Destination: {Id: T}, Permissions: [Write]}', '  T:', '    Type: AWS::SNS::Topic'),
  },
  { name: 'macro attributes', code: y('Transform: Count', 'Resources:', '  B:', '    Type: AWS::S3::Bucket', '    Count: 3') },
  {
    name: 'resources inside Fn::ForEach',
    code: y('Transform: AWS::LanguageExtensions', 'Resources:', '  Fn::ForEach::Q:', '    - N', '    - [a, b]', '    - Queue${N}:', '        Type: AWS::SQS::Queue', '        DeletionPolicy: Retain'),
  },
  { name: 'AWS::Include', code: y('Resources:', '  Fn::Transform:', '    Name: AWS::Include', '    Parameters: {Location: s3://b/k}') },
  { name: 'AWS::Include as a resource', code: y('Resources:', '  B:', '    Fn::Transform:', '      Name: AWS::Include', '      Parameters: {Location: s3://b/k}') },
  { name: 'AWS::Include beside attributes', code: y('Resources:', '  B:', '    Properties: {}', '    Fn::Transform:', '      Name: AWS::Include', '      Parameters: {Location: s3://b/k}') },
];

const invalid: InvalidCase[] = [
  { name: 'missing Type', code: y('Resources:', '  Queue:', '    Properties: {}'), errors: [{ messageId: 'missingType', line: 2, column: 3, resource: 'Queue' }] },
  { name: 'Type not a string', code: y('Resources:', '  Queue:', '    Type: !Ref T'), errors: [{ messageId: 'typeNotString', line: 3 }] },
  { name: 'not a mapping', code: y('Resources:', '  Queue: AWS::SQS::Queue'), errors: [{ messageId: 'notAMapping', line: 2 }] },
  { name: 'misspelt attribute', code: y('Resources:', '  Queue:', '    Type: AWS::SQS::Queue', '    DependOn: Topic'), errors: [{ messageId: 'unknownAttribute', line: 4, column: 5 }] },
  { name: 'SAM attributes without SAM', code: y('Resources:', '  Queue:', '    Type: AWS::SQS::Queue', '    Connectors: {}'), errors: [{ messageId: 'unknownAttribute', line: 4 }] },
  { name: 'Version on a non-custom type', code: y('Resources:', '  Queue:', '    Type: AWS::SQS::Queue', '    Version: "1"'), errors: [{ messageId: 'unknownAttribute', line: 4 }] },
  { name: 'Properties as a list', code: y('Resources:', '  Queue:', '    Type: AWS::SQS::Queue', '    Properties:', '      - DelaySeconds: 1'), errors: [{ messageId: 'notAMappingAttribute', line: 5 }] },
  { name: 'empty Properties', code: y('Resources:', '  Queue:', '    Type: AWS::SQS::Queue', '    Properties:'), errors: [{ messageId: 'notAMappingAttribute', line: 4 }] },
  { name: 'DependsOn as a mapping', code: y('Resources:', '  Queue:', '    Type: AWS::SQS::Queue', '    DependsOn: {Ref: Topic}'), errors: [{ messageId: 'dependsOnShape', line: 4 }] },
  { name: 'DependsOn with a function', code: y('Resources:', '  Queue:', '    Type: AWS::SQS::Queue', '    DependsOn: [!Ref Topic]'), errors: [{ messageId: 'dependsOnShape', line: 4 }] },
  { name: 'Condition not a string', code: y('Resources:', '  Queue:', '    Type: AWS::SQS::Queue', '    Condition: [IsProd]'), errors: [{ messageId: 'conditionNotString', line: 4 }] },
  { name: 'unknown DeletionPolicy', code: y('Resources:', '  Queue:', '    Type: AWS::SQS::Queue', '    DeletionPolicy: Keep'), errors: [{ messageId: 'badPolicy', line: 4 }] },
  { name: 'RetainExceptOnCreate is not an UpdateReplacePolicy', code: y('Resources:', '  Queue:', '    Type: AWS::SQS::Queue', '    UpdateReplacePolicy: RetainExceptOnCreate'), errors: [{ messageId: 'badPolicy', line: 4 }] },
  { name: 'Snapshot on a bucket', code: y('Resources:', '  B:', '    Type: AWS::S3::Bucket', '    DeletionPolicy: Snapshot'), errors: [{ messageId: 'snapshotUnsupported', line: 4 }] },
  { name: 'policy from Fn::Join', code: y('Resources:', '  B:', '    Type: AWS::S3::Bucket', '    DeletionPolicy: !Join ["", [Re, tain]]'), errors: [{ messageId: 'policyShape', line: 4 }] },
  {
    name: 'inside Fn::ForEach',
    code: y('Transform: AWS::LanguageExtensions', 'Resources:', '  Fn::ForEach::Q:', '    - N', '    - [a]', '    - Queue${N}:', '        Type: AWS::SQS::Queue', '        DeletionPolicy: Snapshot'),
    errors: [{ messageId: 'snapshotUnsupported', line: 8 }],
  },
  { name: 'JSON', code: '{\n  "Resources": {\n    "Q": {\n      "Type": "AWS::SQS::Queue",\n      "Property": {}\n    }\n  }\n}\n', errors: [{ messageId: 'unknownAttribute', line: 5 }] },
];

ruleTester(rule, { valid, invalid });

// A case that does not parse draws no finding of this rule and would pass vacuously.
it.each([...valid, ...invalid].map((c, i) => [i, typeof c === 'string' ? c : c.code] as const))('case %i parses cleanly', (_i, code) => {
  expect(parseTemplate(code).problems).toEqual([]);
});
