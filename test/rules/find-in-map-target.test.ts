import { rule } from '../../rules/find-in-map-target';
import { ruleTester } from '../support/rule-tester';

const mappings = `Parameters:
  Env:
    Type: String
Mappings:
  Sizes:
    prod:
      Instance: m5.large
      Count: 3
    dev:
      Instance: t3.micro
      Count: 1
  Ports:
    '443':
      Name: https
`;

ruleTester(rule, {
  valid: [
    {
      name: 'literal keys that exist, numeric keys',
      code: `${mappings}Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !FindInMap [Sizes, prod, Instance]
      DelaySeconds: !FindInMap [Ports, 443, Name]
`,
    },
    {
      name: 'computed keys and mapping names are not resolved',
      code: `${mappings}Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !FindInMap [Sizes, !Ref Env, Instance]
      DelaySeconds: !FindInMap [!Ref Env, prod, Anything]
      MaximumMessageSize: !FindInMap [Sizes, !Ref Env, !Ref AWS::Region]
`,
    },
    {
      name: 'a DefaultValue (AWS::LanguageExtensions) covers missing keys',
      code: `Transform: AWS::LanguageExtensions
${mappings}Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !FindInMap [Sizes, staging, Instance, DefaultValue: t3.small]
`,
    },
    {
      name: 'a macro may add mappings',
      code: `Transform: MyMacro
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !FindInMap [MacroMap, a, b]
`,
    },
  ],
  invalid: [
    {
      name: 'a missing mapping',
      code: `${mappings}Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !FindInMap [Size, prod, Instance]
`,
      errors: [{ messageId: 'missingMap', line: 19, resource: 'Queue' }],
    },
    {
      name: 'a missing top-level key',
      code: `${mappings}Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !FindInMap [Sizes, staging, Instance]
`,
      errors: [{ messageId: 'missingTopKey', line: 19 }],
    },
    {
      name: 'a missing second-level key, long form',
      code: `${mappings}Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName:
        Fn::FindInMap:
          - Sizes
          - !Ref Env
          - Instance
      DelaySeconds:
        Fn::FindInMap:
          - Sizes
          - dev
          - Instances
`,
      errors: [{ messageId: 'missingSecondKey', line: 28 }],
    },
    {
      name: 'a computed top-level key with a second-level key no entry holds',
      code: `${mappings}Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !FindInMap [Sizes, !Ref Env, InstanceType]
`,
      errors: [{ messageId: 'missingSecondKeyAnywhere', line: 19 }],
    },
    {
      name: 'no Mappings section, JSON',
      code: `{
  "Resources": {
    "Queue": { "Type": "AWS::SQS::Queue", "Properties": { "QueueName": { "Fn::FindInMap": ["Sizes", "prod", "Name"] } } }
  }
}
`,
      errors: [{ messageId: 'missingMap', line: 3 }],
    },
  ],
});
