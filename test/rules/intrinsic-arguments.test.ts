import { rule } from '../../rules/intrinsic-arguments';
import { parseTemplate } from '../../src/parse';
import { ruleTester } from '../support/rule-tester';
import type { InvalidCase, ValidCase } from '../support/rule-tester';

const y = (...lines: string[]) => lines.join('\n') + '\n';
/** A template whose topic's TopicName (line 5) is `value`; `before` lines go on top (shifting lines). */
const prop = (value: string, ...before: string[]) => y(...before, 'Resources:', '  Topic:', '    Type: AWS::SNS::Topic', '    Properties:', `      TopicName: ${value}`);
const LE = 'Transform: AWS::LanguageExtensions';

const valid: ValidCase[] = [
  prop('!Ref AWS::StackName'),
  prop('!GetAtt Queue.Arn'),
  prop('!GetAtt [Queue, Arn]'),
  prop('!GetAtt [Stack, Outputs.Name]'),
  prop('!GetAtt [Queue, !Ref AttributeName]'),
  prop('!Sub "${AWS::StackName}-topic"'),
  prop('!Sub ["${A}-${B}", {A: !Ref AWS::Region, B: !Select [0, !GetAZs ""]}]'),
  prop('!Join ["-", [!Ref AWS::StackName, !GetAtt Queue.QueueName, 3]]'),
  prop('!Join [",", !Ref Subnets]'),
  { name: 'Join of GetAZs (CloudFormation joins the list)', code: prop('!Join [",", !GetAZs ""]') },
  prop('!Join ["", !If [IsProd, [a], [b]]]'),
  prop('!Select [0, !Split [",", !Ref List]]'),
  prop('!Select ["1", [a, b]]'),
  prop('!Select [!Ref Index, {Fn::GetAZs: !Ref AWS::Region}]'),
  prop('!Select [0, !Cidr [!GetAtt Vpc.CidrBlock, 4, 8]]'),
  prop('!Select [0, !Cidr ["10.0.0.0/16", "4", "8"]]'),
  prop('!Select [0, !Cidr ["2001:db8::/56", 2, 64]]'),
  prop('!Split [",", !ImportValue shared-subnets]'),
  prop('!If [IsProd, !Ref AWS::NoValue, name]'),
  prop('!FindInMap [Map, !Ref AWS::Region, Name]'),
  prop('!FindInMap [Map, 10, !FindInMap [Other, a, b]]'),
  prop('!ImportValue {Fn::Sub: "${Env}-vpc"}'),
  prop('{Fn::ImportValue: !Join ["-", [!Ref Env, !FindInMap [M, a, b]]]}'),
  prop('{Fn::Base64: !Sub "#!/bin/bash\\necho ${AWS::Region}"}'),
  prop('!GetAZs ""'),
  prop('!GetAZs'),
  prop('!GetAZs us-east-1'),
  { name: 'conditions', code: y('Conditions:', '  A: !Equals [!Ref Env, prod]', '  B: !And [!Condition A, !Not [!Equals [!Ref Env, dev]]]', '  C: !Or [!Condition A, !Condition B, !Equals ["", !Join ["", !Ref List]]]', 'Resources: {}') },
  { name: 'Rules functions inside condition functions', code: y('Rules:', '  R:', '    RuleCondition: !Not [{Fn::Contains: [[a], !Ref Env]}]', '    Assertions:', '      - Assert: !And [{Fn::EachMemberIn: [!Ref L, [a]]}, !Equals [!Ref Env, a]]', 'Resources: {}') },
  { name: 'AWS::Include', code: prop('{Fn::Transform: {Name: AWS::Include, Parameters: {Location: s3://b/k}}}') },
  { name: 'macro calls as a list', code: prop('{Fn::Transform: [{Name: Date, Parameters: {Op: now}}]}') },
  { name: 'macro input is not checked', code: prop('{Fn::Transform: {Name: M, Parameters: {X: !Join [a]}}}') },
  { name: 'ImportValue of a parameter', code: y('Parameters:', '  Env:', '    Type: String', 'Resources:', '  Topic:', '    Type: AWS::SNS::Topic', '    Properties:', '      TopicName: !ImportValue {Fn::Sub: "${Env}-name"}') },
  { name: 'LanguageExtensions: Ref and GetAtt take functions', code: prop('!Join ["", [!Ref {Fn::Sub: "${A}"}, !GetAtt [!Sub "Q${A}", Arn]]]', LE) },
  { name: 'LanguageExtensions: FindInMap default', code: prop('!FindInMap [M, !Select [0, [a]], b, {DefaultValue: x}]', LE) },
  { name: 'LanguageExtensions: Select by Length', code: prop('!Select [{Fn::Length: [a, b]}, [a, b, c]]', LE) },
  { name: 'LanguageExtensions: ToJsonString', code: prop('!ToJsonString {a: !Ref AWS::Region}', LE) },
  {
      name: 'LanguageExtensions: ForEach',
      code: y(LE, 'Resources:', '  Fn::ForEach::Topics:', '    - Name', '    - !Ref Names', '    - Topic${Name}:', '        Type: AWS::SNS::Topic'),
    },
  { name: 'JSON', code: '{"Resources": {"T": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": {"Fn::Join": ["", [{"Ref": "AWS::Region"}]]}}}}}\n' },
];

const invalid: InvalidCase[] = [
  { name: 'Ref to a list', code: prop('{Ref: [a]}'), errors: [{ messageId: 'argument', line: 5, column: 18 }] },
  { name: 'Ref of a function', code: prop('!Ref {Fn::Sub: "${AWS::Region}"}'), errors: [{ messageId: 'functionNotAllowed', line: 5 }] },
  { name: 'empty Ref', code: prop('!Ref ""'), errors: [{ messageId: 'argument', line: 5 }] },
  { name: 'GetAtt without attribute', code: prop('!GetAtt Queue'), errors: [{ messageId: 'shape', line: 5 }] },
  { name: 'GetAtt with three items', code: prop('!GetAtt [Queue, Arn, X]'), errors: [{ messageId: 'shape', line: 5 }] },
  { name: 'GetAtt attribute from Sub', code: prop('!GetAtt [Queue, !Sub "${A}"]'), errors: [{ messageId: 'functionNotAllowed', line: 5 }] },
  { name: 'Sub with variables beside the string', code: prop('!Sub ["${A}", !Ref AWS::Region]'), errors: [{ messageId: 'argument', line: 5 }] },
  { name: 'Sub with one item', code: prop('!Sub ["${AWS::Region}"]'), errors: [{ messageId: 'shape', line: 5 }] },
  { name: 'Sub string from a function', code: prop('!Sub [!Ref Template, {}]'), errors: [{ messageId: 'functionNotAllowed', line: 5 }] },
  { name: 'Sub variable from a list function', code: prop('!Sub ["${A}", {A: !GetAZs ""}]'), errors: [{ messageId: 'functionNotAllowed', line: 5 }] },
  { name: 'Join without the list level', code: prop('!Join ["-", !Ref AWS::StackName, a]'), errors: [{ messageId: 'shape', line: 5 }] },
  { name: 'Join of a string function', code: prop('!Join ["-", !Sub "${A}"]'), errors: [{ messageId: 'functionNotAllowed', line: 5 }] },
  { name: 'Join item that is a list', code: prop('!Join ["-", [a, [b]]]'), errors: [{ messageId: 'argument', line: 5 }] },
  { name: 'Join delimiter from a function', code: prop('!Join [!Ref D, [a]]'), errors: [{ messageId: 'functionNotAllowed', line: 5 }] },
  { name: 'Select negative index', code: prop('!Select [-1, [a]]'), errors: [{ messageId: 'range', line: 5 }] },
  { name: 'Select index from GetAtt', code: prop('!Select [!GetAtt Q.Index, [a]]'), errors: [{ messageId: 'functionNotAllowed', line: 5 }] },
  { name: 'Select from a string', code: prop('!Select [0, "a,b"]'), errors: [{ messageId: 'argument', line: 5 }] },
  { name: 'Split delimiter missing', code: prop('!Split [!Ref List]'), errors: [{ messageId: 'shape', line: 5 }] },
  { name: 'Split of a list', code: prop('!Split [",", !GetAZs ""]'), errors: [{ messageId: 'functionNotAllowed', line: 5 }] },
  { name: 'If with two items', code: prop('!If [IsProd, a]'), errors: [{ messageId: 'shape', line: 5 }] },
  { name: 'If on an inline condition', code: prop('!If [!Equals [a, b], x, y]'), errors: [{ messageId: 'functionNotAllowed', line: 5 }] },
  { name: 'Equals with three items', code: y('Conditions:', '  A: !Equals [a, b, c]', 'Resources: {}'), errors: [{ messageId: 'shape', line: 2, column: 6 }] },
  { name: 'And with one condition', code: y('Conditions:', '  A: !And [!Condition B]', 'Resources: {}'), errors: [{ messageId: 'shape', line: 2 }] },
  { name: 'Or with 11 conditions', code: y('Conditions:', `  A: !Or [${Array(11).fill('!Condition B').join(', ')}]`, 'Resources: {}'), errors: [{ messageId: 'shape', line: 2 }] },
  { name: 'Not of a literal', code: y('Conditions:', '  A: !Not [true]', 'Resources: {}'), errors: [{ messageId: 'argument', line: 2 }] },
  { name: 'Not without a list', code: y('Conditions:', '  A: !Not {Condition: B}', 'Resources: {}'), errors: [{ messageId: 'shape', line: 2 }] },
  { name: 'And of a value function', code: y('Conditions:', '  A: !And [!Ref P, !Condition B]', 'Resources: {}'), errors: [{ messageId: 'functionNotAllowed', line: 2 }] },
  { name: 'FindInMap with two keys', code: prop('!FindInMap [Map, a]'), errors: [{ messageId: 'shape', line: 5 }] },
  { name: 'FindInMap default without the transform', code: prop('!FindInMap [Map, a, b, {DefaultValue: c}]'), errors: [{ messageId: 'shape', line: 5 }] },
  { name: 'FindInMap key from Select', code: prop('!FindInMap [Map, !Select [0, [a]], b]'), errors: [{ messageId: 'functionNotAllowed', line: 5 }] },
  { name: 'FindInMap bad fourth argument', code: prop('!FindInMap [Map, a, b, c]', LE), errors: [{ messageId: 'argument', line: 6 }] },
  { name: 'ImportValue of GetAtt', code: prop('!ImportValue {Fn::GetAtt: [Q, Name]}'), errors: [{ messageId: 'functionNotAllowed', line: 5 }] },
  { name: 'ImportValue depends on a resource', code: y('Resources:', '  Q:', '    Type: AWS::SQS::Queue', '  Topic:', '    Type: AWS::SNS::Topic', '    Properties:', '      TopicName: !ImportValue {Fn::Sub: "${Q}-name"}'), errors: [{ messageId: 'importDependsOnResource', line: 7 }] },
  { name: 'ImportValue Ref to a resource', code: y('Resources:', '  Q:', '    Type: AWS::SQS::Queue', '  Topic:', '    Type: AWS::SNS::Topic', '    Properties:', '      TopicName: {Fn::ImportValue: !Join ["-", [!Ref Q, x]]}'), errors: [{ messageId: 'importDependsOnResource', line: 7 }] },
  { name: 'Base64 of a list', code: prop('!Base64 [a]'), errors: [{ messageId: 'argument', line: 5 }] },
  { name: 'Cidr count out of range', code: prop('!Select [0, !Cidr ["10.0.0.0/16", 300, 8]]'), errors: [{ messageId: 'range', line: 5, column: 30 }] },
  { name: 'Cidr ipBlock not a CIDR', code: prop('!Select [0, !Cidr ["10.0.0.0", 4, 8]]'), errors: [{ messageId: 'cidrBlock', line: 5 }] },
  { name: 'Cidr with two items', code: prop('!Select [0, !Cidr ["10.0.0.0/16", 4]]'), errors: [{ messageId: 'shape', line: 5 }] },
  { name: 'GetAZs from Sub', code: prop('!Select [0, {Fn::GetAZs: !Sub "${AWS::Region}"}]'), errors: [{ messageId: 'functionNotAllowed', line: 5, column: 30 }] },
  { name: 'GetAZs null (JSON)', code: '{\n  "Resources": {"T": {"Type": "AWS::SNS::Topic", "Properties": {\n    "TopicName": {"Fn::Select": [0, {"Fn::GetAZs": null}]}\n  }}}\n}\n', errors: [{ messageId: 'argument', line: 3 }] },
  { name: 'Transform without Name', code: prop('{Fn::Transform: {Parameters: {}}}'), errors: [{ messageId: 'shape', line: 5 }] },
  { name: 'ToJsonString of a string', code: prop('!ToJsonString abc', LE), errors: [{ messageId: 'argument', line: 6 }] },
  { name: 'Length of a string', code: prop('!Join ["", [{Fn::Length: abc}]]', LE), errors: [{ messageId: 'argument', line: 6 }] },
  {
      name: 'ForEach without a template',
      code: y(LE, 'Resources:', '  Fn::ForEach::Topics:', '    - Name', '    - [a, b]'),
      errors: [{ messageId: 'shape', line: 4 }],
    },
  { name: 'JSON long form', code: '{"Resources": {"T": {"Type": "AWS::SNS::Topic", "Properties": {\n  "TopicName": {"Fn::Join": ["", "a"]}\n}}}}\n', errors: [{ messageId: 'argument', line: 2, column: 16 }] },
];

ruleTester(rule, { valid, invalid });

// A case that does not parse draws no finding of this rule and would pass vacuously.
it.each([...valid, ...invalid].map((c, i) => [i, typeof c === 'string' ? c : c.code] as const))('case %i parses cleanly', (_i, code) => {
  expect(parseTemplate(code).problems).toEqual([]);
});
