import { rule } from '../../rules/template-body-size';
import { parseTemplate } from '../../src/parse';
import { ruleTester } from '../support/rule-tester';
import type { InvalidCase, ValidCase } from '../support/rule-tester';

const y = (...lines: string[]) => lines.join('\n') + '\n';
const queue = ['Resources:', '  Queue:', '    Type: AWS::SQS::Queue'];
/** A template of exactly `bytes` UTF-8 bytes. */
const sized = (bytes: number) => {
  const base = y('Description: ', ...queue);
  return base.replace('Description: ', `Description: ${'x'.repeat(bytes - base.length)}`);
};

const valid: ValidCase[] = [
  { name: 'small', code: y(...queue) },
  { name: 'exactly 51,200 bytes', code: sized(51_200) },
  { name: 'over 1 MB is template-limits\' error', code: sized(1_000_001) },
];

const invalid: InvalidCase[] = [
  { name: '51,201 bytes', code: sized(51_201), errors: [{ messageId: 'needsS3', line: 1, column: 1 }] },
  { name: 'multi-byte characters count as bytes', code: y(`Description: ${'€'.repeat(17_100)}`, ...queue), errors: [{ messageId: 'needsS3', line: 1 }] },
];

ruleTester(rule, { valid, invalid });

// A case that does not parse draws no finding of this rule and would pass vacuously.
it.each([...valid, ...invalid].map((c, i) => [i, typeof c === 'string' ? c : c.code] as const))('case %i parses cleanly', (_i, code) => {
  expect(parseTemplate(code).problems).toEqual([]);
});
