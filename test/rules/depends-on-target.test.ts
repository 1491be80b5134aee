import { rule } from '../../rules/depends-on-target';
import { ruleTester } from '../support/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'a name and a list of names',
      code: `Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.0.0.0/16 }
  Gateway:
    Type: AWS::EC2::InternetGateway
  Attachment:
    Type: AWS::EC2::VPCGatewayAttachment
    DependsOn: Gateway
    Properties: { VpcId: !Ref Vpc, InternetGatewayId: !Ref Gateway }
  Route:
    Type: AWS::EC2::Route
    DependsOn: [Attachment, Gateway]
    Properties: { RouteTableId: x, GatewayId: !Ref Gateway, DestinationCidrBlock: 0.0.0.0/0 }
`,
    },
    {
      name: 'SAM: a resource the transform creates',
      code: `Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties: { StageName: prod }
  Mapping:
    Type: AWS::ApiGateway::BasePathMapping
    DependsOn: ApiprodStage
    Properties: { DomainName: example.com, RestApiId: !Ref Api }
`,
    },
    {
      name: 'a macro may create the resource',
      code: `Transform: MyMacro
Resources:
  Queue:
    Type: AWS::SQS::Queue
    DependsOn: MacroMadeTopic
`,
    },
    {
      name: 'DependsOn computed or malformed is left to other rules',
      code: `Resources:
  Queue:
    Type: AWS::SQS::Queue
    DependsOn: [!Ref Something, 3]
`,
    },
  ],
  invalid: [
    {
      name: 'a missing resource',
      code: `Resources:
  Queue:
    Type: AWS::SQS::Queue
    DependsOn: Topik
  Topic:
    Type: AWS::SNS::Topic
`,
      errors: [{ messageId: 'missing', line: 4, column: 16, resource: 'Queue' }],
    },
    {
      name: 'list items',
      code: `Resources:
  Queue:
    Type: AWS::SQS::Queue
    DependsOn:
      - Topic
      - Bucket
      - Role
  Topic:
    Type: AWS::SNS::Topic
`,
      errors: [
        { messageId: 'missing', line: 6 },
        { messageId: 'missing', line: 7 },
      ],
    },
    {
      name: 'a parameter or a condition',
      code: `Parameters:
  Env:
    Type: String
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Queue:
    Type: AWS::SQS::Queue
    DependsOn: [Env, IsProd]
`,
      errors: [
        { messageId: 'notResource', line: 9 },
        { messageId: 'notResource', line: 9 },
      ],
    },
    {
      name: 'JSON',
      code: `{
  "Resources": {
    "Queue": { "Type": "AWS::SQS::Queue", "DependsOn": ["Missing"] }
  }
}
`,
      errors: [{ messageId: 'missing', line: 3 }],
    },
  ],
});
