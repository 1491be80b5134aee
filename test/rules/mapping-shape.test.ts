import { rule } from '../../rules/mapping-shape';
import { parseTemplate } from '../../src/parse';
import { ruleTester } from '../support/rule-tester';
import type { InvalidCase, ValidCase } from '../support/rule-tester';

const y = (...lines: string[]) => lines.join('\n') + '\n';
const queue = ['Resources:', '  Q:', '    Type: AWS::SQS::Queue'];

const valid: ValidCase[] = [
  y('Mappings:', '  RegionMap:', '    us-east-1:', '      Ami: ami-1', '      Bits: 64', '      Hvm: true', '      Zones: [a, b]', '    "10":', '      "443": x', ...queue),
  { name: 'AWS::Include for the section', code: y('Mappings:', '  Fn::Transform:', '    Name: AWS::Include', '    Parameters: {Location: s3://b/m.yaml}', ...queue) },
  { name: 'AWS::Include for one mapping', code: y('Mappings:', '  M:', '    Fn::Transform:', '      Name: AWS::Include', '      Parameters: {Location: s3://b/m.yaml}', ...queue) },
  { name: 'a function value is intrinsic-placement\'s', code: y('Mappings:', '  M:', '    a:', '      b: !Ref AWS::Region', ...queue) },
  { name: 'JSON', code: '{"Mappings": {"M": {"us-east-1": {"Ami": "ami-1"}}}, "Resources": {}}\n' },
];

const invalid: InvalidCase[] = [
  { name: 'one level deep', code: y('Mappings:', '  RegionMap:', '    us-east-1: ami-1', ...queue), errors: [{ messageId: 'notAMapping', line: 3, column: 16 }] },
  { name: 'mapping as a list', code: y('Mappings:', '  RegionMap:', '    - a', ...queue), errors: [{ messageId: 'notAMapping', line: 3 }] },
  { name: 'empty mapping', code: y('Mappings:', '  RegionMap: {}', ...queue), errors: [{ messageId: 'empty', line: 2 }] },
  { name: 'empty top-level key', code: y('Mappings:', '  RegionMap:', '    us-east-1: {}', ...queue), errors: [{ messageId: 'empty', line: 3 }] },
  { name: 'third level', code: y('Mappings:', '  M:', '    prod:', '      Instance:', '        Type: m5.large', ...queue), errors: [{ messageId: 'valueShape', line: 5 }] },
  { name: 'empty value', code: y('Mappings:', '  M:', '    prod:', '      Instance:', ...queue), errors: [{ messageId: 'valueShape', line: 4 }] },
];

ruleTester(rule, { valid, invalid });

// A case that does not parse draws no finding of this rule and would pass vacuously.
it.each([...valid, ...invalid].map((c, i) => [i, typeof c === 'string' ? c : c.code] as const))('case %i parses cleanly', (_i, code) => {
  expect(parseTemplate(code).problems).toEqual([]);
});
