import { rule } from '../../rules/template-format-version';
import { parseTemplate } from '../../src/parse';
import { ruleTester } from '../support/rule-tester';
import type { InvalidCase, ValidCase } from '../support/rule-tester';

const queue = 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n';

const valid: ValidCase[] = [
  { name: 'quoted', code: `AWSTemplateFormatVersion: "2010-09-09"\n${queue}` },
  { name: 'unquoted date-looking YAML value', code: `AWSTemplateFormatVersion: 2010-09-09\n${queue}` },
  { name: 'absent', code: queue },
  { name: 'JSON', code: '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}}\n' },
];

const invalid: InvalidCase[] = [
  { name: 'other date', code: `AWSTemplateFormatVersion: "2010-09-10"\n${queue}`, errors: [{ messageId: 'wrongVersion', line: 1, column: 27 }] },
  { name: 'number', code: `AWSTemplateFormatVersion: 2010\n${queue}`, errors: [{ messageId: 'notAString', line: 1 }] },
  { name: 'JSON', code: '{\n  "AWSTemplateFormatVersion": "2012-01-01",\n  "Resources": {}\n}\n', errors: [{ messageId: 'wrongVersion', line: 2 }] },
];

ruleTester(rule, { valid, invalid });

// A case that does not parse draws no finding of this rule and would pass vacuously.
it.each([...valid, ...invalid].map((c, i) => [i, typeof c === 'string' ? c : c.code] as const))('case %i parses cleanly', (_i, code) => {
  expect(parseTemplate(code).problems).toEqual([]);
});
