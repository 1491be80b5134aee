import { rule } from '../../rules/parameter-default';
import { parseTemplate } from '../../src/parse';
import { ruleTester } from '../support/rule-tester';
import type { InvalidCase, ValidCase } from '../support/rule-tester';

const y = (...lines: string[]) => lines.join('\n') + '\n';
const param = (...lines: string[]) => y('Parameters:', '  P:', ...lines.map((l) => `    ${l}`), 'Resources: {}');

const valid: ValidCase[] = [
  param('Type: String', 'Default: b', 'AllowedValues: [a, b]'),
  param('Type: String', 'Default: abc', 'AllowedPattern: "[a-z]+"', 'MinLength: 3', 'MaxLength: 3'),
  param('Type: Number', 'Default: 5', 'MinValue: 1', 'MaxValue: "10"'),
  { name: 'number default among numbers', code: param('Type: Number', 'Default: 2', 'AllowedValues: [1, 2]') },
  { name: 'unquoted YAML N read as text', code: param('Type: String', 'Default: N', 'AllowedPattern: "[YN]"', 'MaxLength: 1') },
  { name: 'list items checked one by one', code: param('Type: CommaDelimitedList', 'Default: "a, b"', 'AllowedValues: [a, b, c]', 'AllowedPattern: "[a-c]"') },
  { name: 'List<Number> in range', code: param('Type: List<Number>', 'Default: "1,2"', 'MinValue: 1', 'MaxValue: 2') },
  { name: 'SSM value types name a parameter', code: param('Type: AWS::SSM::Parameter::Value<String>', 'Default: /app/env', 'AllowedValues: [dev, prod]') },
  { name: 'Java-only pattern is skipped', code: param('Type: String', 'Default: ABC', 'AllowedPattern: "(?i)[a-z]+"') },
  { name: 'Java POSIX class is skipped', code: param('Type: String', 'Default: abc1', "AllowedPattern: '\\p{Alnum}+'") },
  { name: 'Java \\A anchor is skipped', code: param('Type: String', 'Default: abc', "AllowedPattern: '\\A[a-z]+\\z'") },
  { name: 'Unicode property class', code: param('Type: String', 'Default: é', "AllowedPattern: '\\p{L}+'") },
  { name: 'no Default', code: param('Type: String', 'AllowedValues: [a]') },
  { name: 'JSON', code: '{"Parameters": {"P": {"Type": "String", "Default": "1", "AllowedValues": ["1", "2"], "MinLength": "1"}}, "Resources": {}}\n' },
];

const invalid: InvalidCase[] = [
  { name: 'not in AllowedValues', code: param('Type: String', 'Default: staging', 'AllowedValues: [dev, prod]'), errors: [{ messageId: 'notAllowedValue', line: 4, column: 14, resource: 'P' }] },
  { name: 'pattern must match the whole value', code: param('Type: String', 'Default: abc1', 'AllowedPattern: "[a-z]+"'), errors: [{ messageId: 'patternMismatch', line: 4 }] },
  { name: 'too short', code: param('Type: String', 'Default: ""', 'MinLength: 1'), errors: [{ messageId: 'tooShort', line: 4 }] },
  { name: 'too long', code: param('Type: String', 'Default: abcd', 'MaxLength: 3'), errors: [{ messageId: 'tooLong', line: 4 }] },
  { name: 'below MinValue', code: param('Type: Number', 'Default: 80', 'MinValue: 1024'), errors: [{ messageId: 'belowMin', line: 4 }] },
  { name: 'above MaxValue', code: param('Type: Number', 'Default: "70000"', 'MaxValue: 65535'), errors: [{ messageId: 'aboveMax', line: 4 }] },
  { name: 'Number default not a number', code: param('Type: Number', 'Default: ten'), errors: [{ messageId: 'notANumber', line: 4 }] },
  { name: 'list item not allowed', code: param('Type: CommaDelimitedList', 'Default: "a,d"', 'AllowedValues: [a, b]'), errors: [{ messageId: 'notAllowedValue', line: 4 }] },
  { name: 'List<Number> item out of range', code: param('Type: List<Number>', 'Default: "1,5"', 'MaxValue: 3'), errors: [{ messageId: 'aboveMax', line: 4 }] },
];

ruleTester(rule, { valid, invalid });

// A case that does not parse draws no finding of this rule and would pass vacuously.
it.each([...valid, ...invalid].map((c, i) => [i, typeof c === 'string' ? c : c.code] as const))('case %i parses cleanly', (_i, code) => {
  expect(parseTemplate(code).problems).toEqual([]);
});
