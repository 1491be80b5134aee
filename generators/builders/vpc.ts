/**
 * The VPC part of a network baseline: VPC, public and private subnets per Availability Zone, internet
 * gateway, route tables (optionally NAT gateways) and a baseline security group — everything but the
 * network ACLs, so it can be built and deployed on its own (moto's CloudFormation has no
 * `AWS::EC2::NetworkAcl`).
 *
 * Subnet CIDR blocks are computed at generation time from the VPC CIDR block rather than with
 * `Fn::Cidr`: the VPC CIDR block is a generation-time option anyway, the output then shows the real
 * ranges, and local emulators that lack `Fn::Cidr` can deploy it.
 */
import { getAtt, ResourceHandle, TemplateBuilder } from '../../src/model/builder';
import { getAZs, join, ref, select, sub } from '../../src/model/intrinsics';
import type { Tag } from '../../src/spec/generated/resources';

/** Subnet tiers, in the order their subnets are laid out in the VPC CIDR block. */
export type SubnetTier = 'public' | 'private';

/** Extra prefix bits of each subnet: the VPC CIDR block splits into 8 equal slots. */
export const SUBNET_NEW_BITS = 3;

/**
 * First slot of each tier. Public subnets take slots 0-2 and private subnets slots 4-6 whatever the
 * AZ count, so going from 2 to 3 AZs adds subnets without replacing the existing ones.
 */
const FIRST_SLOT: Readonly<Record<SubnetTier, number>> = { public: 0, private: 4 };

/** Largest VPC prefix length that still leaves /28 subnets (the smallest a VPC subnet may be). */
export const MAX_VPC_PREFIX = 28 - SUBNET_NEW_BITS;

/** What {@link addVpc} builds. */
export interface VpcSpec {
  /** IPv4 CIDR block of the VPC, e.g. `10.0.0.0/16`; prefix /16 to /{@link MAX_VPC_PREFIX}. */
  readonly cidr: string;
  /** Availability Zones to spread subnets over: `Fn::Select` of `Fn::GetAZs` indexes 0..azCount-1. */
  readonly azCount: number;
  /** One NAT gateway per AZ for the private subnets' default route. */
  readonly natGateways: boolean;
}

/** Handles to what {@link addVpc} added. */
export interface VpcResources {
  /** The VPC (logical id `Vpc`). */
  readonly vpc: ResourceHandle<'AWS::EC2::VPC'>;
  /** Public subnets, one per AZ, in AZ order. */
  readonly publicSubnets: ReadonlyArray<ResourceHandle<'AWS::EC2::Subnet'>>;
  /** Private subnets, one per AZ, in AZ order. */
  readonly privateSubnets: ReadonlyArray<ResourceHandle<'AWS::EC2::Subnet'>>;
  /** The baseline security group (logical id `BaselineSecurityGroup`). */
  readonly securityGroup: ResourceHandle<'AWS::EC2::SecurityGroup'>;
}

/**
 * CIDR block of the subnet of `tier` in AZ number `az` (0-based), carved out of `vpcCidr`.
 * Example: `subnetCidr('10.0.0.0/16', 'private', 1)` is `10.0.160.0/19`.
 */
export function subnetCidr(vpcCidr: string, tier: SubnetTier, az: number): string {
  const [address, prefix] = vpcCidr.split('/');
  const bits = Number(prefix) + SUBNET_NEW_BITS;
  const base = address.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
  const start = base + (FIRST_SLOT[tier] + az) * 2 ** (32 - bits);
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(start / 2 ** shift) % 256);
  return `${octets.join('.')}/${bits}`;
}

function nameTag(suffix: string): Tag[] {
  return [{ Key: 'Name', Value: sub(`\${AWS::StackName}-${suffix}`) }];
}

/** Adds the VPC part of the network baseline to `b` and returns handles to its resources. */
export function addVpc(b: TemplateBuilder, spec: VpcSpec): VpcResources {
  const vpc = b.resource('Vpc', 'AWS::EC2::VPC', {
    CidrBlock: spec.cidr,
    EnableDnsHostnames: true,
    EnableDnsSupport: true,
    Tags: nameTag('vpc'),
  });
  const igw = b.resource('InternetGateway', 'AWS::EC2::InternetGateway', { Tags: nameTag('igw') });
  const attachment = b.resource('InternetGatewayAttachment', 'AWS::EC2::VPCGatewayAttachment', {
    VpcId: ref(vpc),
    InternetGatewayId: ref(igw),
  });

  const azs = Array.from({ length: spec.azCount }, (_, i) => i);
  const subnet = (tier: SubnetTier, az: number): ResourceHandle<'AWS::EC2::Subnet'> => {
    const label = tier === 'public' ? 'Public' : 'Private';
    return b.resource(`${label}Subnet${az + 1}`, 'AWS::EC2::Subnet', {
      VpcId: ref(vpc),
      AvailabilityZone: select(az, getAZs()),
      CidrBlock: subnetCidr(spec.cidr, tier, az),
      MapPublicIpOnLaunch: false,
      Tags: nameTag(`${tier}-${az + 1}`),
    });
  };
  const publicSubnets = azs.map((az) => subnet('public', az));
  const privateSubnets = azs.map((az) => subnet('private', az));

  const publicRouteTable = b.resource('PublicRouteTable', 'AWS::EC2::RouteTable', { VpcId: ref(vpc), Tags: nameTag('public') });
  // A route to an internet gateway fails until the gateway is attached to the VPC.
  b.resource(
    'PublicDefaultRoute',
    'AWS::EC2::Route',
    { RouteTableId: ref(publicRouteTable), DestinationCidrBlock: '0.0.0.0/0', GatewayId: ref(igw) },
    { dependsOn: [attachment] },
  );
  publicSubnets.forEach((s) => {
    b.resource(`${s.logicalId}RouteTableAssociation`, 'AWS::EC2::SubnetRouteTableAssociation', {
      SubnetId: ref(s),
      RouteTableId: ref(publicRouteTable),
    });
  });

  // One private route table per AZ, so each AZ's NAT gateway serves its own AZ (no cross-AZ dependency).
  privateSubnets.forEach((s, az) => {
    const table = b.resource(`PrivateRouteTable${az + 1}`, 'AWS::EC2::RouteTable', { VpcId: ref(vpc), Tags: nameTag(`private-${az + 1}`) });
    b.resource(`${s.logicalId}RouteTableAssociation`, 'AWS::EC2::SubnetRouteTableAssociation', { SubnetId: ref(s), RouteTableId: ref(table) });
    if (!spec.natGateways) return;
    const eip = b.resource(`NatGateway${az + 1}Eip`, 'AWS::EC2::EIP', { Domain: 'vpc', Tags: nameTag(`nat-${az + 1}`) }, { dependsOn: [attachment] });
    const nat = b.resource(`NatGateway${az + 1}`, 'AWS::EC2::NatGateway', {
      AllocationId: getAtt(eip, 'AllocationId'),
      SubnetId: ref(publicSubnets[az]),
      Tags: nameTag(`nat-${az + 1}`),
    });
    b.resource(`PrivateRouteTable${az + 1}DefaultRoute`, 'AWS::EC2::Route', {
      RouteTableId: ref(table),
      DestinationCidrBlock: '0.0.0.0/0',
      NatGatewayId: ref(nat),
    });
  });

  const securityGroup = addBaselineSecurityGroup(b, vpc, spec.cidr);
  return { vpc, publicSubnets, privateSubnets, securityGroup };
}

/**
 * The baseline security group: no inbound rule except from members of the group itself; outbound only
 * HTTPS anywhere (AWS APIs, package repositories) and any traffic inside the VPC (which covers the
 * Amazon DNS resolver at the VPC base address + 2).
 */
function addBaselineSecurityGroup(b: TemplateBuilder, vpc: ResourceHandle<'AWS::EC2::VPC'>, vpcCidr: string): ResourceHandle<'AWS::EC2::SecurityGroup'> {
  const group = b.resource('BaselineSecurityGroup', 'AWS::EC2::SecurityGroup', {
    GroupDescription: 'Baseline: inbound from members of this group only; outbound HTTPS and intra-VPC',
    VpcId: ref(vpc),
    SecurityGroupEgress: [
      { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0', Description: 'HTTPS to AWS APIs and package repositories' },
      { IpProtocol: '-1', CidrIp: vpcCidr, Description: 'Any traffic inside the VPC' },
    ],
    Tags: nameTag('baseline'),
  });
  // A self-referencing rule must be its own resource: inline, the group would depend on itself.
  b.resource('BaselineSecurityGroupSelfIngress', 'AWS::EC2::SecurityGroupIngress', {
    GroupId: getAtt(group, 'GroupId'),
    IpProtocol: '-1',
    SourceSecurityGroupId: getAtt(group, 'GroupId'),
    Description: 'Any traffic from members of this group',
  });
  return group;
}

/**
 * Outputs the VPC id, the comma-joined public and private subnet ids and the baseline security group id,
 * exported as `${AWS::StackName}-VpcId`, `-PublicSubnetIds`, `-PrivateSubnetIds` and
 * `-BaselineSecurityGroupId` for application stacks to `Fn::ImportValue`.
 */
export function addVpcOutputs(b: TemplateBuilder, r: VpcResources): void {
  b.output('VpcId', ref(r.vpc), { description: 'VPC id', exportName: sub('${AWS::StackName}-VpcId') });
  b.output('PublicSubnetIds', join(',', r.publicSubnets.map((s) => ref(s))), {
    description: 'Public subnet ids, comma-separated, in AZ order',
    exportName: sub('${AWS::StackName}-PublicSubnetIds'),
  });
  b.output('PrivateSubnetIds', join(',', r.privateSubnets.map((s) => ref(s))), {
    description: 'Private subnet ids, comma-separated, in AZ order',
    exportName: sub('${AWS::StackName}-PrivateSubnetIds'),
  });
  b.output('BaselineSecurityGroupId', getAtt(r.securityGroup, 'GroupId'), {
    description: 'Baseline security group id',
    exportName: sub('${AWS::StackName}-BaselineSecurityGroupId'),
  });
}
