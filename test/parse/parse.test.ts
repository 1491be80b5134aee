import { Intrinsic } from '../../src/model/intrinsics';
import { parseTemplate } from '../../src/parse';

const res = (body: string) => `Resources:\n  R:\n    Type: AWS::S3::Bucket\n    Properties:\n      V: ${body}\n`;
const valueOf = (body: string) => (parseTemplate(res(body)).template!.Resources.R.Properties as Record<string, unknown>).V;

describe('parseTemplate: short-form tags', () => {
  it.each([
    ['!Ref X', new Intrinsic('Ref', 'X')],
    ['!GetAtt Db.Endpoint.Address', new Intrinsic('Fn::GetAtt', ['Db', 'Endpoint.Address'])],
    ['!GetAtt [Db, Arn]', new Intrinsic('Fn::GetAtt', ['Db', 'Arn'])],
    ['!Sub "${X}-y"', new Intrinsic('Fn::Sub', '${X}-y')],
    ['!Sub ["${A}", {A: !Ref B}]', new Intrinsic('Fn::Sub', ['${A}', { A: new Intrinsic('Ref', 'B') }])],
    ['!Select [0, !GetAZs ""]', new Intrinsic('Fn::Select', [0, new Intrinsic('Fn::GetAZs', '')])],
    ['!GetAZs', new Intrinsic('Fn::GetAZs', '')],
    ['!Join [",", [a, b]]', new Intrinsic('Fn::Join', [',', ['a', 'b']])],
    ['!If [C, 1, !Ref AWS::NoValue]', new Intrinsic('Fn::If', ['C', 1, new Intrinsic('Ref', 'AWS::NoValue')])],
    ['!ImportValue x-Db', new Intrinsic('Fn::ImportValue', 'x-Db')],
    ['!Base64 abc', new Intrinsic('Fn::Base64', 'abc')],
    ['!Cidr [10.0.0.0/16, 4, 8]', new Intrinsic('Fn::Cidr', ['10.0.0.0/16', 4, 8])],
    ['!FindInMap [M, !Ref AWS::Region, Ami]', new Intrinsic('Fn::FindInMap', ['M', new Intrinsic('Ref', 'AWS::Region'), 'Ami'])],
    ['!Split [",", "a,b"]', new Intrinsic('Fn::Split', [',', 'a,b'])],
    ['{"Fn::GetAtt": "Db.Endpoint.Port"}', new Intrinsic('Fn::GetAtt', ['Db', 'Endpoint.Port'])],
    ['{"Fn::Base64": !Sub "x"}', new Intrinsic('Fn::Base64', new Intrinsic('Fn::Sub', 'x'))],
  ])('%s', (body, expected) => {
    expect(valueOf(body)).toStrictEqual(expected);
  });

  it('keeps tagged scalars as their source text (a !Ref of 010 stays "010")', () => {
    expect(valueOf('!Ref 010')).toStrictEqual(new Intrinsic('Ref', '010'));
  });

  it('reads `{Condition: name}` as the Condition function inside Conditions', () => {
    const t = parseTemplate('Conditions:\n  A: !Equals [a, a]\n  B: !And [{Condition: A}, !Condition A]\nResources: {}\n').template!;
    expect(t.Conditions!.B).toStrictEqual(new Intrinsic('Fn::And', [new Intrinsic('Condition', 'A'), new Intrinsic('Condition', 'A')]));
  });
});

describe('parseTemplate: YAML 1.1 as CloudFormation reads it', () => {
  it.each([
    ['yes', true],
    ['Off', false],
    ['"yes"', 'yes'],
    ['010', 8],
    ['"010"', '010'],
    ['2010-09-09', '2010-09-09'],
    ['1:20', 80],
    ['~', null],
    ['E1020', 'E1020'],
    ['y', 'y'],
    ['N', 'N'],
    ['ON', true],
    ['.', '.'],
    ['6.8e-05', 0.000068],
    ['.inf', Infinity],
  ])('%s', (body, expected) => {
    expect(valueOf(body)).toStrictEqual(expected);
  });

  it('keeps keys as written (a key 1.0 stays "1.0")', () => {
    const t = parseTemplate('Mappings:\n  M:\n    1.0:\n      yes: x\nResources: {}\n').template!;
    expect([...t.Mappings!.get('M')!.keys()]).toEqual(['1.0']);
    expect([...t.Mappings!.get('M')!.get('1.0')!.keys()]).toEqual(['yes']);
  });
});

describe('parseTemplate: problems, never exceptions', () => {
  it.each([
    ['empty', '', 'empty', 1],
    ['whitespace only', '  \n\n', 'empty', 1],
    ['duplicate key', 'Resources:\n  A:\n    Type: X\n  A:\n    Type: Y\n', 'duplicate-key', 4],
    ['anchor and alias', 'Resources:\n  A: &a\n    Type: X\n  B: *a\n', 'anchor', 2],
    ['alias', 'Resources:\n  A: &a\n    Type: X\n  B: *a\n', 'alias', 4],
    ['tab indentation', 'Resources:\n\tA: 1\n', 'tab-indent', 2],
    ['invalid YAML', 'Resources:\n  A: [1, 2\n', 'syntax', 3],
    ['invalid JSON', '{\n  "Resources": {,}\n}\n', 'syntax', 2],
    ['unterminated JSON', '{\n  "Resources": {\n', 'syntax', 3],
    ['duplicate key in JSON', '{\n  "Resources": {},\n  "Resources": {}\n}\n', 'duplicate-key', 3],
    ['top level a list', '- a\n- b\n', 'not-a-mapping', 1],
    ['top level a scalar', 'hello\n', 'not-a-mapping', 1],
    ['unknown tag', 'Resources:\n  A: !Foo x\n', 'unknown-tag', 2],
  ])('%s', (_name, text, code, line) => {
    const parsed = parseTemplate(text);
    const problem = parsed.problems.find((p) => p.code === code);
    expect(problem).toBeDefined();
    expect(problem!.range.start.line).toBe(line);
  });

  it('reads JSON that is only valid as YAML (a trailing comma) as YAML, as CloudFormation does', () => {
    const parsed = parseTemplate('{\n  "Resources": {},\n}\n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.format).toBe('yaml');
  });

  it('reports invalid UTF-8 with the byte offset', () => {
    const parsed = parseTemplate(Buffer.from([0x52, 0x65, 0x73, 0x3a, 0x20, 0xff, 0x0a]));
    expect(parsed.problems).toEqual([expect.objectContaining({ code: 'invalid-utf8', message: 'invalid UTF-8 at byte 5' })]);
    expect(parsed.template).toBeUndefined();
  });

  it('accepts a UTF-8 byte order mark and CRLF line endings', () => {
    const parsed = parseTemplate(Buffer.from('\ufeffResources:\r\n  A:\r\n    Type: AWS::S3::Bucket\r\n', 'utf8'));
    expect(parsed.problems).toEqual([]);
    expect(parsed.template!.Resources.A.Type).toBe('AWS::S3::Bucket');
    expect(parsed.locate(['Resources', 'A', 'Type'])!.start).toMatchObject({ line: 3, column: 11 });
  });
});

describe('parseTemplate: positions', () => {
  const text = 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      DBName: !Sub "${AWS::StackName}db"\n';
  it.each([
    [['Resources', 'Db', 'Type'], 3, 11],
    [['Resources', 'Db', 'Properties', 'DBName'], 5, 15],
    [['Resources', 'Db', 'Properties', 'DBName', 'Fn::Sub'], 5, 15],
  ])('value at %j is at %i:%i', (path, line, column) => {
    expect(parseTemplate(text).locate(path)!.start).toMatchObject({ line, column });
  });

  it('locates keys', () => {
    expect(parseTemplate(text).locateKey(['Resources', 'Db'])!.start).toMatchObject({ line: 2, column: 3 });
  });

  it('locates JSON values', () => {
    const json = '{\n  "Resources": {\n    "A": {"Type": "AWS::S3::Bucket"}\n  }\n}\n';
    const parsed = parseTemplate(json);
    expect(parsed.format).toBe('json');
    expect(parsed.locate(['Resources', 'A', 'Type'])!.start).toMatchObject({ line: 3, column: 19 });
  });
});
