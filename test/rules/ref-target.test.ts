import fc from 'fast-check';
import { rule } from '../../rules/ref-target';
import { emit } from '../../src/emit';
import { INTERNAL_ERROR, lintText } from '../../src/lint/engine';
import type { Rule } from '../../src/lint/types';
import { template as arbitraryTemplate } from '../support/arbitrary';
import { ruleTester } from '../support/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'Ref to a parameter, a resource and pseudo parameters',
      code: `Parameters:
  Env:
    Type: String
Resources:
  Topic:
    Type: AWS::SNS::Topic
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Join ['-', [!Ref Env, !Ref 'AWS::Region', !Ref AWS::StackName]]
      RedrivePolicy: !If [HasTopic, !Ref Topic, !Ref AWS::NoValue]
Outputs:
  Arn:
    Value: !GetAtt Queue.Arn
`,
    },
    {
      name: 'Fn::Sub variables: parameters, resources, attributes, pseudo parameters, escapes, spaces',
      code: `Parameters:
  Env:
    Type: String
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Sub '\${Env}-\${AWS::Region}-\${ Bucket }-\${Bucket.Arn}-\${!NotAVariable}'
      Tags:
        - Key: script
          Value: !Sub |
            echo "\${!HOME} \${Env}"
            X=\${!Y}
`,
    },
    {
      name: 'Fn::Sub variable map: its keys are local variables',
      code: `Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Sub
        - '\${Prefix}-\${Suffix}-\${AWS::AccountId}'
        - Prefix: app
          Suffix: !Ref AWS::Region
`,
    },
    {
      name: 'Fn::Sub with a computed variable map or template is skipped',
      code: `Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Sub ['\${Anything}', !GetAtt Other.Map]
      DelaySeconds: !Sub [!Join ['', ['\${Missing}']], {}]
  Other:
    Type: Custom::Thing
`,
    },
    {
      name: 'JSON long forms',
      code: `{
  "Parameters": { "Env": { "Type": "String" } },
  "Resources": {
    "Bucket": { "Type": "AWS::S3::Bucket", "Properties": { "BucketName": { "Fn::Sub": "\${Env}-\${AWS::AccountId}" } } },
    "Policy": { "Type": "AWS::S3::BucketPolicy", "Properties": { "Bucket": { "Ref": "Bucket" }, "PolicyDocument": { "Resource": { "Fn::GetAtt": ["Bucket", "Arn"] } } } }
  }
}
`,
    },
    {
      name: 'SAM: resources the transform creates',
      code: `Transform: AWS::Serverless-2016-10-31
Resources:
  Handler:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      Events:
        Api:
          Type: Api
          Properties: { Path: /, Method: get }
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
Outputs:
  Role:
    Value: !GetAtt HandlerRole.Arn
  Alias:
    Value: !Ref Handler.Alias
  Url:
    Value: !Sub 'https://\${ServerlessRestApi}.execute-api.\${AWS::Region}.amazonaws.com/Prod'
  Stage:
    Value: !Ref Api.Stage
  ProdStage:
    Value: !Ref ApiprodStage
`,
    },
    {
      name: 'a macro transform may create any resource',
      code: `Transform: [Count]
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Count: 3
Outputs:
  First:
    Value: !Ref Queue1
`,
    },
    {
      name: 'AWS::Include through Fn::Transform may add resources',
      code: `Resources:
  Fn::Transform:
    Name: AWS::Include
    Parameters:
      Location: s3://bucket/snippet.yaml
Outputs:
  Included:
    Value: !Ref IncludedTopic
`,
    },
    {
      name: 'AWS::Include beside other resources',
      code: `Resources:
  Queue:
    Type: AWS::SQS::Queue
  Fn::Transform:
    Name: AWS::Include
    Parameters:
      Location: s3://bucket/snippet.yaml
Outputs:
  Included:
    Value: !GetAtt IncludedTopic.TopicName
`,
    },
    {
      name: 'Fn::ForEach (AWS::LanguageExtensions) creates resources by name',
      code: `Transform: AWS::LanguageExtensions
Resources:
  Fn::ForEach::Topics:
    - Name
    - [A, B]
    - Topic\${Name}:
        Type: AWS::SNS::Topic
        Properties:
          TopicName: !Ref Name
Outputs:
  A:
    Value: !Ref TopicA
`,
    },
    {
      name: 'modules and rain modules prefix the resources they create',
      code: `Resources:
  Network:
    Type: My::Network::Vpc::MODULE
  Site:
    Type: ../modules/site.yaml
  Server:
    Type: AWS::EC2::Instance
    Properties:
      SubnetId: !Ref NetworkPublicSubnet1
      UserData: !GetAtt SiteBucket.Arn
`,
    },
    {
      name: 'the template Metadata section is data',
      code: `Metadata:
  Notes:
    Owner: !Ref TeamParameterThatWasRemoved
Resources:
  Topic:
    Type: AWS::SNS::Topic
`,
    },
    {
      name: 'Rules and Conditions use parameters',
      code: `Parameters:
  Env:
    Type: String
Rules:
  ProdOnly:
    Assertions:
      - Assert: !Equals [!Ref Env, prod]
Conditions:
  IsProd: !Equals [!Ref Env, !Sub '\${AWS::Region}']
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Condition: IsProd
`,
    },
  ],
  invalid: [
    {
      name: 'Ref to nothing',
      code: `Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Ref QueueNmae
`,
      errors: [{ messageId: 'missing', line: 5, column: 18, resource: 'Queue' }],
    },
    {
      name: 'Ref in Outputs, JSON',
      code: `{
  "Resources": { "Queue": { "Type": "AWS::SQS::Queue" } },
  "Outputs": { "Url": { "Value": { "Ref": "Queues" } } }
}
`,
      errors: [{ messageId: 'missing', line: 3, resource: 'Url' }],
    },
    {
      name: 'a misspelt pseudo parameter',
      code: `Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Ref AWS::Regoin
`,
      errors: [{ messageId: 'missing', line: 5 }],
    },
    {
      name: 'GetAtt of a parameter, short and long form',
      code: `Parameters:
  Vpc:
    Type: String
Resources:
  Group:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: x
      VpcId: !GetAtt Vpc.VpcId
      Tags:
        - Key: k
          Value:
            Fn::GetAtt: [Vpc, CidrBlock]
`,
      errors: [
        { messageId: 'notResource', line: 9 },
        { messageId: 'notResource', line: 13 },
      ],
    },
    {
      name: 'GetAtt of a missing resource',
      code: `Resources:
  Queue:
    Type: AWS::SQS::Queue
Outputs:
  Arn:
    Value: !GetAtt Queu.Arn
  Arn2:
    Value:
      Fn::GetAtt:
        - Missing
        - Arn
`,
      errors: [
        { messageId: 'missingResource', line: 6 },
        { messageId: 'missingResource', line: 10 },
      ],
    },
    {
      name: 'Fn::Sub variables: missing, GetAtt of a parameter, missing resource, not in the variable map',
      code: `Parameters:
  Env:
    Type: String
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Sub '\${Envv}-\${AWS::Region}'
      DelaySeconds: !Sub '\${Env.Value}'
      MaximumMessageSize: !Sub '\${Bucket.Arn}'
      MessageRetentionPeriod: !Sub
        - '\${Prefix}-\${Sufix}'
        - Prefix: a
          Suffix: b
`,
      errors: [
        { messageId: 'missing', line: 8 },
        { messageId: 'notResource', line: 9 },
        { messageId: 'missingResource', line: 10 },
        { messageId: 'missing', line: 12 },
      ],
    },
    {
      name: 'Conditions can only use parameters',
      code: `Parameters:
  Env:
    Type: String
Conditions:
  HasQueue: !Not [!Equals [!Ref Queue, '']]
Resources:
  Queue:
    Type: AWS::SQS::Queue
`,
      errors: [{ messageId: 'resourceInSection', line: 5 }],
    },
    {
      name: 'SAM: a name no SAM resource could create',
      code: `Transform: AWS::Serverless-2016-10-31
Resources:
  Handler:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      Environment:
        Variables:
          TABLE: !Ref Table
`,
      errors: [{ messageId: 'missing', line: 10 }],
    },
  ],
});

describe('reference analysis on any template', () => {
  // Every rule built on src/lint/refs.ts: none may fail on any shape a template can take.
  const rules = ['ref-target', 'depends-on-target', 'condition-target', 'find-in-map-target', 'get-att-attribute', 'circular-dependency', 'unused-parameter', 'unused-condition', 'unused-mapping', 'duplicate-export-name'].map(
    (id) => (require(`../../rules/${id}`) as { rule: Rule }).rule,
  );

  it('never throws', () => {
    fc.assert(
      fc.property(arbitraryTemplate, fc.constantFrom('yaml' as const, 'json' as const), (template, format) => {
        const findings = lintText(emit(template, format), `t.${format}`, { rules });
        expect(findings.filter((f) => f.ruleId === INTERNAL_ERROR)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
