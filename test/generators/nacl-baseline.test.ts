import { ListExportsCommand } from '@aws-sdk/client-cloudformation';
import { DescribeRouteTablesCommand, DescribeSubnetsCommand } from '@aws-sdk/client-ec2';
import { numberRules, RULE_NUMBER_MAX } from '../../generators/builders/nacl';
import { subnetCidr } from '../../generators/builders/vpc';
import { NaclBaselineOptions, naclBaseline, naclBaselinePattern, naclBaselineVpcOnly } from '../../generators/nacl-baseline';
import { runCli } from '../support/cli';
import { emit } from '../../src/emit';
import { Intrinsic } from '../../src/model/intrinsics';
import type { Template } from '../../src/model/template';
import { awsClients, type AwsClients } from '../support/aws-fixtures';
import { expectRoundTrip, lintGenerated, optionError } from '../support/generated';
import { deployStack, describeWithMoto, resourcesNotCreated, startMoto, type MotoServer } from '../support/moto';

/** Loose view of resource properties for structural assertions. */
type Props = { [key: string]: any };

const REF = (id: string) => new Intrinsic('Ref', id);

const variants: ReadonlyArray<[string, Partial<NaclBaselineOptions>, { cidr: string; azs: number; nat: boolean }]> = [
  ['defaults', {}, { cidr: '10.0.0.0/16', azs: 2, nat: false }],
  ['3 AZs with NAT', { azs: 3, nat: true }, { cidr: '10.0.0.0/16', azs: 3, nat: true }],
  ['smallest VPC (/25), 3 AZs', { vpcCidr: '192.168.10.0/25', azs: 3 }, { cidr: '192.168.10.0/25', azs: 3, nat: false }],
  ['172.20.0.0/20, 2 AZs with NAT', { vpcCidr: '172.20.0.0/20', azs: 2, nat: true }, { cidr: '172.20.0.0/20', azs: 2, nat: true }],
];

function ofType(t: Template, type: string): Array<[string, Props]> {
  return Object.entries(t.Resources)
    .filter(([, r]) => r.Type === type)
    .map(([id, r]) => [id, (r.Properties ?? {}) as Props]);
}

function entriesOf(t: Template, aclId: string): Props[] {
  return ofType(t, 'AWS::EC2::NetworkAclEntry')
    .map(([, p]) => p)
    .filter((p) => (p.NetworkAclId as Intrinsic).args === aclId);
}

/** `a.b.c.d/n` → [first address, last address] as integers. */
function range(cidr: string): [number, number] {
  const [address, prefix] = cidr.split('/');
  const start = address.split('.').reduce((n, o) => n * 256 + Number(o), 0);
  return [start, start + 2 ** (32 - Number(prefix)) - 1];
}


describe('nacl-baseline', () => {
  it('is clean under cfn-lint, YAML and JSON, for every variant, with and without network ACLs', () => {
    const files = variants.flatMap(([, options], i) => [
      ...naclBaselinePattern.build(options).map((f) => ({ ...f, name: `${f.name}-${i}` })),
      { name: `nacl-baseline-vpc-only-${i}`, template: naclBaselineVpcOnly(options) },
    ]);
    expect(lintGenerated(files)).toEqual([]);
  });

  describe.each(variants)('%s', (_, options, expected) => {
    const files = naclBaselinePattern.build(options);
    const t = files[0].template;

    it('builds one stack, nacl-baseline', () => {
      expect(files.map((f) => f.name)).toEqual(['nacl-baseline']);
    });

    it('round-trips and emits identically on every build', () => {
      expectRoundTrip(t);
      expectRoundTrip(naclBaselineVpcOnly(options));
      for (const format of ['yaml', 'json'] as const) expect(emit(naclBaseline(options), format)).toBe(emit(t, format));
    });

    it('has one public and one private subnet per AZ, in distinct AZs, with non-overlapping blocks inside the VPC', () => {
      expect(ofType(t, 'AWS::EC2::VPC').map(([, p]) => p.CidrBlock)).toEqual([expected.cidr]);
      const subnets = ofType(t, 'AWS::EC2::Subnet');
      expect(subnets.map(([id]) => id).sort()).toEqual(
        Array.from({ length: expected.azs }, (_, i) => [`PrivateSubnet${i + 1}`, `PublicSubnet${i + 1}`]).flat().sort(),
      );
      for (const tier of ['Public', 'Private']) {
        const azIndexes = subnets.filter(([id]) => id.startsWith(tier)).map(([, p]) => (p.AvailabilityZone as Intrinsic<'Fn::Select'>).args[0]);
        expect(azIndexes).toEqual(Array.from({ length: expected.azs }, (_, i) => i));
      }
      const vpc = range(expected.cidr);
      const blocks = subnets.map(([, p]) => range(p.CidrBlock as string)).sort((a, b) => a[0] - b[0]);
      blocks.forEach(([start, end], i) => {
        expect(start).toBeGreaterThanOrEqual(vpc[0]);
        expect(end).toBeLessThanOrEqual(vpc[1]);
        if (i > 0) expect(start).toBeGreaterThan(blocks[i - 1][1]);
      });
      for (const [, p] of subnets) {
        expect(Number(String(p.CidrBlock).split('/')[1])).toBeLessThanOrEqual(28);
        expect(p.MapPublicIpOnLaunch).toBe(false);
      }
    });

    it('routes public subnets to the internet gateway and private subnets to their AZ NAT gateway only with --nat', () => {
      const routes = ofType(t, 'AWS::EC2::Route');
      expect(routes.filter(([, p]) => p.GatewayId !== undefined)).toEqual([
        ['PublicDefaultRoute', expect.objectContaining({ RouteTableId: REF('PublicRouteTable'), DestinationCidrBlock: '0.0.0.0/0', GatewayId: REF('InternetGateway') })],
      ]);
      expect(t.Resources.PublicDefaultRoute.DependsOn).toBe('InternetGatewayAttachment');
      const natRoutes = routes.filter(([, p]) => p.NatGatewayId !== undefined);
      expect(ofType(t, 'AWS::EC2::NatGateway')).toHaveLength(expected.nat ? expected.azs : 0);
      expect(natRoutes).toHaveLength(expected.nat ? expected.azs : 0);
      natRoutes.forEach(([, p], i) => expect(p).toMatchObject({ RouteTableId: REF(`PrivateRouteTable${i + 1}`), NatGatewayId: REF(`NatGateway${i + 1}`) }));
      const associations = ofType(t, 'AWS::EC2::SubnetRouteTableAssociation').map(([, p]) => [(p.SubnetId as Intrinsic).args, (p.RouteTableId as Intrinsic).args]);
      expect(associations).toHaveLength(2 * expected.azs);
      for (const [subnet, table] of associations) expect(table).toBe(String(subnet).startsWith('Public') ? 'PublicRouteTable' : `PrivateRouteTable${String(subnet).slice(-1)}`);
    });

    describe.each([['PublicNetworkAcl'], ['PrivateNetworkAcl']])('%s', (aclId) => {
      const entries = entriesOf(t, aclId);

      it('numbers entries 100, 110, … uniquely per direction, within 1-32766', () => {
        for (const egress of [false, true]) {
          const numbers = entries.filter((e) => e.Egress === egress).map((e) => e.RuleNumber as number);
          expect(numbers.length).toBeGreaterThan(0);
          expect(new Set(numbers).size).toBe(numbers.length);
          for (const n of numbers) expect(n >= 1 && n <= RULE_NUMBER_MAX).toBe(true);
          expect(numbers).toEqual(numbers.map((_, i) => 100 + 10 * i));
        }
      });

      it('only allows, never all protocols from or to anywhere (the implicit * entry denies the rest)', () => {
        for (const e of entries) {
          expect(e.RuleAction).toBe('allow');
          expect(e.Protocol === -1 && e.CidrBlock === '0.0.0.0/0').toBe(false);
          if (e.Protocol !== -1) expect(e.PortRange).toBeDefined();
        }
      });

      it('is associated with every subnet of its tier and no other', () => {
        const tier = aclId.startsWith('Public') ? 'Public' : 'Private';
        const subnets = ofType(t, 'AWS::EC2::SubnetNetworkAclAssociation')
          .filter(([, p]) => (p.NetworkAclId as Intrinsic).args === aclId)
          .map(([, p]) => (p.SubnetId as Intrinsic).args);
        expect(subnets).toEqual(Array.from({ length: expected.azs }, (_, i) => `${tier}Subnet${i + 1}`));
      });
    });

    const has = (entries: Props[], egress: boolean, protocol: number, cidr: string, ports?: [number, number]) =>
      entries.some((e) => e.Egress === egress && e.Protocol === protocol && e.CidrBlock === cidr && (ports ? e.PortRange?.From === ports[0] && e.PortRange?.To === ports[1] : e.PortRange === undefined));

    it('public tier: HTTP/HTTPS in and out, ephemeral return traffic in both directions, nothing else', () => {
      const entries = entriesOf(t, 'PublicNetworkAcl');
      for (const egress of [false, true]) {
        expect(has(entries, egress, 6, '0.0.0.0/0', [80, 80])).toBe(true);
        expect(has(entries, egress, 6, '0.0.0.0/0', [443, 443])).toBe(true);
        expect(has(entries, egress, 6, '0.0.0.0/0', [1024, 65535])).toBe(true);
      }
      expect(entries).toHaveLength(6);
    });

    it('private tier: all traffic within the VPC both ways, ephemeral return traffic in, HTTP/HTTPS out', () => {
      const entries = entriesOf(t, 'PrivateNetworkAcl');
      expect(has(entries, false, -1, expected.cidr)).toBe(true);
      expect(has(entries, true, -1, expected.cidr)).toBe(true);
      expect(has(entries, false, 6, '0.0.0.0/0', [1024, 65535])).toBe(true);
      expect(has(entries, true, 6, '0.0.0.0/0', [443, 443])).toBe(true);
      expect(entries.filter((e) => !e.Egress && e.CidrBlock === '0.0.0.0/0')).toHaveLength(1);
    });

    it('baseline security group: no inbound from the internet, egress limited to HTTPS and the VPC', () => {
      const [[, group]] = ofType(t, 'AWS::EC2::SecurityGroup');
      expect(group.SecurityGroupIngress).toBeUndefined();
      expect(group.SecurityGroupEgress).toEqual([
        expect.objectContaining({ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' }),
        expect.objectContaining({ IpProtocol: '-1', CidrIp: expected.cidr }),
      ]);
      const ingress = ofType(t, 'AWS::EC2::SecurityGroupIngress').map(([, p]) => p);
      expect(ingress).toHaveLength(1);
      expect(ingress[0].CidrIp).toBeUndefined();
      expect(ingress[0].SourceSecurityGroupId).toEqual(ingress[0].GroupId);
    });

    it('exports the VPC id and comma-joined subnet ids under the stack name', () => {
      const exports = Object.fromEntries(Object.entries(t.Outputs ?? {}).map(([id, o]) => [id, (o.Export?.Name as Intrinsic).args]));
      expect(exports).toEqual({
        VpcId: '${AWS::StackName}-VpcId',
        PublicSubnetIds: '${AWS::StackName}-PublicSubnetIds',
        PrivateSubnetIds: '${AWS::StackName}-PrivateSubnetIds',
        BaselineSecurityGroupId: '${AWS::StackName}-BaselineSecurityGroupId',
      });
      expect(t.Outputs?.PublicSubnetIds.Value).toEqual(new Intrinsic('Fn::Join', [',', Array.from({ length: expected.azs }, (_, i) => REF(`PublicSubnet${i + 1}`))]));
      expect(t.Outputs?.PrivateSubnetIds.Value).toEqual(new Intrinsic('Fn::Join', [',', Array.from({ length: expected.azs }, (_, i) => REF(`PrivateSubnet${i + 1}`))]));
    });

    it('VPC-only variant: the same template without network ACL resources', () => {
      const vpcOnly = naclBaselineVpcOnly(options);
      const aclTypes = new Set(['AWS::EC2::NetworkAcl', 'AWS::EC2::NetworkAclEntry', 'AWS::EC2::SubnetNetworkAclAssociation']);
      expect(Object.values(vpcOnly.Resources).filter((r) => aclTypes.has(r.Type))).toEqual([]);
      const withoutAcls = Object.fromEntries(Object.entries(t.Resources).filter(([, r]) => !aclTypes.has(r.Type)));
      expect(vpcOnly.Resources).toStrictEqual(withoutAcls);
      expect(vpcOnly.Outputs).toStrictEqual(t.Outputs);
    });
  });

  it('keeps subnet blocks stable when going from 2 to 3 AZs (fixed slots per tier)', () => {
    expect([0, 1, 2].map((az) => subnetCidr('10.0.0.0/16', 'public', az))).toEqual(['10.0.0.0/19', '10.0.32.0/19', '10.0.64.0/19']);
    expect([0, 1, 2].map((az) => subnetCidr('10.0.0.0/16', 'private', az))).toEqual(['10.0.128.0/19', '10.0.160.0/19', '10.0.192.0/19']);
    const two = naclBaseline({ azs: 2 }).Resources;
    const three = naclBaseline({ azs: 3 }).Resources;
    for (const id of ['PublicSubnet1', 'PublicSubnet2', 'PrivateSubnet1', 'PrivateSubnet2']) expect(three[id]).toStrictEqual(two[id]);
  });

  it('refuses to number more entries than a network ACL allows', () => {
    const rules = Array.from({ length: 3300 }, () => ({ egress: false, protocol: 'tcp' as const, cidr: '0.0.0.0/0', ports: [443, 443] as const }));
    expect(() => numberRules(rules)).toThrow(/exceeds 32766/);
  });

  describe('rejects invalid options naming the option', () => {
    it.each<[Partial<Record<keyof NaclBaselineOptions, unknown>>, string]>([
      [{ vpcCidr: 'banana' }, '--vpc-cidr'],
      [{ vpcCidr: '10.0.0.0' }, '--vpc-cidr'],
      [{ vpcCidr: '10.0.0.0/33' }, '--vpc-cidr'],
      [{ vpcCidr: '10.0.0.1/16' }, '--vpc-cidr'],
      [{ vpcCidr: '10.0.0.0/8' }, '--vpc-cidr'],
      [{ vpcCidr: '10.0.0.0/26' }, '--vpc-cidr'],
      [{ vpcCidr: '256.0.0.0/16' }, '--vpc-cidr'],
      [{ azs: 4 }, '--azs'],
      [{ azs: 1 }, '--azs'],
      [{ azs: 'two' }, '--azs'],
      [{ nat: 'yes' }, '--nat'],
    ])('%o → %s', (options, option) => {
      const error = optionError(() => naclBaseline(options as Partial<NaclBaselineOptions>));
      expect(error).toMatchObject({ code: 'invalid-option', option });
      expect(optionError(() => naclBaselineVpcOnly(options as Partial<NaclBaselineOptions>)).option).toBe(option);
    });
  });

  describe('CLI', () => {
    it('lists the options in --help', async () => {
      const r = await runCli(['gen', 'nacl-baseline', '--help']);
      expect(r.code).toBe(0);
      for (const option of ['--vpc-cidr', '--azs', '--nat']) expect(r.stdout).toContain(option);
    });

    it('prints the template for valid options', async () => {
      const r = await runCli(['gen', 'nacl-baseline', '--azs', '3', '--nat', '--format', 'json']);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(emit(naclBaseline({ azs: 3, nat: true }), 'json'));
    });

    it.each([
      [['--vpc-cidr', '10.0.0.300/16'], 'vpc-cidr'],
      [['--vpc-cidr', '10.0.0.0/26'], 'vpc-cidr'],
      [['--azs', '4'], 'azs'],
    ])('%j: one line naming %s, exit code 1', async (args, option) => {
      const r = await runCli(['gen', 'nacl-baseline', ...args]);
      expect(r.code).toBe(1);
      const text = r.stderr;
      expect(text.trimEnd().split('\n')).toHaveLength(1);
      expect(text).toContain(option);
      expect(r.stdout).toBe('');
    });
  });
});

describeWithMoto('nacl-baseline VPC part on moto_server', () => {
  let moto: MotoServer | undefined;
  let aws: AwsClients;

  beforeAll(async () => {
    moto = await startMoto();
    aws = awsClients(moto);
  }, 90_000);

  afterAll(async () => {
    aws?.destroy();
    await moto?.stop();
  });

  it.each([
    ['vpc-2az', { azs: 2 }],
    ['vpc-3az-nat', { azs: 3, nat: true, vpcCidr: '10.40.0.0/16' }],
  ] as Array<[string, Partial<NaclBaselineOptions>]>)('%s deploys to CREATE_COMPLETE with every resource and export', async (stackName, options) => {
    const azs = options.azs ?? 2;
    const templateBody = emit(naclBaselineVpcOnly(options), 'json');
    const { stack, outputs, motoWarnings } = await deployStack(aws, { stackName, templateBody });
    expect(stack.StackStatus).toBe('CREATE_COMPLETE');
    expect(motoWarnings).toEqual([]);
    expect(await resourcesNotCreated(aws.cloudformation, stackName, templateBody)).toEqual([]);

    const exports = (await aws.cloudformation.send(new ListExportsCommand({}))).Exports ?? [];
    for (const name of ['VpcId', 'PublicSubnetIds', 'PrivateSubnetIds', 'BaselineSecurityGroupId']) {
      expect(exports).toContainEqual(expect.objectContaining({ Name: `${stackName}-${name}`, Value: outputs[name] }));
    }

    const publicIds = outputs.PublicSubnetIds.split(',');
    const privateIds = outputs.PrivateSubnetIds.split(',');
    expect(publicIds).toHaveLength(azs);
    expect(privateIds).toHaveLength(azs);
    const { Subnets = [] } = await aws.ec2.send(new DescribeSubnetsCommand({ SubnetIds: [...publicIds, ...privateIds] }));
    const byId = new Map(Subnets.map((s) => [s.SubnetId, s]));
    const template = naclBaselineVpcOnly(options);
    publicIds.forEach((id, i) => {
      expect(byId.get(id)).toMatchObject({ VpcId: outputs.VpcId, CidrBlock: template.Resources[`PublicSubnet${i + 1}`].Properties?.CidrBlock });
      expect(byId.get(privateIds[i])?.AvailabilityZone).toBe(byId.get(id)?.AvailabilityZone);
    });
    expect(new Set(publicIds.map((id) => byId.get(id)?.AvailabilityZone)).size).toBe(azs);

    const { RouteTables = [] } = await aws.ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [outputs.VpcId] }] }));
    const defaultRoutes = RouteTables.flatMap((rt) => rt.Routes ?? []).filter((r) => r.DestinationCidrBlock === '0.0.0.0/0');
    expect(defaultRoutes.filter((r) => r.GatewayId?.startsWith('igw-'))).toHaveLength(1);
    expect(defaultRoutes.filter((r) => r.NatGatewayId)).toHaveLength(options.nat ? azs : 0);
  });

  it('the full template: moto skips exactly the network ACL types (why the VPC-only variant exists)', async () => {
    const { stack, motoWarnings } = await deployStack(aws, { stackName: 'nacl-full', templateBody: emit(naclBaseline(), 'json') });
    expect(stack.StackStatus).toBe('CREATE_COMPLETE');
    expect(motoWarnings).toEqual([
      'unsupported resource type AWS::EC2::NetworkAcl',
      'unsupported resource type AWS::EC2::NetworkAclEntry',
      'unsupported resource type AWS::EC2::SubnetNetworkAclAssociation',
    ]);
  });
});
