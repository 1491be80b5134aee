import { rule } from '../../rules/duplicate-export-name';
import { ruleTester } from '../support/rule-tester';

const head = `Parameters:
  Env:
    Type: String
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsNotProd: !Not [!Condition IsProd]
Resources:
  Queue:
    Type: AWS::SQS::Queue
`;

ruleTester(rule, {
  valid: [
    {
      name: 'distinct names, literal and computed',
      code: `${head}Outputs:
  Url:
    Value: !Ref Queue
    Export: { Name: !Sub '\${AWS::StackName}-QueueUrl' }
  Arn:
    Value: !GetAtt Queue.Arn
    Export: { Name: !Sub '\${AWS::StackName}-QueueArn' }
  Name:
    Value: !GetAtt Queue.QueueName
    Export: { Name: queue-name }
  Other:
    Value: !GetAtt Queue.QueueName
    Export: { Name: !Sub ['\${Prefix}-queue-name', { Prefix: !Ref Env }] }
`,
    },
    {
      name: 'the same name under two different conditions',
      code: `${head}Outputs:
  ProdUrl:
    Condition: IsProd
    Value: !Ref Queue
    Export: { Name: queue-url }
  DevUrl:
    Condition: IsNotProd
    Value: !Ref Queue
    Export: { Name: queue-url }
`,
    },
    {
      name: 'names computed by Fn::If or Fn::ImportValue are not compared',
      code: `${head}Outputs:
  A:
    Value: !Ref Queue
    Export: { Name: !If [IsProd, a, b] }
  B:
    Value: !Ref Queue
    Export: { Name: !If [IsProd, a, b] }
`,
    },
  ],
  invalid: [
    {
      name: 'two literal names',
      code: `${head}Outputs:
  Url:
    Value: !Ref Queue
    Export:
      Name: queue
  Arn:
    Value: !GetAtt Queue.Arn
    Export:
      Name: queue
`,
      errors: [{ messageId: 'duplicate', line: 18, resource: 'Arn' }],
    },
    {
      name: 'the same Fn::Sub text; a literal and a Fn::Sub without variables; Fn::Join of literals',
      code: `${head}Outputs:
  Url:
    Value: !Ref Queue
    Export: { Name: !Sub '\${AWS::StackName}-queue' }
  Arn:
    Value: !GetAtt Queue.Arn
    Export: { Name: !Sub '\${AWS::StackName}-queue' }
  Plain:
    Value: !Ref Queue
    Export: { Name: app-queue }
  Sub:
    Value: !Ref Queue
    Export: { Name: !Sub app-queue }
  Join:
    Value: !Ref Queue
    Export: { Name: !Join ['-', [app, queue]] }
`,
      errors: [
        { messageId: 'duplicate', line: 16 },
        { messageId: 'duplicate', line: 22 },
        { messageId: 'duplicate', line: 25 },
      ],
    },
    {
      name: 'a conditional output and an unconditional one, JSON',
      code: `{
  "Conditions": { "IsProd": { "Fn::Equals": [{ "Ref": "AWS::Region" }, "us-east-1"] } },
  "Resources": { "Queue": { "Type": "AWS::SQS::Queue" } },
  "Outputs": {
    "A": { "Value": { "Ref": "Queue" }, "Export": { "Name": "queue" } },
    "B": { "Condition": "IsProd", "Value": { "Ref": "Queue" }, "Export": { "Name": "queue" } }
  }
}
`,
      errors: [{ messageId: 'duplicate', line: 6 }],
    },
  ],
});
