import { rule } from '../../rules/template-limits';
import { parseTemplate } from '../../src/parse';
import { ruleTester } from '../support/rule-tester';
import type { InvalidCase, ValidCase } from '../support/rule-tester';

const y = (...lines: string[]) => lines.join('\n') + '\n';
const queues = (n: number) => Array.from({ length: n }, (_, i) => `  Q${i}:\n    Type: AWS::SQS::Queue`);
const params = (n: number) => Array.from({ length: n }, (_, i) => `  P${i}:\n    Type: String`);
const longId = 'A'.repeat(256);

const valid: ValidCase[] = [
  { name: '500 resources', code: y('Resources:', ...queues(500)) },
  { name: '200 parameters', code: y('Parameters:', ...params(200), 'Resources:', ...queues(1)) },
  { name: '255-character id', code: y('Resources:', `  ${'A'.repeat(255)}:`, '    Type: AWS::SQS::Queue') },
  { name: '1,024-byte description', code: y(`Description: ${'x'.repeat(1024)}`, 'Resources:', ...queues(1)) },
  { name: 'ForEach keys are not counted as names', code: y('Transform: AWS::LanguageExtensions', 'Resources:', `  Fn::ForEach::${'L'.repeat(260)}:`, '    - N', '    - [a]', '    - Q${N}:', '        Type: AWS::SQS::Queue') },
];

const invalid: InvalidCase[] = [
  { name: '501 resources', code: y('Resources:', ...queues(501)), errors: [{ messageId: 'tooManyEntries', line: 1, column: 1 }] },
  { name: '201 parameters', code: y('Resources:', ...queues(1), 'Parameters:', ...params(201)), errors: [{ messageId: 'tooManyEntries', line: 4 }] },
  { name: '256-character logical id', code: y('Resources:', `  ${longId}:`, '    Type: AWS::SQS::Queue'), errors: [{ messageId: 'nameTooLong', line: 2, column: 3 }] },
  { name: '256-character output name', code: y('Resources:', ...queues(1), 'Outputs:', `  ${longId}:`, '    Value: x'), errors: [{ messageId: 'nameTooLong', line: 5 }] },
  { name: 'description over 1,024 bytes (multi-byte characters)', code: y(`Description: ${'é'.repeat(513)}`, 'Resources:', ...queues(1)), errors: [{ messageId: 'descriptionTooLong', line: 1 }] },
  {
    name: 'mapping with 201 top-level keys',
    code: y('Resources:', ...queues(1), 'Mappings:', '  Regions:', ...Array.from({ length: 201 }, (_, i) => `    k${i}:\n      v: x`)),
    errors: [{ messageId: 'tooManyAttributes', line: 5 }],
  },
  { name: 'body over 1,000,000 bytes', code: y(`Description: ${'x'.repeat(1_000_001)}`, 'Resources:', ...queues(1)), errors: [{ messageId: 'bodyTooLarge', line: 1 }, { messageId: 'descriptionTooLong', line: 1 }] },
];

ruleTester(rule, { valid, invalid });

// A case that does not parse draws no finding of this rule and would pass vacuously.
it.each([...valid, ...invalid].map((c, i) => [i, typeof c === 'string' ? c : c.code] as const))('case %i parses cleanly', (_i, code) => {
  expect(parseTemplate(code).problems).toEqual([]);
});
