import { rule } from '../../rules/resources-required';
import { parseTemplate } from '../../src/parse';
import { ruleTester } from '../support/rule-tester';
import type { InvalidCase, ValidCase } from '../support/rule-tester';

const valid: ValidCase[] = [
  'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n',
  { name: 'only a ForEach loop', code: 'Transform: AWS::LanguageExtensions\nResources:\n  Fn::ForEach::Queues:\n    - Name\n    - [A, B]\n    - Queue${Name}:\n        Type: AWS::SQS::Queue\n' },
  { name: 'wrong type is template-sections\'', code: 'Resources: [1]\n' },
  { name: 'AWS::Include supplies the resources', code: 'Resources:\n  Fn::Transform:\n    Name: AWS::Include\n    Parameters: {Location: s3://b/r.yaml}\n' },
];

const invalid: InvalidCase[] = [
  { name: 'missing', code: 'Parameters:\n  Env:\n    Type: String\n', errors: [{ messageId: 'missing', line: 1 }] },
  { name: 'empty mapping', code: 'Description: x\nResources: {}\n', errors: [{ messageId: 'empty', line: 2, column: 1 }] },
  { name: 'empty value', code: 'Description: x\nResources:\n', errors: [{ messageId: 'empty', line: 2 }] },
  { name: 'JSON', code: '{\n  "Resources": {}\n}\n', errors: [{ messageId: 'empty', line: 2 }] },
];

ruleTester(rule, { valid, invalid });

// A case that does not parse draws no finding of this rule and would pass vacuously.
it.each([...valid, ...invalid].map((c, i) => [i, typeof c === 'string' ? c : c.code] as const))('case %i parses cleanly', (_i, code) => {
  expect(parseTemplate(code).problems).toEqual([]);
});
