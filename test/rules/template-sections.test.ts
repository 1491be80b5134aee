import { rule } from '../../rules/template-sections';
import { parseTemplate } from '../../src/parse';
import { ruleTester } from '../support/rule-tester';
import type { InvalidCase, ValidCase } from '../support/rule-tester';

const y = (...lines: string[]) => lines.join('\n') + '\n';
const queue = ['Resources:', '  Queue:', '    Type: AWS::SQS::Queue'];

const valid: ValidCase[] = [
  y('AWSTemplateFormatVersion: "2010-09-09"', 'Description: queue', 'Metadata: {}', 'Parameters: {}', 'Rules: {}', 'Mappings: {}', 'Conditions: {}', ...queue, 'Outputs: {}'),
  { name: 'SAM Globals', code: y('Transform: AWS::Serverless-2016-10-31', 'Globals:', '  Function:', '    Runtime: python3.12', 'Resources:', '  Fn:', '    Type: AWS::Serverless::Function') },
  { name: 'transform list with SAM', code: y('Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]', 'Globals: {}', ...queue) },
  { name: 'AWS::Include at top level', code: y('Transform:', '  Name: AWS::Include', '  Parameters:', '    Location: s3://bucket/part.yaml', ...queue) },
  { name: 'Hooks with the ECS blue/green transform', code: y('Transform: [AWS::CodeDeployBlueGreen]', 'Hooks:', '  CodeDeployBlueGreenHook:', '    Type: AWS::CodeDeploy::BlueGreen', ...queue) },
  { name: 'AWS::Include for a whole section', code: y('Resources:', '  Fn::Transform:', '    Name: AWS::Include', '    Parameters: {Location: s3://b/resources.yaml}', 'Outputs:', '  Fn::Transform: {Name: AWS::Include, Parameters: {Location: s3://b/outputs.yaml}}') },
  { name: 'a macro may read sections of its own', code: y('Transform: [MyMacro]', 'Settings: {}', ...queue) },
  { name: 'JSON', code: '{"Description": "x", "Resources": {"Queue": {"Type": "AWS::SQS::Queue"}}}\n' },
  { name: 'empty Resources is resources-required\'s', code: y('Resources:') },
];

const invalid: InvalidCase[] = [
  { name: 'misspelt section', code: y(...queue, 'Output:', '  A:', '    Value: x'), errors: [{ messageId: 'unknownSection', line: 4, column: 1 }] },
  { name: 'Hooks without the blue/green transform', code: y('Hooks: {}', ...queue), errors: [{ messageId: 'unknownSection', line: 1 }] },
  { name: 'Globals without SAM', code: y('Globals:', '  Function: {}', ...queue), errors: [{ messageId: 'globalsWithoutSam', line: 1 }] },
  { name: 'Description not a string', code: y('Description:', '  - a', ...queue), errors: [{ messageId: 'descriptionType', line: 2 }] },
  { name: 'Parameters as a list', code: y('Parameters:', '  - Env', ...queue), errors: [{ messageId: 'notAMapping', line: 2 }] },
  { name: 'empty Outputs', code: y(...queue, 'Outputs:'), errors: [{ messageId: 'notAMapping', line: 4 }] },
  { name: 'Conditions as a string', code: y('Conditions: none', ...queue), errors: [{ messageId: 'notAMapping', line: 1 }] },
  { name: 'Resources as a list', code: y('Resources:', '  - Type: AWS::SQS::Queue'), errors: [{ messageId: 'notAMapping', line: 2 }] },
  { name: 'Transform as a number', code: y('Transform: 2016', ...queue), errors: [{ messageId: 'transformType', line: 1 }] },
  { name: 'Transform list with a list', code: y('Transform: [AWS::Serverless-2016-10-31, [x]]', ...queue), errors: [{ messageId: 'transformType', line: 1 }] },
];

ruleTester(rule, { valid, invalid });

// A case that does not parse draws no finding of this rule and would pass vacuously.
it.each([...valid, ...invalid].map((c, i) => [i, typeof c === 'string' ? c : c.code] as const))('case %i parses cleanly', (_i, code) => {
  expect(parseTemplate(code).problems).toEqual([]);
});
