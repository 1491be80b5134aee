import { rule } from '../../rules/intrinsic-placement';
import { parseTemplate } from '../../src/parse';
import { ruleTester } from '../support/rule-tester';
import type { InvalidCase, ValidCase } from '../support/rule-tester';

const y = (...lines: string[]) => lines.join('\n') + '\n';
/** A template whose topic's TopicName (line 5, after `before`) is `value`. */
const prop = (value: string, ...before: string[]) => y(...before, 'Resources:', '  Topic:', '    Type: AWS::SNS::Topic', '    Properties:', `      TopicName: ${value}`);
const LE = 'Transform: AWS::LanguageExtensions';
const topic = ['Resources:', '  Topic:', '    Type: AWS::SNS::Topic'];

const valid: ValidCase[] = [
  y(
    'Parameters:',
    '  Env:',
    '    Type: String',
    '    AllowedValues: [dev, prod]',
    'Mappings:',
    '  M:',
    '    us-east-1: {Name: a}',
    'Conditions:',
    '  IsProd: !Equals [!Ref Env, prod]',
    '  IsEast: !Equals [!Select [0, !Split ["-", !Ref AWS::Region]], us]',
    '  Both: !And [!Condition IsProd, !Not [{Condition: IsEast}]]',
    '  FromMap: !Equals [!FindInMap [M, !Ref AWS::Region, Name], a]',
    '  Alias: !Condition IsProd',
    ...topic,
    '    Condition: IsProd',
    '    Metadata:',
    '      Note: !If [IsProd, a, b]',
    '    UpdatePolicy: !If [IsProd, {}, !Ref AWS::NoValue]',
    '    Properties:',
    '      TopicName: !If [IsProd, !Sub "${Env}-topic", !ImportValue shared-name]',
    'Outputs:',
    '  Name:',
    '    Condition: IsProd',
    '    Value: !If [IsProd, !GetAtt Topic.TopicName, none]',
  ),
  { name: 'Rules functions in Rules', code: y('Rules:', '  R:', '    RuleCondition: !Equals [!Ref Env, prod]', '    Assertions:', '      - Assert: {Fn::Contains: [[a], !Ref Env]}', '      - Assert: {Fn::EachMemberEquals: [!Ref L, a]}', ...topic) },
  { name: 'template Metadata is not evaluated', code: y('Metadata:', '  Note: !Equals [a, b]', '  Other: {Fn::Whatever: x}', ...topic) },
  { name: 'AWS::Include in Mappings', code: y('Mappings:', '  Fn::Transform:', '    Name: AWS::Include', '    Parameters: {Location: s3://b/m.yaml}', ...topic) },
  { name: 'AWS::Include as a mapping', code: y('Mappings:', '  M:', '    Fn::Transform:', '      Name: AWS::Include', '      Parameters: {Location: s3://b/m.yaml}', ...topic) },
  { name: 'LanguageExtensions functions with the transform', code: prop('!Join ["", [{Fn::Length: [a]}, !ToJsonString {a: b}]]', LE) },
  {
    name: 'ForEach with the transform',
    code: y(LE, 'Conditions:', '  Fn::ForEach::C:', '    - N', '    - [a, b]', '    - Is${N}: !Equals [!Ref AWS::Region, "${N}"]', 'Resources:', '  Fn::ForEach::Topics:', '    - N', '    - [a, b]', '    - Topic${N}:', '        Type: AWS::SNS::Topic'),
  },
  {
    name: 'SAM template with Globals',
    code: y('Transform: AWS::Serverless-2016-10-31', 'Globals:', '  Function:', '    Environment:', '      Variables:', '        STAGE: !If [IsProd, prod, dev]', 'Resources:', '  Fn:', '    Type: AWS::Serverless::Function', '    Properties:', '      CodeUri: !Sub "s3://${AWS::Region}/code.zip"'),
  },
  { name: 'a macro may define functions', code: prop('{Fn::Upper: abc}', 'Transform: [StringFunctions]') },
  { name: 'Fn::GetStackOutput is known', code: prop('{Fn::GetStackOutput: {StackName: s, OutputName: o}}') },
  { name: 'Fn:: key next to other keys is not a call', code: prop('{Fn::Sub: x, Other: y}') },
];

const invalid: InvalidCase[] = [
  { name: 'Sub in a parameter Default', code: y('Parameters:', '  Env:', '    Type: String', '    Default: !Sub "${AWS::Region}"', ...topic), errors: [{ messageId: 'noFunctions', line: 4, column: 14, resource: 'Env' }] },
  { name: 'Ref in AllowedValues', code: y('Parameters:', '  Env:', '    Type: String', '    AllowedValues: [a, !Ref Other]', ...topic), errors: [{ messageId: 'noFunctions', line: 4 }] },
  { name: 'Ref in a mapping value', code: y('Mappings:', '  M:', '    us-east-1:', '      Name: !Ref AWS::StackName', ...topic), errors: [{ messageId: 'noFunctions', line: 4 }] },
  { name: 'GetAtt in a condition', code: y('Conditions:', '  HasArn: !Not [!Equals [!GetAtt Topic.TopicArn, ""]]', ...topic), errors: [{ messageId: 'notInConditions', line: 2, column: 26 }] },
  { name: 'If in a condition', code: y('Conditions:', '  C: !Equals [!If [Other, a, b], a]', ...topic), errors: [{ messageId: 'notInConditions', line: 2 }] },
  { name: 'ImportValue in a condition', code: y('Conditions:', '  C: !Equals [!ImportValue x, a]', ...topic), errors: [{ messageId: 'notInConditions', line: 2 }] },
  { name: 'Ref to a resource in a condition', code: y('Conditions:', '  C: !Equals [!Ref Topic, a]', ...topic), errors: [{ messageId: 'resourceInConditions', line: 2 }] },
  { name: 'condition declared with a literal', code: y('Conditions:', '  Always: true', ...topic), errors: [{ messageId: 'conditionDeclaration', line: 2 }] },
  { name: 'condition declared with Fn::If', code: y('Conditions:', '  C: !If [Other, a, b]', ...topic), errors: [{ messageId: 'conditionDeclaration', line: 2 }] },
  { name: 'condition function in a property', code: prop('!Equals [a, b]'), errors: [{ messageId: 'conditionOutsideConditions', line: 5, column: 18 }] },
  { name: 'condition function in an Fn::If branch', code: prop('!If [IsProd, !Not [!Condition IsProd], b]'), errors: [{ messageId: 'conditionOutsideConditions', line: 5 }] },
  { name: 'condition function in an output', code: y(...topic, 'Outputs:', '  O:', '    Value: !Or [!Condition A, !Condition B]'), errors: [{ messageId: 'conditionOutsideConditions', line: 6, resource: 'O' }] },
  { name: 'Length without the transform', code: prop('{Fn::Length: [a]}'), errors: [{ messageId: 'needsLanguageExtensions', line: 5 }] },
  { name: 'ToJsonString tag without the transform', code: prop('!ToJsonString {a: b}'), errors: [{ messageId: 'needsLanguageExtensions', line: 5 }] },
  {
    name: 'ForEach without the transform',
    code: y('Resources:', '  Fn::ForEach::Topics:', '    - N', '    - [a]', '    - Topic${N}:', '        Type: AWS::SNS::Topic'),
    errors: [{ messageId: 'needsLanguageExtensions', line: 2, column: 3 }],
  },
  { name: 'Rules function in a resource', code: prop('{Fn::Contains: [[a], b]}'), errors: [{ messageId: 'rulesOnly', line: 5 }] },
  { name: 'misspelt function', code: prop('{Fn::Joins: ["", [a]]}'), errors: [{ messageId: 'unknownFunction', line: 5 }] },
  { name: 'misspelt function in a condition', code: y('Conditions:', '  C: !Equals [{Fn::Subs: x}, a]', ...topic), errors: [{ messageId: 'unknownFunction', line: 2 }] },
  { name: 'JSON', code: '{\n  "Parameters": {"P": {"Type": "String", "Default": {"Ref": "AWS::Region"}}},\n  "Resources": {}\n}\n', errors: [{ messageId: 'noFunctions', line: 2, column: 53 }] },
];

ruleTester(rule, { valid, invalid });

// A case that does not parse draws no finding of this rule and would pass vacuously.
it.each([...valid, ...invalid].map((c, i) => [i, typeof c === 'string' ? c : c.code] as const))('case %i parses cleanly', (_i, code) => {
  expect(parseTemplate(code).problems).toEqual([]);
});
