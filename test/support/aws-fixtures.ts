/**
 * Prerequisites that deploy tests pass to templates as parameters, created through the AWS SDK v3
 * against moto: a VPC with public and private subnets, a Route 53 hosted zone, an ACM certificate
 * and the public SSM parameter that resolves the latest Amazon Linux AMI.
 */
import { ACMClient, RequestCertificateCommand } from '@aws-sdk/client-acm';
import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeAvailabilityZonesCommand,
  DescribeImagesCommand,
  EC2Client,
  ModifyVpcAttributeCommand,
} from '@aws-sdk/client-ec2';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { RDSClient } from '@aws-sdk/client-rds';
import { CreateHostedZoneCommand, Route53Client } from '@aws-sdk/client-route-53';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { isIntrinsic } from '../../src/model/intrinsics';
import type { Template } from '../../src/model/template';
import { motoClientConfig, type MotoServer } from './moto';

/** SDK v3 clients, all pointed at one moto server. */
export interface AwsClients {
  readonly acm: ACMClient;
  readonly autoscaling: AutoScalingClient;
  readonly cloudformation: CloudFormationClient;
  readonly dynamodb: DynamoDBClient;
  readonly ec2: EC2Client;
  readonly elbv2: ElasticLoadBalancingV2Client;
  readonly rds: RDSClient;
  readonly route53: Route53Client;
  readonly ssm: SSMClient;
  /** The server the clients talk to; lets `deployStack(aws, ...)` quote its tracebacks. */
  readonly moto: Pick<MotoServer, 'endpoint' | 'log'>;
  /** Closes every client's connections. */
  destroy(): void;
}

/** Builds one client per service used by the deploy tests, with moto as the endpoint. */
export function awsClients(server: Pick<MotoServer, 'endpoint' | 'log'>): AwsClients {
  const config = motoClientConfig(server);
  const clients = {
    acm: new ACMClient(config),
    autoscaling: new AutoScalingClient(config),
    cloudformation: new CloudFormationClient(config),
    dynamodb: new DynamoDBClient(config),
    ec2: new EC2Client(config),
    elbv2: new ElasticLoadBalancingV2Client(config),
    rds: new RDSClient(config),
    route53: new Route53Client(config),
    ssm: new SSMClient(config),
  };
  return {
    ...clients,
    moto: server,
    destroy() {
      for (const client of Object.values(clients)) client.destroy();
    },
  };
}

/** A VPC with one public and one private subnet per Availability Zone. */
export interface NetworkFixture {
  readonly vpcId: string;
  readonly cidrBlock: string;
  readonly availabilityZones: readonly string[];
  /** In Availability Zone order, routed to an internet gateway. */
  readonly publicSubnetIds: readonly string[];
  /** In Availability Zone order, no route to the internet. */
  readonly privateSubnetIds: readonly string[];
}

/** Options of {@link createNetwork}. */
export interface NetworkOptions {
  /** A /16; subnets are its /24s: public from .0, private from .100. Default `10.40.0.0/16`. */
  readonly cidrBlock?: string;
  /** Number of Availability Zones; default 2. */
  readonly azCount?: number;
}

/**
 * Creates a VPC (DNS support and hostnames on), an attached internet gateway, a public route table
 * with a default route, and a public and a private subnet in each of the first `azCount` zones.
 */
export async function createNetwork(ec2: EC2Client, options: NetworkOptions = {}): Promise<NetworkFixture> {
  const { cidrBlock = '10.40.0.0/16', azCount = 2 } = options;
  const [a, b] = cidrBlock.split('.');
  const zones = (await ec2.send(new DescribeAvailabilityZonesCommand({}))).AvailabilityZones ?? [];
  const availabilityZones = zones.map((z) => z.ZoneName!).sort().slice(0, azCount);
  if (availabilityZones.length < azCount) throw new Error(`moto offers ${availabilityZones.length} Availability Zones, ${azCount} requested`);

  const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: cidrBlock }))).Vpc!.VpcId!;
  await ec2.send(new ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsSupport: { Value: true } }));
  await ec2.send(new ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsHostnames: { Value: true } }));
  const igwId = (await ec2.send(new CreateInternetGatewayCommand({}))).InternetGateway!.InternetGatewayId!;
  await ec2.send(new AttachInternetGatewayCommand({ VpcId: vpcId, InternetGatewayId: igwId }));
  const publicRouteTableId = (await ec2.send(new CreateRouteTableCommand({ VpcId: vpcId }))).RouteTable!.RouteTableId!;
  await ec2.send(new CreateRouteCommand({ RouteTableId: publicRouteTableId, DestinationCidrBlock: '0.0.0.0/0', GatewayId: igwId }));

  const publicSubnetIds: string[] = [];
  const privateSubnetIds: string[] = [];
  for (const [i, az] of availabilityZones.entries()) {
    const publicId = (await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, AvailabilityZone: az, CidrBlock: `${a}.${b}.${i}.0/24` }))).Subnet!.SubnetId!;
    await ec2.send(new AssociateRouteTableCommand({ RouteTableId: publicRouteTableId, SubnetId: publicId }));
    publicSubnetIds.push(publicId);
    const privateId = (await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, AvailabilityZone: az, CidrBlock: `${a}.${b}.${100 + i}.0/24` }))).Subnet!.SubnetId!;
    privateSubnetIds.push(privateId);
  }
  return { vpcId, cidrBlock, availabilityZones, publicSubnetIds, privateSubnetIds };
}

/** A public hosted zone. */
export interface HostedZoneFixture {
  /** Without the `/hostedzone/` prefix, as `AWS::Route53::HostedZone::Id` parameters expect. */
  readonly hostedZoneId: string;
  /** The zone apex without the trailing dot, e.g. `cfnkit.test`. */
  readonly name: string;
}

/** Creates a public hosted zone for `name` (default `cfnkit.test`). */
export async function createHostedZone(route53: Route53Client, name = 'cfnkit.test'): Promise<HostedZoneFixture> {
  const zone = await route53.send(new CreateHostedZoneCommand({ Name: name, CallerReference: `cfnkit-${name}` }));
  return { hostedZoneId: zone.HostedZone!.Id!.replace(/^\/hostedzone\//, ''), name };
}

/**
 * Requests a DNS-validated ACM certificate for `domainName` and returns its ARN. moto's ELBv2 only
 * checks that the ARN names a certificate ACM knows, so a pending certificate serves an HTTPS listener.
 */
export async function requestCertificate(acm: ACMClient, domainName: string): Promise<string> {
  const out = await acm.send(new RequestCertificateCommand({ DomainName: domainName, ValidationMethod: 'DNS', SubjectAlternativeNames: [`*.${domainName}`] }));
  return out.CertificateArn!;
}

/** The public parameter templates use for the latest Amazon Linux 2023 AMI. */
export const AL2023_AMI_PARAMETER = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';

/**
 * Resolves the public SSM parameter `name` and checks that moto's EC2 knows the AMI it names, so a
 * template's `AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>` parameter launches a known image.
 * moto preloads `/aws/service/ami-amazon-linux-latest/*` and the matching images; a parameter under
 * `/aws` cannot be created with PutParameter (moto rejects the prefix, as AWS does). Returns the AMI id.
 */
export async function latestAmi(ssm: SSMClient, ec2: EC2Client, name = AL2023_AMI_PARAMETER): Promise<string> {
  const imageId = (await ssm.send(new GetParameterCommand({ Name: name }))).Parameter?.Value;
  if (!imageId) throw new Error(`SSM parameter ${name} has no value`);
  const images = (await ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }))).Images ?? [];
  if (images.length !== 1) throw new Error(`SSM parameter ${name} names ${imageId}, which moto's EC2 does not list`);
  return imageId;
}

/**
 * `Fn::GetAtt` attributes that moto 5.2.1's CloudFormation rejects although CloudFormation supports
 * them ("resource X does not support attribute type Y in Fn::GetAtt"), by resource type.
 * - AWS::RDS::DBInstance: moto resolves `Endpoint.Address` and `Endpoint.Port` only
 *   (moto/rds/models.py `DBInstance.has_cfn_attr`).
 */
export const MOTO_UNSUPPORTED_GETATT: { readonly [resourceType: string]: readonly string[] } = {
  'AWS::RDS::DBInstance': ['MasterUserSecret.SecretArn'],
};

/**
 * A copy of `template` without the outputs whose value is a `Fn::GetAtt` listed in
 * {@link MOTO_UNSUPPORTED_GETATT}: a moto limitation, not a template fault. Returns the copy and the
 * dropped output ids, so a test can pin exactly what it does not check.
 */
export function withoutOutputsMotoCannotResolve(template: Template): { template: Template; dropped: string[] } {
  const dropped: string[] = [];
  const outputs: NonNullable<Template['Outputs']> = {};
  for (const [id, output] of Object.entries(template.Outputs ?? {})) {
    const [logicalId, attribute] = isIntrinsic(output.Value, 'Fn::GetAtt') ? output.Value.args : [];
    const type = logicalId === undefined ? undefined : template.Resources[logicalId]?.Type;
    if (type && typeof attribute === 'string' && MOTO_UNSUPPORTED_GETATT[type]?.includes(attribute)) dropped.push(id);
    else outputs[id] = output;
  }
  return { template: { ...template, Outputs: outputs }, dropped };
}
