import { rule } from '../../rules/unused-parameter';
import { ruleTester } from '../support/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'used by Ref, Fn::Sub, Conditions, Rules, Outputs and resource Metadata',
      code: `Parameters:
  Env:
    Type: String
  Size:
    Type: Number
  Vpc:
    Type: AWS::EC2::VPC::Id
  Key:
    Type: String
  Label:
    Type: String
  Admin:
    Type: String
Rules:
  InVpc:
    Assertions:
      - Assert:
          Fn::Contains: [[vpc-1], { Fn::ValueOf: [Vpc, Tags] }]
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Metadata:
      AWS::CloudFormation::Init:
        config:
          files:
            /etc/key: { content: !Ref Key }
    Properties:
      QueueName: !Sub '\${AWS::StackName}-\${ Size }'
Outputs:
  Label:
    Value: !Sub ['\${Label}-\${X}', { X: !Ref Admin }]
`,
    },
    {
      name: 'a macro or AWS::Include may use any parameter',
      code: `Transform: [AWS::Serverless-2016-10-31, MyMacro]
Parameters:
  Unused:
    Type: String
Resources:
  Queue:
    Type: AWS::SQS::Queue
`,
    },
    {
      name: 'Fn::Transform',
      code: `Parameters:
  Unused:
    Type: String
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      Fn::Transform:
        Name: AWS::Include
        Parameters: { Location: s3://bucket/props.yaml }
`,
    },
    {
      name: 'SAM Globals use parameters',
      code: `Transform: AWS::Serverless-2016-10-31
Parameters:
  Runtime:
    Type: String
Globals:
  Function:
    Runtime: !Ref Runtime
Resources:
  Handler:
    Type: AWS::Serverless::Function
    Properties: { Handler: index.handler }
`,
    },
  ],
  invalid: [
    {
      name: 'declared, never used',
      code: `Parameters:
  Env:
    Type: String
  Size:
    Type: Number
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      DelaySeconds: !Ref Size
`,
      errors: [{ messageId: 'unused', line: 2, column: 3, resource: 'Env' }],
    },
    {
      name: 'only listed in the console interface; shadowed by a Fn::Sub variable map',
      code: `Metadata:
  AWS::CloudFormation::Interface:
    ParameterGroups:
      - Label: { default: Naming }
        Parameters: [Env, Prefix]
    ParameterLabels:
      Env: { default: Environment }
Parameters:
  Env:
    Type: String
  Prefix:
    Type: String
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Sub ['\${Prefix}-queue', { Prefix: app }]
`,
      errors: [
        { messageId: 'unused', line: 9 },
        { messageId: 'unused', line: 11 },
      ],
    },
    {
      name: 'JSON',
      code: `{
  "Parameters": { "Env": { "Type": "String" } },
  "Resources": { "Queue": { "Type": "AWS::SQS::Queue" } }
}
`,
      errors: [{ messageId: 'unused', line: 2 }],
    },
  ],
});
