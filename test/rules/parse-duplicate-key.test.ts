import { rule } from '../../rules/parse-duplicate-key';
import { ruleTester } from '../support/rule-tester';

ruleTester(rule, {
  valid: ['Resources:\n  A:\n    Type: AWS::SQS::Queue\n  B:\n    Type: AWS::SQS::Queue\n'],
  invalid: [
    { name: 'YAML', code: 'Resources:\n  A:\n    Type: AWS::SQS::Queue\n  A:\n    Type: AWS::SNS::Topic\n', errors: [{ messageId: 'duplicate-key', line: 4, column: 3 }] },
    { name: 'JSON', code: '{\n  "Resources": {},\n  "Resources": {}\n}\n', errors: [{ messageId: 'duplicate-key', line: 3, column: 3 }] },
    { name: 'property', code: 'Resources:\n  A:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: 1\n      DelaySeconds: 2\n', errors: [{ messageId: 'duplicate-key', line: 6 }] },
  ],
});
