/**
 * Network inputs and security groups shared by the patterns. The patterns deploy into an existing
 * VPC, so the VPC and its subnets are deploy-time Parameters with AWS-specific types (the console
 * then offers pickers and CloudFormation checks the ids exist before it creates anything). See
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-supplied-parameter-types.html
 */
import { ParameterHandle, ResourceHandle, TemplateBuilder } from '../../src/model/builder';
import type { Value } from '../../src/model/intrinsics';
import type { EC2SecurityGroupIngress, Tag } from '../../src/spec/generated/resources';

/** The VPC and subnet Parameters of a pattern that deploys into an existing VPC. */
export interface NetworkParameters {
  /** `VpcId`, type `AWS::EC2::VPC::Id`. */
  readonly vpcId: ParameterHandle;
  /** `PublicSubnetIds`, type `List<AWS::EC2::Subnet::Id>`: internet-facing load balancers go here. */
  readonly publicSubnetIds: ParameterHandle;
  /** `PrivateSubnetIds`, type `List<AWS::EC2::Subnet::Id>`: instances go here. */
  readonly privateSubnetIds: ParameterHandle;
}

/** Adds the `VpcId`, `PublicSubnetIds` and `PrivateSubnetIds` Parameters. */
export function networkParameters(b: TemplateBuilder): NetworkParameters {
  return {
    vpcId: b.parameter('VpcId', {
      Type: 'AWS::EC2::VPC::Id',
      Description: 'VPC to deploy into',
    }),
    publicSubnetIds: b.parameter('PublicSubnetIds', {
      Type: 'List<AWS::EC2::Subnet::Id>',
      Description: 'Public subnets of VpcId, in at least two Availability Zones, for the internet-facing load balancers',
    }),
    privateSubnetIds: b.parameter('PrivateSubnetIds', {
      Type: 'List<AWS::EC2::Subnet::Id>',
      Description:
        'Private subnets of VpcId, in at least two Availability Zones, for the instances (they need outbound access through a NAT gateway or VPC endpoints)',
    }),
  };
}

/** Inputs of {@link securityGroup}. */
export interface SecurityGroupOptions {
  /** `GroupDescription` (immutable: changing it replaces the group). */
  readonly description: string;
  readonly vpcId: Value<string>;
  /** Inbound rules; outbound stays CloudFormation's default (all traffic). */
  readonly ingress: ReadonlyArray<EC2SecurityGroupIngress>;
  /** Value of the `Name` tag. */
  readonly name?: Value<string>;
}

/** Adds an `AWS::EC2::SecurityGroup` with inline ingress rules. */
export function securityGroup(b: TemplateBuilder, logicalId: string, options: SecurityGroupOptions): ResourceHandle<'AWS::EC2::SecurityGroup'> {
  return b.resource(logicalId, 'AWS::EC2::SecurityGroup', {
    GroupDescription: options.description,
    VpcId: options.vpcId,
    SecurityGroupIngress: [...options.ingress],
    Tags: options.name === undefined ? undefined : nameTag(options.name),
  });
}

/** A TCP ingress rule from anywhere on IPv4 (for internet-facing load balancers). */
export function tcpFromAnywhere(port: number, description: string): EC2SecurityGroupIngress {
  return { IpProtocol: 'tcp', FromPort: port, ToPort: port, CidrIp: '0.0.0.0/0', Description: description };
}

/** A TCP ingress rule from the members of another security group. */
export function tcpFromGroup(port: number, sourceSecurityGroupId: Value<string>, description: string): EC2SecurityGroupIngress {
  return { IpProtocol: 'tcp', FromPort: port, ToPort: port, SourceSecurityGroupId: sourceSecurityGroupId, Description: description };
}

/** A `Name` tag list, the form most resource types take. */
export function nameTag(name: Value<string>): Tag[] {
  return [{ Key: 'Name', Value: name }];
}
