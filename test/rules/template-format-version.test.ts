import { rule } from '../../rules/template-format-version';
import { ruleTester } from '../support/rule-tester';

const queue = 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n';

ruleTester(rule, {
  valid: [
    { name: 'quoted', code: `AWSTemplateFormatVersion: "2010-09-09"\n${queue}` },
    { name: 'unquoted date-looking YAML value', code: `AWSTemplateFormatVersion: 2010-09-09\n${queue}` },
    { name: 'absent', code: queue },
    { name: 'JSON', code: '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}}\n' },
  ],
  invalid: [
    { name: 'other date', code: `AWSTemplateFormatVersion: "2010-09-10"\n${queue}`, errors: [{ messageId: 'wrongVersion', line: 1, column: 27 }] },
    { name: 'number', code: `AWSTemplateFormatVersion: 2010\n${queue}`, errors: [{ messageId: 'notAString', line: 1 }] },
    { name: 'JSON', code: '{\n  "AWSTemplateFormatVersion": "2012-01-01",\n  "Resources": {}\n}\n', errors: [{ messageId: 'wrongVersion', line: 2 }] },
  ],
});
