import { rule } from '../../rules/parameter-shape';
import { parseTemplate } from '../../src/parse';
import { ruleTester } from '../support/rule-tester';
import type { InvalidCase, ValidCase } from '../support/rule-tester';

const y = (...lines: string[]) => lines.join('\n') + '\n';
const param = (...lines: string[]) => y('Parameters:', '  P:', ...lines.map((l) => `    ${l}`), 'Resources: {}');

const valid: ValidCase[] = [
  param('Type: String', 'Description: d', 'Default: a', 'AllowedValues: [a, b]', 'AllowedPattern: "[a-z]+"', 'MinLength: 1', 'MaxLength: 5', 'ConstraintDescription: c', 'NoEcho: true'),
  param('Type: Number', 'Default: 5', 'MinValue: 1', 'MaxValue: 10'),
  ...['CommaDelimitedList', 'List<Number>', 'List<String>', 'AWS::EC2::VPC::Id', 'List<AWS::EC2::Subnet::Id>', 'AWS::EC2::KeyPair::KeyName', 'AWS::SSM::Parameter::Name', 'AWS::SSM::Parameter::Value<String>', 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>', 'AWS::SSM::Parameter::Value<List<String>>', 'AWS::Route53::HostedZone::Id', 'List<AWS::EC2::KeyPair::KeyName>', 'AWS::SSM::Parameter::Value<Boolean>'].map((type) => ({ name: type, code: param(`Type: ${type}`) })),
  { name: 'quoted numbers and booleans (JSON style)', code: '{"Parameters": {"P": {"Type": "String", "MinLength": "1", "MaxLength": "8", "NoEcho": "true"}}, "Resources": {}}\n' },
  { name: 'a function in Default is intrinsic-placement\'s', code: param('Type: String', 'Default: !Ref AWS::Region') },
  { name: 'Number bounds as strings', code: param('Type: Number', 'MinValue: "0.5"', 'MaxValue: "10"') },
];

const invalid: InvalidCase[] = [
  { name: 'missing Type', code: param('Default: a'), errors: [{ messageId: 'missingType', line: 2, column: 3, resource: 'P' }] },
  { name: 'unknown type', code: param('Type: Boolean'), errors: [{ messageId: 'badType', line: 3 }] },
  { name: 'lower-case type', code: param('Type: string'), errors: [{ messageId: 'badType', line: 3 }] },
  { name: 'unclosed List', code: param('Type: List<String'), errors: [{ messageId: 'badType', line: 3 }] },
  { name: 'Type as a list', code: param('Type: [String]'), errors: [{ messageId: 'typeNotString', line: 3 }] },
  { name: 'not a mapping', code: y('Parameters:', '  P: String', 'Resources: {}'), errors: [{ messageId: 'notAMapping', line: 2 }] },
  { name: 'unknown key', code: param('Type: String', 'Label: Name'), errors: [{ messageId: 'unknownKey', line: 4, column: 5 }] },
  { name: 'MinLength on a Number', code: param('Type: Number', 'MinLength: 1'), errors: [{ messageId: 'keyNotForType', line: 4 }] },
  { name: 'MaxValue on a String', code: param('Type: String', 'MaxValue: 1'), errors: [{ messageId: 'keyNotForType', line: 4 }] },
  { name: 'AllowedValues not a list', code: param('Type: String', 'AllowedValues: a'), errors: [{ messageId: 'valueType', line: 4 }] },
  { name: 'Default as a list', code: param('Type: CommaDelimitedList', 'Default: [a, b]'), errors: [{ messageId: 'valueType', line: 4 }] },
  { name: 'negative MinLength', code: param('Type: String', 'MinLength: -1'), errors: [{ messageId: 'valueType', line: 4 }] },
  { name: 'NoEcho yes-ish string', code: param('Type: String', 'NoEcho: "yes please"'), errors: [{ messageId: 'valueType', line: 4 }] },
  { name: 'MinValue over MaxValue', code: param('Type: Number', 'MinValue: 10', 'MaxValue: 1'), errors: [{ messageId: 'minAboveMax', line: 4 }] },
  { name: 'Description over 4,000 characters', code: param('Type: String', `Description: ${'d'.repeat(4001)}`), errors: [{ messageId: 'descriptionTooLong', line: 4 }] },
];

ruleTester(rule, { valid, invalid });

// A case that does not parse draws no finding of this rule and would pass vacuously.
it.each([...valid, ...invalid].map((c, i) => [i, typeof c === 'string' ? c : c.code] as const))('case %i parses cleanly', (_i, code) => {
  expect(parseTemplate(code).problems).toEqual([]);
});
