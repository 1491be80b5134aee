import { rule } from '../../rules/circular-condition';
import { ruleTester, runRule } from '../support/rule-tester';

const head = `Parameters:
  Env:
    Type: String
Resources:
  Queue:
    Type: AWS::SQS::Queue
Conditions:
`;

ruleTester(rule, {
  valid: [
    {
      name: 'conditions built from other conditions, without a cycle',
      code: `${head}  IsProd: !Equals [!Ref Env, prod]
  IsUsEast1: !Equals [!Ref AWS::Region, us-east-1]
  IsProdInUsEast1: !And [!Condition IsProd, !Condition IsUsEast1]
  NotProdInUsEast1: !Not [!Condition IsProdInUsEast1]
  Either: !Or [!Condition IsProdInUsEast1, !Condition NotProdInUsEast1]
`,
    },
    {
      name: 'a resource Condition and Fn::If name conditions but are not condition dependencies',
      code: `Parameters:
  Env:
    Type: String
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Condition: IsProd
    Properties:
      DelaySeconds: !If [IsProd, 0, 5]
`,
    },
    {
      name: 'a Condition key in resource data is not a condition dependency',
      code: `Conditions:
  IsProd: !Equals [!Ref AWS::Region, us-east-1]
Resources:
  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: s3:GetObject
            Resource: '*'
            Condition: { StringEquals: { 'aws:RequestedRegion': us-east-1 } }
`,
    },
  ],
  invalid: [
    {
      name: 'two conditions that name each other',
      code: `${head}  A: !And [!Condition B, !Equals [!Ref Env, prod]]
  B: !Or [!Condition A, !Equals [!Ref Env, dev]]
`,
      errors: [{ messageId: 'cycle', line: 8, column: 3, resource: null }],
    },
    {
      name: 'a condition that names itself',
      code: `${head}  Loop: !Not [!Condition Loop]
`,
      errors: [{ messageId: 'cycle', line: 8, column: 3 }],
    },
    {
      name: 'JSON long form: each separate cycle once, on its first condition',
      code: `{
  "Resources": { "Queue": { "Type": "AWS::SQS::Queue" } },
  "Conditions": {
    "Fine": { "Fn::Equals": [{ "Ref": "AWS::Region" }, "us-east-1"] },
    "X": { "Fn::Not": [{ "Condition": "Y" }] },
    "Y": { "Fn::And": [{ "Condition": "Z" }, { "Condition": "Fine" }] },
    "Z": { "Fn::Or": [{ "Condition": "X" }, { "Condition": "Fine" }] },
    "P": { "Fn::Not": [{ "Condition": "Q" }] },
    "Q": { "Fn::Not": [{ "Condition": "P" }] }
  }
}
`,
      errors: [
        { messageId: 'cycle', line: 5, column: 5 },
        { messageId: 'cycle', line: 8, column: 5 },
      ],
    },
  ],
});

describe('circular-condition messages', () => {
  it('names the cycle in the order it closes', () => {
    const [f] = runRule(rule, `${head}  A: !And [!Condition B, !Equals [!Ref Env, prod]]\n  B: !Or [!Condition C, !Condition A]\n  C: !Not [!Condition A]\n`);
    expect(f.message).toBe('circular dependency between conditions: A → B → A');
    expect(f.path).toBe('Conditions/A');
  });

  it('shortens a long cycle and gives its length', () => {
    const names = Array.from({ length: 12 }, (_, i) => `C${i}`);
    const body = names.map((n, i) => `  ${n}: !Not [!Condition ${names[(i + 1) % names.length]}]\n`).join('');
    const [f] = runRule(rule, head + body);
    expect(f.message).toBe('circular dependency between conditions: C0 → C1 → C2 → C3 → C4 → C5 → C6 → C7 → … → C0 (12 conditions)');
  });
});
