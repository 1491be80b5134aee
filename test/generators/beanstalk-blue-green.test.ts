import { beanstalkBlueGreen, beanstalkBlueGreenPattern, BeanstalkBlueGreenOptions } from '../../generators/beanstalk-blue-green';
import { PatternOptionError } from '../../generators/pattern';
import { getAtt } from '../../src/model/builder';
import { fnIf, importValue, Intrinsic, ref, sub, TemplateValue } from '../../src/model/intrinsics';
import type { Resource, Template } from '../../src/model/template';
import { expectRoundTrip, lintGenerated } from '../support/generated';

function resourcesOfType(t: Template, type: string): Array<[string, Resource]> {
  return Object.entries(t.Resources).filter(([, r]) => r.Type === type);
}

function props(r: Resource): { [key: string]: TemplateValue } {
  return r.Properties ?? {};
}

type OptionSetting = { Namespace: string; OptionName: string; Value: TemplateValue };

function settings(t: Template, logicalId: string, namespace: string): { [name: string]: TemplateValue } {
  const all = props(t.Resources[logicalId]).OptionSettings as OptionSetting[];
  return Object.fromEntries(all.filter((s) => s.Namespace === namespace).map((s) => [s.OptionName, s.Value]));
}

const dataTier = (name: string): Intrinsic => importValue(sub(`\${DataStackName}-${name}`));
const environmentHandle = (id: string) => ({ logicalId: id, type: 'AWS::ElasticBeanstalk::Environment' as const });

const byStack = beanstalkBlueGreen();
const byArn = beanstalkBlueGreen({ platform: 'platform-arn' });

describe('beanstalk-blue-green: cfn-lint (YAML and JSON)', () => {
  it.each<[string, Partial<BeanstalkBlueGreenOptions>]>([
    ['default options', {}],
    ['--platform platform-arn, custom weights', { platform: 'platform-arn', appName: 'Shop2', blueWeight: 255, greenWeight: 0 }],
  ])('%s: no matches at any level', (_, options) => {
    expect(lintGenerated(beanstalkBlueGreenPattern.build(options))).toEqual([]);
  });
});

describe('beanstalk-blue-green: round trip', () => {
  it.each<[string, Template]>([
    ['solution stack', byStack],
    ['platform ARN', byArn],
  ])('%s', (_, template) => expectRoundTrip(template));

  it('is deterministic', () => expect(beanstalkBlueGreen()).toStrictEqual(byStack));
});

describe('beanstalk-blue-green: weighted records', () => {
  it('two CNAME records with the same Name, SetIdentifier blue/green, TTL 60, Weight from the parameters', () => {
    const records = resourcesOfType(byStack, 'AWS::Route53::RecordSet').map(([, r]) => props(r));
    expect(records).toHaveLength(2);
    expect(records.map((r) => r.SetIdentifier)).toEqual(['blue', 'green']);
    for (const r of records) {
      expect(r.Name).toStrictEqual(ref({ logicalId: 'DomainName' }));
      expect(r.Type).toBe('CNAME');
      expect(r.TTL).toBe('60');
      expect(r.AliasTarget).toBeUndefined();
    }
    expect(records.map((r) => r.Weight)).toStrictEqual([ref({ logicalId: 'BlueWeight' }), ref({ logicalId: 'GreenWeight' })]);
    expect(records.map((r) => r.ResourceRecords)).toStrictEqual([
      [getAtt(environmentHandle('BlueEnvironment'), 'EndpointURL')],
      [getAtt(environmentHandle('GreenEnvironment'), 'EndpointURL')],
    ]);
    expect(byStack.Parameters!.BlueWeight).toMatchObject({ Type: 'Number', Default: 90, MinValue: 0, MaxValue: 255 });
    expect(byStack.Parameters!.GreenWeight).toMatchObject({ Type: 'Number', Default: 10, MinValue: 0, MaxValue: 255 });
  });

  it.each<[Partial<BeanstalkBlueGreenOptions>, number, number]>([
    [{ blueWeight: 0, greenWeight: 100 }, 0, 100],
    [{ greenWeight: 255 }, 90, 255],
  ])('weight options %j set the defaults', (options, blue, green) => {
    const t = beanstalkBlueGreen(options);
    expect([t.Parameters!.BlueWeight.Default, t.Parameters!.GreenWeight.Default]).toEqual([blue, green]);
  });
});

describe('beanstalk-blue-green: environments', () => {
  it.each(['BlueEnvironment', 'GreenEnvironment'])('%s reads the data-tier exports as environment properties', (id) => {
    expect(settings(byStack, id, 'aws:elasticbeanstalk:application:environment')).toMatchObject({
      DB_ENDPOINT: dataTier('DbEndpoint'),
      DB_PORT: dataTier('DbPort'),
      SESSION_TABLE_NAME: dataTier('SessionTableName'),
    });
    expect(settings(byStack, id, 'aws:autoscaling:launchconfiguration')).toStrictEqual({
      IamInstanceProfile: ref({ logicalId: 'InstanceProfile' }),
      SecurityGroups: dataTier('DbClientSecurityGroupId'),
      DisableIMDSv1: 'true',
    });
    expect(settings(byStack, id, 'aws:elasticbeanstalk:environment')).toMatchObject({ EnvironmentType: 'LoadBalanced', LoadBalancerType: 'application' });
    expect(settings(byStack, id, 'aws:elbv2:listener:443')).toMatchObject({ Protocol: 'HTTPS', SSLCertificateArns: ref({ logicalId: 'CertificateArn' }) });
  });

  it.each<[string, string, string, Template]>([
    ['solution-stack', 'SolutionStackName', 'PlatformArn', byStack],
    ['platform-arn', 'PlatformArn', 'SolutionStackName', byArn],
  ])('--platform %s names the platform through a %s parameter per colour, never %s', (_, used, unused, t) => {
    for (const colour of ['Blue', 'Green']) {
      const env = props(t.Resources[`${colour}Environment`]);
      expect(env[used]).toStrictEqual(ref({ logicalId: `${colour}${used}` }));
      expect(env[unused]).toBeUndefined();
      expect(env.VersionLabel).toStrictEqual(fnIf(`${colour}HasVersionLabel`, ref({ logicalId: `${colour}VersionLabel` }), ref('AWS::NoValue')));
      expect(t.Parameters![`${colour}${unused}`]).toBeUndefined();
    }
  });

  it('never creates a database; every parameter has a description', () => {
    expect(Object.values(byStack.Resources).filter((r) => /RDS|DynamoDB/.test(r.Type))).toEqual([]);
    for (const t of [byStack, byArn]) {
      for (const [id, p] of Object.entries(t.Parameters ?? {})) expect([id, typeof p.Description]).toEqual([id, 'string']);
    }
  });
});

describe('beanstalk-blue-green: invalid options', () => {
  it.each<[Partial<BeanstalkBlueGreenOptions>, string, RegExp]>([
    [{ blueWeight: 300 }, '--blue-weight', /0 to 255/],
    [{ greenWeight: -1 }, '--green-weight', /0 to 255/],
    [{ blueWeight: 2.5 }, '--blue-weight', /0 to 255/],
    [{ blueWeight: 0, greenWeight: 0 }, '--blue-weight', /--green-weight.*1 to 255/],
    [{ appName: 'web_app' }, '--app-name', /letters and digits/],
    [{ platform: 'docker' as never }, '--platform', /solution-stack, platform-arn/],
  ])('%j → %s', (options, option, accepted) => {
    let error: unknown;
    try {
      beanstalkBlueGreenPattern.build(options);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PatternOptionError);
    expect((error as PatternOptionError).option).toBe(option);
    expect((error as PatternOptionError).message).toMatch(accepted);
  });
});
