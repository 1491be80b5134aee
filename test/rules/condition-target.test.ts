import { rule } from '../../rules/condition-target';
import { ruleTester } from '../support/rule-tester';

const conditions = `Parameters:
  Env:
    Type: String
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsUsEast1: !Equals [!Ref AWS::Region, us-east-1]
`;

ruleTester(rule, {
  valid: [
    {
      name: 'resource and output conditions, Fn::If, the Condition function',
      code: `${conditions}  IsProdInUsEast1: !And [!Condition IsProd, {Condition: IsUsEast1}]
  NotProd: !Not [!Condition IsProd]
  Alias:
    Condition: IsProd
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Condition: IsProdInUsEast1
    Properties:
      DelaySeconds: !If [NotProd, 0, !Ref AWS::NoValue]
Outputs:
  Url:
    Condition: IsProdInUsEast1
    Value: !Ref Queue
`,
    },
    {
      name: 'Condition keys in properties are data (IAM policies, a property named Condition)',
      code: `${conditions}Resources:
  Role:
    Type: AWS::IAM::Role
    Condition: IsProd
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: ec2.amazonaws.com }
            Action: sts:AssumeRole
            Condition:
              StringEquals: { aws:SourceAccount: !Ref AWS::AccountId }
  Rule:
    Type: Custom::Rule
    Properties:
      Match:
        Condition: some-text
`,
    },
    {
      name: 'a macro may define conditions',
      code: `Transform: MyMacro
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Condition: MacroCondition
`,
    },
  ],
  invalid: [
    {
      name: 'resource Condition',
      code: `${conditions}Resources:
  Queue:
    Type: AWS::SQS::Queue
    Condition: IsProduction
`,
      errors: [{ messageId: 'missing', line: 10, column: 16, resource: 'Queue' }],
    },
    {
      name: 'output Condition',
      code: `${conditions}Resources:
  Queue:
    Type: AWS::SQS::Queue
Outputs:
  Url:
    Condition: IsDev
    Value: !Ref Queue
`,
      errors: [{ messageId: 'missing', line: 12, resource: 'Url' }],
    },
    {
      name: 'Fn::If, short and long form',
      code: `${conditions}Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      DelaySeconds: !If [IsStaging, 0, 5]
      MaximumMessageSize:
        Fn::If:
          - IsStaging
          - 1024
          - 2048
`,
      errors: [
        { messageId: 'missing', line: 11 },
        { messageId: 'missing', line: 14 },
      ],
    },
    {
      name: 'the Condition function in Conditions and in Fn::And / Fn::Or / Fn::Not',
      code: `${conditions}  Both: !And [!Condition IsProd, !Condition IsUsWest2]
  Either:
    Fn::Or:
      - Condition: IsDev
      - !Condition IsProd
  Neither: !Not [!Condition IsStaging]
  Same: !Condition IsProdd
`,
      errors: [
        { messageId: 'missing', line: 7 },
        { messageId: 'missing', line: 10 },
        { messageId: 'missing', line: 12 },
        { messageId: 'missing', line: 13 },
      ],
    },
    {
      name: 'no Conditions section at all, JSON',
      code: `{
  "Resources": {
    "Queue": { "Type": "AWS::SQS::Queue", "Condition": "IsProd" }
  }
}
`,
      errors: [{ messageId: 'missing', line: 3 }],
    },
  ],
});
