import { blueGreen, blueGreenPattern, blueGreenStacks, BlueGreenOptions } from '../../generators/blue-green';
import { DATA_TIER_EXPORTS } from '../../generators/data-tier';
import { PatternOptionError } from '../../generators/pattern';
import { getAtt } from '../../src/model/builder';
import { importValue, Intrinsic, isIntrinsic, ref, sub, TemplateValue } from '../../src/model/intrinsics';
import type { Resource, Template } from '../../src/model/template';
import { expectRoundTrip, lintGenerated } from '../support/generated';

/** Every value in `value` (depth first) for which `match` holds. */
function collect<T>(value: unknown, match: (v: unknown) => v is T): T[] {
  const out: T[] = [];
  const walk = (v: unknown): void => {
    if (match(v)) out.push(v);
    if (v instanceof Intrinsic) walk(v.args);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v instanceof Map) [...v.values()].forEach(walk);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(value);
  return out;
}

function resourcesOfType(t: Template, type: string): Array<[string, Resource]> {
  return Object.entries(t.Resources).filter(([, r]) => r.Type === type);
}

function props(r: Resource): { [key: string]: TemplateValue } {
  return r.Properties ?? {};
}

/** The export names `Fn::ImportValue` reads, as their `Fn::Sub` strings. */
function importedNames(value: unknown): string[] {
  return collect(value, (v): v is Intrinsic<'Fn::ImportValue'> => isIntrinsic(v, 'Fn::ImportValue'))
    .map((i) => (isIntrinsic(i.args, 'Fn::Sub') ? String(i.args.args) : JSON.stringify(i.args)))
    .sort();
}

const dataTier = (name: string): Intrinsic => importValue(sub(`\${DataStackName}-${name}`));

const single = blueGreen();
const split = blueGreenStacks();

describe('blue-green: cfn-lint (YAML and JSON)', () => {
  it.each<[string, Partial<BlueGreenOptions>]>([
    ['default options', {}],
    ['--split', { split: true }],
    ['custom app name and weights', { appName: 'Shop2', blueWeight: 0, greenWeight: 255 }],
  ])('%s: no matches at any level', (_, options) => {
    expect(lintGenerated(blueGreenPattern.build(options))).toEqual([]);
  });
});

describe('blue-green: round trip', () => {
  it.each<[string, Template]>([
    ['single stack', single],
    ['blue', split.blue],
    ['green', split.green],
    ['dns', split.dns],
  ])('%s', (_, template) => expectRoundTrip(template));

  it('is deterministic', () => {
    expect(blueGreen()).toStrictEqual(single);
    expect(blueGreenStacks()).toStrictEqual(split);
  });
});

describe('blue-green: build() files', () => {
  it.each<[Partial<BlueGreenOptions>, string[]]>([
    [{}, ['blue-green']],
    [{ split: false }, ['blue-green']],
    [{ split: true }, ['blue', 'green', 'dns']],
  ])('%j → %j', (options, names) => {
    expect(blueGreenPattern.build(options).map((f) => f.name)).toEqual(names);
  });
});

describe('blue-green: weighted records', () => {
  it.each<[string, Template]>([
    ['single stack', single],
    ['dns stack', split.dns],
  ])('%s: same Name and Type, SetIdentifier blue/green, Weight from the parameters', (_, t) => {
    const records = resourcesOfType(t, 'AWS::Route53::RecordSet').map(([, r]) => props(r));
    expect(records).toHaveLength(2);
    expect(records.map((r) => r.SetIdentifier)).toEqual(['blue', 'green']);
    for (const r of records) {
      expect(r.Name).toStrictEqual(ref({ logicalId: 'DomainName' }));
      expect(r.Type).toBe('A');
      expect(r.HostedZoneId).toStrictEqual(ref({ logicalId: 'HostedZoneId' }));
      expect((r.AliasTarget as { EvaluateTargetHealth: boolean }).EvaluateTargetHealth).toBe(true);
      expect(r.TTL).toBeUndefined();
    }
    expect(records.map((r) => r.Weight)).toStrictEqual([ref({ logicalId: 'BlueWeight' }), ref({ logicalId: 'GreenWeight' })]);
    expect(t.Parameters!.BlueWeight).toMatchObject({ Type: 'Number', Default: 90, MinValue: 0, MaxValue: 255 });
    expect(t.Parameters!.GreenWeight).toMatchObject({ Type: 'Number', Default: 10, MinValue: 0, MaxValue: 255 });
    expect(t.Parameters!.HostedZoneId.Type).toBe('AWS::Route53::HostedZone::Id');
    expect(t.Rules).toBeDefined();
  });

  it('single stack: each record aliases its own load balancer', () => {
    for (const colour of ['Blue', 'Green']) {
      const alias = props(single.Resources[`${colour}Record`]).AliasTarget;
      const lb = { logicalId: `${colour}LoadBalancer`, type: 'AWS::ElasticLoadBalancingV2::LoadBalancer' as const };
      expect(alias).toStrictEqual({ DNSName: getAtt(lb, 'DNSName'), HostedZoneId: getAtt(lb, 'CanonicalHostedZoneID'), EvaluateTargetHealth: true });
    }
  });

  it.each<[Partial<BlueGreenOptions>, number, number]>([
    [{ blueWeight: 0, greenWeight: 255 }, 0, 255],
    [{ blueWeight: 50, greenWeight: 50 }, 50, 50],
    [{ blueWeight: '7' as never }, 7, 10],
  ])('weight options %j set the defaults', (options, blue, green) => {
    for (const t of [blueGreen(options), blueGreenStacks(options).dns]) {
      expect(t.Parameters!.BlueWeight.Default).toBe(blue);
      expect(t.Parameters!.GreenWeight.Default).toBe(green);
    }
  });
});

describe('blue-green: environments', () => {
  const colourStacks: Array<[string, Template]> = [
    ['single stack', single],
    ['blue', split.blue],
    ['green', split.green],
  ];

  it('both launch templates import the same data-tier endpoint, port, session table and client security group', () => {
    const templates = resourcesOfType(single, 'AWS::EC2::LaunchTemplate').map(([, r]) => props(r).LaunchTemplateData as { [k: string]: TemplateValue });
    expect(templates).toHaveLength(2);
    for (const data of templates) {
      const userData = data.UserData as Intrinsic<'Fn::Base64'>;
      expect(isIntrinsic(userData, 'Fn::Base64')).toBe(true);
      const [, variables] = (userData.args as Intrinsic<'Fn::Sub'>).args as [string, { [k: string]: TemplateValue }];
      expect(variables).toStrictEqual({ DbEndpoint: dataTier('DbEndpoint'), DbPort: dataTier('DbPort'), SessionTableName: dataTier('SessionTableName') });
      expect(data.SecurityGroupIds).toContainEqual(dataTier('DbClientSecurityGroupId'));
      expect(data.MetadataOptions).toMatchObject({ HttpTokens: 'required', HttpEndpoint: 'enabled' });
      expect(data.ImageId).toBeInstanceOf(Intrinsic);
    }
  });

  it.each(colourStacks)('%s: Auto Scaling groups use ELB health checks and wait for signals', (_, t) => {
    const groups = resourcesOfType(t, 'AWS::AutoScaling::AutoScalingGroup');
    expect(groups.length).toBeGreaterThan(0);
    for (const [id, r] of groups) {
      expect(props(r).HealthCheckType).toBe('ELB');
      expect(props(r).HealthCheckGracePeriod).toBeGreaterThan(0);
      expect(r.CreationPolicy).toMatchObject({ ResourceSignal: { Count: ref({ logicalId: id.replace('AutoScalingGroup', 'DesiredCapacity') }) } });
      expect(r.UpdatePolicy).toStrictEqual({ AutoScalingReplacingUpdate: { WillReplace: true } });
    }
  });

  it.each(colourStacks)('%s: instance security groups admit only their load balancer', (_, t) => {
    const groups = resourcesOfType(t, 'AWS::EC2::SecurityGroup').filter(([id]) => id.endsWith('InstanceSecurityGroup'));
    expect(groups.length).toBeGreaterThan(0);
    for (const [id, r] of groups) {
      const lbGroup = { logicalId: id.replace('InstanceSecurityGroup', 'LoadBalancerSecurityGroup'), type: 'AWS::EC2::SecurityGroup' as const };
      expect(props(r).SecurityGroupIngress).toStrictEqual([expect.objectContaining({ SourceSecurityGroupId: getAtt(lbGroup, 'GroupId'), FromPort: 80, ToPort: 80 })]);
    }
  });

  it.each(colourStacks)('%s: the instance role reaches only the imported session table', (_, t) => {
    const role = props(t.Resources.InstanceRole);
    expect(role.Policies).toStrictEqual([
      {
        PolicyName: 'session-table',
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'SessionItems',
              Effect: 'Allow',
              Action: ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
              Resource: dataTier('SessionTableArn'),
            },
          ],
        },
      },
    ]);
    expect(role.ManagedPolicyArns).toStrictEqual([sub('arn:${AWS::Partition}:iam::aws:policy/AmazonSSMManagedInstanceCore')]);
  });

  it.each(colourStacks)('%s: imports only the data-tier contract, never creates a database', (_, t) => {
    expect(new Set(importedNames(t))).toEqual(new Set(Object.values(DATA_TIER_EXPORTS).map((n) => `\${DataStackName}-${n}`)));
    expect(Object.values(DATA_TIER_EXPORTS).sort()).toEqual(['DbClientSecurityGroupId', 'DbEndpoint', 'DbPort', 'SessionTableArn', 'SessionTableName']);
    expect(t.Parameters!.DataStackName.Default).toBe('data-tier');
    expect(Object.values(t.Resources).filter((r) => /RDS|DynamoDB/.test(r.Type))).toEqual([]);
  });

  it('every parameter has a description', () => {
    for (const t of [single, split.blue, split.green, split.dns]) {
      for (const [id, p] of Object.entries(t.Parameters ?? {})) expect([id, typeof p.Description]).toEqual([id, 'string']);
    }
  });
});

describe('blue-green --split: exports and imports', () => {
  it.each(['blue', 'green'] as const)('%s exports its load balancer under the stack name', (colour) => {
    const outputs = split[colour].Outputs!;
    expect(outputs.AlbDnsName.Export).toStrictEqual({ Name: sub('${AWS::StackName}-AlbDnsName') });
    expect(outputs.AlbHostedZoneId.Export).toStrictEqual({ Name: sub('${AWS::StackName}-AlbHostedZoneId') });
    expect(resourcesOfType(split[colour], 'AWS::Route53::RecordSet')).toEqual([]);
  });

  it("the dns stack imports exactly the colour stacks' exports", () => {
    const exported = (['blue', 'green'] as const).flatMap((colour) => {
      const stackParameter = colour === 'blue' ? 'BlueStackName' : 'GreenStackName';
      return Object.values(split[colour].Outputs!)
        .filter((o) => o.Export)
        .map((o) => String((o.Export!.Name as Intrinsic<'Fn::Sub'>).args).replace('${AWS::StackName}', `\${${stackParameter}}`));
    });
    expect(importedNames(split.dns)).toEqual([...exported].sort());
    expect(split.dns.Parameters!.BlueStackName.Default).toBe('webapp-blue');
    expect(split.dns.Parameters!.GreenStackName.Default).toBe('webapp-green');
    expect(resourcesOfType(split.dns, 'AWS::ElasticLoadBalancingV2::LoadBalancer')).toEqual([]);
  });
});

describe('blue-green: invalid options', () => {
  it.each<[Partial<BlueGreenOptions>, string, RegExp]>([
    [{ blueWeight: 300 }, '--blue-weight', /0 to 255/],
    [{ blueWeight: -1 }, '--blue-weight', /0 to 255/],
    [{ greenWeight: 256 }, '--green-weight', /0 to 255/],
    [{ greenWeight: 1.5 }, '--green-weight', /0 to 255/],
    [{ blueWeight: NaN }, '--blue-weight', /0 to 255/],
    [{ blueWeight: 'ten' as never }, '--blue-weight', /0 to 255/],
    [{ blueWeight: 0, greenWeight: 0 }, '--blue-weight', /--green-weight.*1 to 255/],
    [{ appName: 'my-app' }, '--app-name', /letters and digits/],
    [{ appName: '' }, '--app-name', /letters and digits/],
    [{ split: 'yes' as never }, '--split', /boolean/],
  ])('%j → %s', (options, option, accepted) => {
    for (const build of [() => blueGreen(options), () => blueGreenStacks(options), () => blueGreenPattern.build(options)]) {
      let error: unknown;
      try {
        build();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(PatternOptionError);
      expect((error as PatternOptionError).option).toBe(option);
      expect((error as PatternOptionError).code).toBe('invalid-option');
      expect((error as PatternOptionError).message).toMatch(accepted);
    }
  });
});
