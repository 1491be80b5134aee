import { rule } from '../../rules/parse-syntax';
import { ruleTester } from '../support/rule-tester';

ruleTester(rule, {
  valid: ['Resources:\n  A:\n    Type: AWS::SQS::Queue\n', '{"Resources": {"A": {"Type": "AWS::SQS::Queue"}}}\n'],
  invalid: [
    { name: 'unclosed flow sequence', code: 'Resources:\n  A: [1, 2\n', errors: [{ messageId: 'syntax', line: 3 }] },
    { name: 'invalid JSON', code: '{\n  "Resources": {\n    "A": {]\n}\n', errors: [{ messageId: 'syntax', line: 3 }] },
    { name: 'empty file', code: '', errors: [{ messageId: 'empty', line: 1 }] },
    { name: 'tab indentation', code: 'Resources:\n\tA: 1\n', errors: [{ messageId: 'tab-indent', line: 2, column: 1 }] },
    { name: 'top-level list', code: '- Resources\n', errors: [{ messageId: 'not-a-mapping', line: 1, column: 1 }] },
  ],
});
