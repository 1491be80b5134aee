import { emit } from '../../src/emit';
import { Intrinsic, TemplateValue, base64, getAZs, importValue, ref, select, sub, transform } from '../../src/model/intrinsics';
import type { Template } from '../../src/model/template';
import { parseTemplate } from '../../src/parse';
import { resource, template } from '../support/fixtures';

const yaml = (t: Template) => emit(t, 'yaml');
const props = (p: Record<string, unknown>) => template({ R: resource('AWS::S3::Bucket', p as never) });

describe('YAML emitter: CloudFormation rules', () => {
  it.each([
    ['yes', '"yes"'],
    ['No', '"No"'],
    ['on', '"on"'],
    ['OFF', '"OFF"'],
    ['y', '"y"'],
    ['0777', '"0777"'],
    ['010', '"010"'],
    ['1:20', '"1:20"'],
    ['2010-09-09', '"2010-09-09"'],
    ['1_000', '"1_000"'],
    ['null', '"null"'],
    ['~', '"~"'],
    ['123', '"123"'],
    ['', '""'],
  ])('quotes the YAML 1.1 ambiguous string %p', (value, expected) => {
    expect(yaml(props({ V: value }))).toContain(`V: ${expected}\n`);
  });

  it('never writes anchors or aliases, even for a value shared in the model', () => {
    const shared = { Key: 'Team', Value: 'web' };
    const text = yaml(template({ A: resource('AWS::S3::Bucket', { Tags: [shared] }), B: resource('AWS::S3::Bucket', { Tags: [shared] }) }));
    expect(text).not.toMatch(/[&*][A-Za-z0-9]/);
    expect(text.match(/Key: Team/g)).toHaveLength(2);
  });

  it('never folds long lines', () => {
    const long = 'word '.repeat(60).trim();
    expect(yaml(props({ Description: long }))).toContain(`Description: ${long}\n`);
  });

  it('writes multi-line strings as literal blocks', () => {
    expect(yaml(props({ UserData: sub('#!/bin/bash\necho ${AWS::Region}\n') }))).toContain('UserData: !Sub |\n        #!/bin/bash\n        echo ${AWS::Region}\n');
  });

  it.each([
    ['Base64 of Sub', base64(sub('x-${AWS::Region}')), 'V:\n        Fn::Base64: !Sub x-${AWS::Region}\n'],
    ['Base64 of Ref', base64(ref('AWS::Region')), 'V:\n        Fn::Base64: !Ref AWS::Region\n'],
    ['ImportValue of Sub', importValue(sub('${P}-Db')), 'V:\n        Fn::ImportValue: !Sub ${P}-Db\n'],
    ['GetAZs of Ref', getAZs(ref('AWS::Region') as never), 'V:\n        Fn::GetAZs: !Ref AWS::Region\n'],
  ])('never puts a short tag directly on another short tag (%s)', (_name, value, expected) => {
    expect(yaml(props({ V: value }))).toContain(expected);
  });

  it('writes !GetAtt a.b only when both parts are literals', () => {
    expect(yaml(props({ A: new Intrinsic('Fn::GetAtt', ['Db', 'Endpoint.Address']) }))).toContain('A: !GetAtt Db.Endpoint.Address\n');
    expect(yaml(props({ A: new Intrinsic('Fn::GetAtt', ['Db', ref({ logicalId: 'AttrName' })]) }))).toContain('A: !GetAtt [Db, !Ref AttrName]\n');
  });

  it('writes Fn::Transform in long form', () => {
    expect(yaml(props({ T: transform('AWS::Include', { Location: 's3://b/k' }) }))).toContain(
      'T:\n        Fn::Transform:\n          Name: AWS::Include\n          Parameters:\n            Location: s3://b/k\n',
    );
  });

  it('writes short sequences in flow style', () => {
    expect(yaml(props({ Az: select(0, getAZs()) }))).toContain('Az: !Select [0, !GetAZs ""]\n');
  });

  it('orders sections and resource attributes as CloudFormation documents them, whatever the insertion order', () => {
    const t = {
      Outputs: { O: { Value: 'x' } },
      Resources: { R: { Properties: { A: 1 }, DeletionPolicy: 'Retain', Type: 'AWS::S3::Bucket', DependsOn: 'Q', Condition: 'C', UpdateReplacePolicy: 'Retain', Metadata: { m: 1 } } },
      Conditions: { C: new Intrinsic('Fn::Equals', ['a', 'a']) },
      Transform: 'AWS::Serverless-2016-10-31',
      Mappings: new Map([['M', new Map([['k', new Map([['v', 1]])]])]]),
      Rules: {},
      Parameters: { P: { Default: 'd', Type: 'String' } },
      Metadata: {},
      Description: 'd',
      AWSTemplateFormatVersion: '2010-09-09',
    } as unknown as Template;
    const text = yaml(t);
    const order = [...text.matchAll(/^(\w+):/gm)].map((m) => m[1]);
    expect(order).toEqual(['AWSTemplateFormatVersion', 'Description', 'Metadata', 'Parameters', 'Rules', 'Mappings', 'Conditions', 'Transform', 'Resources', 'Outputs']);
    expect(text).toMatch(/Type: AWS::S3::Bucket\n {4}Condition: C\n {4}DependsOn: Q\n {4}Metadata:\n {6}m: 1\n {4}DeletionPolicy: Retain\n {4}UpdateReplacePolicy: Retain\n {4}Properties:\n/);
    expect(text).toMatch(/P:\n {4}Type: String\n {4}Default: d\n/);
  });

  it('keeps integer-like Mappings keys in insertion order, in YAML and JSON', () => {
    const t = template(
      { R: resource('AWS::S3::Bucket') },
      { Mappings: new Map([['Ports', new Map<string, Map<string, TemplateValue>>([['443', new Map([['p', 'https']])], ['80', new Map([['p', 'http']])], ['a', new Map([['10', 1], ['2', 2]])]])]]) },
    );
    expect(yaml(t)).toMatch(/"443":[\s\S]*"80":[\s\S]*a:\n\s+"10": 1\n\s+"2": 2/);
    expect(emit(t, 'json')).toMatch(/"443"[\s\S]*"80"[\s\S]*"a"[\s\S]*"10": 1,\s+"2": 2/);
    expect(emit(parseTemplate(emit(t, 'json')).template!, 'yaml')).toBe(yaml(t));
  });

  it('gives byte-identical output for the same input', () => {
    const t = props({ A: sub('${X}'), B: [1, 'two', null, true] });
    expect(yaml(t)).toBe(yaml(t));
    expect(emit(t, 'json')).toBe(emit(t, 'json'));
  });
});
