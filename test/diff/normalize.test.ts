/**
 * The normal form: values CloudFormation reads the same way compare equal, everything else does not.
 * Each side is YAML or JSON text, parsed by the real parser, so short and long forms are exercised.
 */
import { normalizeValue, valuesEqual } from '../../src/diff/normalize';
import type { TemplateValue } from '../../src/model/intrinsics';
import { parseTemplate } from '../../src/parse';

function value(text: string): TemplateValue | undefined {
  const parsed = parseTemplate(`V: ${text}\n`);
  if (!parsed.template || parsed.problems.length) throw new Error(`bad fixture ${text}: ${parsed.problems.map((p) => p.message)}`);
  return normalizeValue((parsed.template as unknown as { V: TemplateValue }).V);
}

const equal: Array<[string, string, string]> = [
  ['GetAtt string vs list', '!GetAtt Table.Arn', '{"Fn::GetAtt": ["Table", "Arn"]}'],
  ['GetAtt dotted attribute', '!GetAtt Db.Endpoint.Address', '{"Fn::GetAtt": ["Db", "Endpoint.Address"]}'],
  ['long-form GetAtt string', '{"Fn::GetAtt": "Table.Arn"}', '!GetAtt [Table, Arn]'],
  ['short vs long Ref', '!Ref Vpc', '{"Ref": "Vpc"}'],
  ['short vs long Sub', "!Sub '${AWS::StackName}-x'", '{"Fn::Sub": "${AWS::StackName}-x"}'],
  ['Sub with empty variables', '!Sub [x, {}]', '!Sub x'],
  ['number vs numeric string', '30', '"30"'],
  ['float number vs string', '1.5', '"1.5"'],
  ['boolean vs string', 'true', '"true"'],
  ['false vs string', 'false', '"false"'],
  ['key order', '{a: 1, b: [p, q]}', '{"b": ["p", "q"], "a": "1"}'],
  ['NoValue property is absent', '{a: 1, b: !Ref AWS::NoValue}', '{a: 1}'],
  ['NoValue list item is absent', '[a, !Ref AWS::NoValue]', '[a]'],
  ['nested numbers inside intrinsics', '!Select [0, !GetAZs ""]', '{"Fn::Select": ["0", {"Fn::GetAZs": ""}]}'],
];

const different: Array<[string, string, string]> = [
  ['numeric strings are text', '"5.7"', '"5.70"'],
  ['list order', '[a, b]', '[b, a]'],
  ['NoValue inside Fn::If is an operand', '!If [C, a, !Ref AWS::NoValue]', '!If [C, a, b]'],
  ['different attribute', '!GetAtt Table.Arn', '!GetAtt Table.StreamArn'],
  ['Ref vs literal', '!Ref Vpc', 'Vpc'],
  ['null vs empty string', 'null', '""'],
  ['Sub variables matter', '!Sub [x, {A: 1}]', '!Sub x'],
];

describe('normalizeValue / valuesEqual', () => {
  test.each(equal)('equal: %s', (_, a, b) => {
    expect(valuesEqual(value(a), value(b))).toBe(true);
  });
  test.each(different)('different: %s', (_, a, b) => {
    expect(valuesEqual(value(a), value(b))).toBe(false);
  });
});
