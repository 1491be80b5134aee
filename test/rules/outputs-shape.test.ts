import { rule } from '../../rules/outputs-shape';
import { parseTemplate } from '../../src/parse';
import { ruleTester } from '../support/rule-tester';
import type { InvalidCase, ValidCase } from '../support/rule-tester';

const y = (...lines: string[]) => lines.join('\n') + '\n';
const output = (...lines: string[]) => y('Resources:', '  Q:', '    Type: AWS::SQS::Queue', 'Outputs:', '  O:', ...lines.map((l) => `    ${l}`));

const valid: ValidCase[] = [
  output('Description: Queue URL', 'Condition: IsProd', 'Value: !Ref Q', 'Export:', '  Name: !Sub "${AWS::StackName}-queue"'),
  output('Value: !Join [",", !GetAZs ""]'),
  output('Value: !GetAtt Q.Arn'),
  output('Value: 42'),
  {
    name: 'outputs inside Fn::ForEach',
    code: y('Transform: AWS::LanguageExtensions', 'Resources:', '  Q:', '    Type: AWS::SQS::Queue', 'Outputs:', '  Fn::ForEach::Out:', '    - N', '    - [a, b]', '    - ${N}Url:', '        Value: !Ref Q'),
  },
  { name: 'AWS::Include as an output', code: y('Resources: {}', 'Outputs:', '  O:', '    Fn::Transform: {Name: AWS::Include, Parameters: {Location: s3://b/k}}') },
  { name: 'AWS::Include beside output keys', code: y('Resources: {}', 'Outputs:', '  O:', '    Description: d', '    Fn::Transform: {Name: AWS::Include, Parameters: {Location: s3://b/k}}') },
  { name: 'LanguageExtensions value', code: y('Transform: AWS::LanguageExtensions', 'Resources: {}', 'Outputs:', '  O:', '    Value: !ToJsonString {a: 1}') },
];

const invalid: InvalidCase[] = [
  { name: 'missing Value', code: output('Description: x'), errors: [{ messageId: 'missingValue', line: 5, column: 3, resource: 'O' }] },
  { name: 'not a mapping', code: y('Resources: {}', 'Outputs:', '  O: x'), errors: [{ messageId: 'notAMapping', line: 3 }] },
  { name: 'unknown key', code: output('Value: x', 'Exports: {Name: x}'), errors: [{ messageId: 'unknownKey', line: 7, column: 5 }] },
  { name: 'Export without Name', code: output('Value: x', 'Export:', '  Value: x'), errors: [{ messageId: 'exportName', line: 8 }, { messageId: 'exportUnknownKey', line: 8 }] },
  { name: 'Export as a string', code: output('Value: x', 'Export: name'), errors: [{ messageId: 'exportShape', line: 7 }] },
  { name: 'Export Name as a list', code: output('Value: x', 'Export:', '  Name: [a]'), errors: [{ messageId: 'valueNotString', line: 8 }] },
  { name: 'Description from a function', code: output('Description: !Sub "${AWS::StackName} queue"', 'Value: x'), errors: [{ messageId: 'descriptionNotString', line: 6 }] },
  { name: 'Description over 1,024 bytes', code: output(`Description: ${'d'.repeat(1025)}`, 'Value: x'), errors: [{ messageId: 'descriptionTooLong', line: 6 }] },
  { name: 'Condition not a string', code: output('Value: x', 'Condition: !Equals [a, b]'), errors: [{ messageId: 'conditionNotString', line: 7 }] },
  { name: 'Value a literal list', code: output('Value: [a, b]'), errors: [{ messageId: 'valueNotString', line: 6 }] },
  { name: 'Value a list function', code: output('Value: !GetAZs ""'), errors: [{ messageId: 'valueNotString', line: 6 }] },
  { name: 'JSON', code: '{\n  "Resources": {},\n  "Outputs": {\n    "O": {"Description": "x"}\n  }\n}\n', errors: [{ messageId: 'missingValue', line: 4, column: 5 }] },
];

ruleTester(rule, { valid, invalid });

// A case that does not parse draws no finding of this rule and would pass vacuously.
it.each([...valid, ...invalid].map((c, i) => [i, typeof c === 'string' ? c : c.code] as const))('case %i parses cleanly', (_i, code) => {
  expect(parseTemplate(code).problems).toEqual([]);
});
