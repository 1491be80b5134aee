import { rule } from '../../rules/unused-condition';
import { ruleTester } from '../support/rule-tester';

const head = `Parameters:
  Env:
    Type: String
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Equals [!Ref Env, dev]
  IsUsEast1: !Equals [!Ref AWS::Region, us-east-1]
`;

ruleTester(rule, {
  valid: [
    {
      name: 'used by a resource, an output, Fn::If and another condition',
      code: `${head}  IsProdInUsEast1: !And [!Condition IsProd, !Condition IsUsEast1]
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Condition: IsProdInUsEast1
    Properties:
      DelaySeconds: !If [IsDev, 0, 5]
Outputs:
  Url:
    Condition: IsProdInUsEast1
    Value: !Ref Queue
`,
    },
    {
      name: 'a macro may use any condition',
      code: `Transform: MyMacro
${head}Resources:
  Queue:
    Type: AWS::SQS::Queue
`,
    },
  ],
  invalid: [
    {
      name: 'conditions nothing uses',
      code: `${head}Resources:
  Queue:
    Type: AWS::SQS::Queue
    Condition: IsProd
`,
      errors: [
        { messageId: 'unused', line: 6, column: 3 },
        { messageId: 'unused', line: 7, column: 3 },
      ],
    },
    {
      name: 'JSON',
      code: `{
  "Conditions": { "Never": { "Fn::Equals": ["a", "b"] } },
  "Resources": { "Queue": { "Type": "AWS::SQS::Queue" } }
}
`,
      errors: [{ messageId: 'unused', line: 2 }],
    },
  ],
});
