import { rule } from '../../rules/unused-mapping';
import { ruleTester } from '../support/rule-tester';

const head = `Parameters:
  Env:
    Type: String
Mappings:
  Sizes:
    prod: { Count: 3 }
  Amis:
    us-east-1: { Id: ami-1 }
`;

ruleTester(rule, {
  valid: [
    {
      name: 'every mapping read by Fn::FindInMap',
      code: `${head}Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      DelaySeconds: !FindInMap [Sizes, !Ref Env, Count]
      QueueName: !Sub ['\${Ami}', { Ami: !FindInMap [Amis, !Ref AWS::Region, Id] }]
`,
    },
    {
      name: 'a computed mapping name may read any mapping',
      code: `${head}Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      DelaySeconds: !FindInMap [!Ref Env, prod, Count]
`,
    },
    {
      name: 'a macro may read any mapping',
      code: `Transform: MyMacro
${head}Resources:
  Queue:
    Type: AWS::SQS::Queue
`,
    },
  ],
  invalid: [
    {
      name: 'a mapping nothing reads',
      code: `${head}Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      DelaySeconds: !FindInMap [Sizes, !Ref Env, Count]
`,
      errors: [{ messageId: 'unused', line: 7, column: 3 }],
    },
    {
      name: 'JSON',
      code: `{
  "Mappings": { "Unused": { "a": { "b": "c" } } },
  "Resources": { "Queue": { "Type": "AWS::SQS::Queue" } }
}
`,
      errors: [{ messageId: 'unused', line: 2 }],
    },
  ],
});
