import { rule } from '../../rules/logical-id-characters';
import { parseTemplate } from '../../src/parse';
import { ruleTester } from '../support/rule-tester';
import type { InvalidCase, ValidCase } from '../support/rule-tester';

const y = (...lines: string[]) => lines.join('\n') + '\n';

const valid: ValidCase[] = [
  y('Parameters:', '  Env1:', '    Type: String', 'Mappings:', '  RegionMap:', '    us-east-1:', '      Ami: x', 'Conditions:', '  IsProd: !Equals [a, b]', 'Resources:', '  Queue2:', '    Type: AWS::SQS::Queue', 'Outputs:', '  QueueUrl:', '    Value: x'),
  { name: 'underscore in a condition name (CloudFormation accepts it)', code: y('Conditions:', '  Is_Prod: !Equals [a, b]', 'Resources:', '  Q:', '    Type: AWS::SQS::Queue') },
  {
    name: 'ForEach loop placeholders',
    code: y('Transform: AWS::LanguageExtensions', 'Resources:', '  Fn::ForEach::Topics:', '    - Name', '    - [a, b]', '    - Topic${Name}:', '        Type: AWS::SNS::Topic', '      Queue&{Name}:', '        Type: AWS::SQS::Queue', 'Outputs:', '  Fn::ForEach::Out:', '    - Name', '    - [a]', '    - ${Name}Arn:', '        Value: x'),
  },
  { name: 'AWS::Include in Resources', code: y('Resources:', '  Fn::Transform:', '    Name: AWS::Include', '    Parameters:', '      Location: s3://b/k', '  Q:', '    Type: AWS::SQS::Queue') },
];

const invalid: InvalidCase[] = [
  { name: 'hyphen in a resource id', code: y('Resources:', '  my-queue:', '    Type: AWS::SQS::Queue'), errors: [{ messageId: 'notAlphanumeric', line: 2, column: 3, resource: 'my-queue' }] },
  { name: 'underscore in a parameter', code: y('Parameters:', '  env_name:', '    Type: String', 'Resources: {}'), errors: [{ messageId: 'notAlphanumeric', line: 2 }] },
  { name: 'dot in an output', code: y('Resources: {}', 'Outputs:', '  Queue.Url:', '    Value: x'), errors: [{ messageId: 'notAlphanumeric', line: 3 }] },
  { name: 'hyphen in a condition', code: y('Conditions:', '  is-prod: !Equals [a, b]', 'Resources: {}'), errors: [{ messageId: 'notAlphanumeric', line: 2 }] },
  { name: 'hyphen in a mapping name', code: y('Mappings:', '  region-map:', '    us-east-1:', '      Ami: x', 'Resources: {}'), errors: [{ messageId: 'notAlphanumeric', line: 2 }] },
  {
    name: 'bad characters around a loop placeholder',
    code: y('Transform: AWS::LanguageExtensions', 'Resources:', '  Fn::ForEach::Topics:', '    - Name', '    - [a]', '    - Topic-${Name}:', '        Type: AWS::SNS::Topic'),
    errors: [{ messageId: 'notAlphanumeric', line: 6 }],
  },
  { name: 'JSON', code: '{\n  "Resources": {\n    "Queue 1": {"Type": "AWS::SQS::Queue"}\n  }\n}\n', errors: [{ messageId: 'notAlphanumeric', line: 3, column: 5 }] },
];

ruleTester(rule, { valid, invalid });

// A case that does not parse draws no finding of this rule and would pass vacuously.
it.each([...valid, ...invalid].map((c, i) => [i, typeof c === 'string' ? c : c.code] as const))('case %i parses cleanly', (_i, code) => {
  expect(parseTemplate(code).problems).toEqual([]);
});
