import { rule } from '../../rules/resources-required';
import { ruleTester } from '../support/rule-tester';

ruleTester(rule, {
  valid: [
    'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n',
    { name: 'only a ForEach loop', code: 'Transform: AWS::LanguageExtensions\nResources:\n  Fn::ForEach::Queues:\n    - Name\n    - [A, B]\n    - Queue${Name}:\n        Type: AWS::SQS::Queue\n' },
    { name: 'wrong type is template-sections\'', code: 'Resources: [1]\n' },
  ],
  invalid: [
    { name: 'missing', code: 'Parameters:\n  Env:\n    Type: String\n', errors: [{ messageId: 'missing', line: 1 }] },
    { name: 'empty mapping', code: 'Description: x\nResources: {}\n', errors: [{ messageId: 'empty', line: 2, column: 1 }] },
    { name: 'empty value', code: 'Description: x\nResources:\n', errors: [{ messageId: 'empty', line: 2 }] },
    { name: 'JSON', code: '{\n  "Resources": {}\n}\n', errors: [{ messageId: 'empty', line: 2 }] },
  ],
});
