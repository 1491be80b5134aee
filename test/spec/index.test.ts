import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { TemplateBuilder, getAtt } from '../../src/model/builder';
import { SpecIndex, specIndex } from '../../src/spec';

describe('compiled spec index', () => {
  const spec = specIndex();

  it('is current with the pinned @aws-cdk/aws-service-spec (npm run spec:gen)', () => {
    const out = execFileSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'build-spec.js'), '--check'], { encoding: 'utf8' });
    expect(out).toContain('generated files are current');
    expect(spec.source).toBe(`@aws-cdk/aws-service-spec@${require('@aws-cdk/aws-service-spec/package.json').version}`);
  });

  it('lists every resource type of the spec', () => {
    expect(spec.resourceTypes().length).toBeGreaterThan(1800);
    expect(spec.hasResourceType('AWS::EC2::VPC')).toBe(true);
    expect(spec.hasResourceType('AWS::EC2::Vpc')).toBe(false);
    expect(spec.resource('AWS::Nope::Nothing')).toBeUndefined();
  });

  it.each([
    ['AWS::DynamoDB::Table', 'TableName', 'y'],
    ['AWS::DynamoDB::Table', 'KeySchema', 'y'],
    ['AWS::DynamoDB::Table', 'BillingMode', undefined],
    ['AWS::RDS::DBInstance', 'DBName', 'y'],
    ['AWS::RDS::DBInstance', 'StorageEncrypted', 'y'],
    ['AWS::RDS::DBInstance', 'DBInstanceClass', undefined],
    ['AWS::Route53::RecordSet', 'Name', 'y'],
    ['AWS::Route53::RecordSet', 'Weight', undefined],
  ])('%s.%s causesReplacement is %p', (type, prop, expected) => {
    expect(spec.resource(type)!.p[prop].c).toBe(expected);
  });

  it('resolves nested property types with their own flags', () => {
    // KeySchema is a union: a list of KeySchema elements, or JSON (the spec keeps the old type too)
    expect(spec.resource('AWS::DynamoDB::Table')!.p.KeySchema.t).toEqual({ u: [{ l: '#AWS::DynamoDB::Table.KeySchema' }, 'j'] });
    const keyElement = spec.propertyType('AWS::DynamoDB::Table.KeySchema')!;
    expect(keyElement.AttributeName).toMatchObject({ t: 's', r: 1 });
    expect(keyElement.KeyType.t).toEqual({ e: ['HASH', 'RANGE'] });
  });

  it('knows GetAtt attributes, dotted ones included, and stateful types', () => {
    expect(spec.resource('AWS::RDS::DBInstance')!.a).toEqual(expect.arrayContaining(['Endpoint.Address', 'Endpoint.Port']));
    expect(spec.resource('AWS::ElasticLoadBalancingV2::LoadBalancer')!.a).toEqual(expect.arrayContaining(['DNSName', 'CanonicalHostedZoneID']));
    expect(spec.resource('AWS::DynamoDB::Table')!.s).toBe(1);
    expect(spec.resource('AWS::EC2::VPC')!.s).toBeUndefined();
  });

  it('loads only the file of the type a lookup needs, and no catalog', () => {
    const fresh = new SpecIndex();
    const inside = fresh as unknown as { files: Map<string, unknown>; catalog?: unknown };
    expect(fresh.resource('AWS::EC2::VPC')).toBeDefined();
    expect(fresh.propertyType('AWS::EC2::VPC.VpcEncryptionControl')).toBeDefined();
    expect([...inside.files.keys()]).toEqual(['AWS::EC2::VPC']);
    expect(inside.catalog).toBeUndefined();
  });

  it('finds property types in their resource type\'s file', () => {
    const fresh = new SpecIndex();
    expect(fresh.propertyType('AWS::DynamoDB::Table.KeySchema')).toHaveProperty('KeyType');
    expect(fresh.propertyType('AWS::DynamoDB::Table.NoSuchType')).toBeUndefined();
    expect(fresh.propertyType('NoDot')).toBeUndefined();
  });

  it('reads nothing outside spec/resources for names that are not type names', () => {
    const fresh = new SpecIndex();
    for (const name of ['AWS::..::x', '../../package', 'AWS::EC2::VPC/../../catalog', 'Custom::Thing', 'AWS::EC2']) {
      expect(fresh.resource(name)).toBeUndefined();
      expect(fresh.propertyType(`${name}.Type`)).toBeUndefined();
    }
  });

  it('after many unknown names, asks the catalog before the file system', () => {
    const fresh = new SpecIndex();
    const inside = fresh as unknown as { catalog?: unknown };
    for (let i = 0; i < 64; i++) expect(fresh.hasResourceType(`AWS::Made::Up${i}`)).toBe(false);
    expect(inside.catalog).toBeUndefined();
    expect(fresh.hasResourceType('AWS::Made::UpMore')).toBe(false);
    expect(fresh.hasResourceType('AWS::Made::UpAgain')).toBe(false);
    expect(inside.catalog).toBeDefined();
    expect(fresh.hasResourceType('AWS::SQS::Queue')).toBe(true);
  });
});

describe('generated prop interfaces', () => {
  it('reject misspelled properties, invalid enum values and unknown GetAtt attributes at compile time', () => {
    const t = new TemplateBuilder();
    // @ts-expect-error CidrBlok is not a property of AWS::EC2::VPC
    t.resource('Vpc', 'AWS::EC2::VPC', { CidrBlok: '10.0.0.0/16' });
    // @ts-expect-error BillingMode accepts PROVISIONED | PAY_PER_REQUEST only
    t.resource('Table', 'AWS::DynamoDB::Table', { KeySchema: [], BillingMode: 'ON_DEMAND' });
    const vpc = t.resource('Vpc2', 'AWS::EC2::VPC', { CidrBlock: '10.0.0.0/16' });
    // @ts-expect-error VPCs have no DNSName attribute
    getAtt(vpc, 'DNSName');
    expect(getAtt(vpc, 'CidrBlock').args).toEqual(['Vpc2', 'CidrBlock']);
  });
});
