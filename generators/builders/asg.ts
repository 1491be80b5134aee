/**
 * EC2 capacity behind a load balancer: the instance role and profile, a launch template that
 * requires IMDSv2, and an Auto Scaling group that uses the load balancer's health checks, plus the
 * deploy-time Parameters these take (AMI through a public SSM parameter, instance type, group size).
 * See https://docs.aws.amazon.com/autoscaling/ec2/userguide/launch-templates.html
 */
import { ParameterHandle, ResourceHandle, TemplateBuilder, getAtt } from '../../src/model/builder';
import { base64, ref, sub, TemplateValue, Value } from '../../src/model/intrinsics';
import { nameTag } from './network';

/**
 * Public SSM parameter naming the latest Amazon Linux 2023 AMI (x86_64).
 * See https://docs.aws.amazon.com/linux/al2023/ug/ec2.html#launch-from-ec2-console
 */
export const AL2023_AMI_PARAMETER = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';

/**
 * Adds an AMI Parameter of type `AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>`, defaulting to
 * {@link AL2023_AMI_PARAMETER}. CloudFormation resolves it on every stack update.
 */
export function imageIdParameter(b: TemplateBuilder, logicalId: string, description: string): ParameterHandle {
  return b.parameter(logicalId, {
    Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>',
    Description: description,
    Default: AL2023_AMI_PARAMETER,
  });
}

/** Adds an EC2 instance type Parameter (default `t3.micro`). */
export function instanceTypeParameter(b: TemplateBuilder, logicalId: string, description: string, defaultType = 't3.micro'): ParameterHandle {
  return b.parameter(logicalId, {
    Type: 'String',
    Description: description,
    Default: defaultType,
    AllowedPattern: '^[a-z][a-z0-9-]*\\.[a-z0-9]+$',
    ConstraintDescription: 'must be an EC2 instance type such as t3.micro',
  });
}

/** Minimum and maximum size Parameters of one Auto Scaling group. */
export interface SizeParameters {
  readonly minSize: ParameterHandle;
  readonly maxSize: ParameterHandle;
}

/** {@link SizeParameters} plus the desired capacity. */
export interface CapacityParameters extends SizeParameters {
  readonly desiredCapacity: ParameterHandle;
}

function sizeParameter(b: TemplateBuilder, logicalId: string, description: string, defaultValue: number): ParameterHandle {
  return b.parameter(logicalId, { Type: 'Number', Description: description, Default: defaultValue, MinValue: 1, MaxValue: 100 });
}

/**
 * Adds `<prefix>MinSize` and `<prefix>MaxSize` (Numbers, 1 to 100; defaults 2 and 4). `label` names
 * the group in the descriptions.
 */
export function sizeParameters(b: TemplateBuilder, prefix: string, label: string): SizeParameters {
  return {
    minSize: sizeParameter(b, `${prefix}MinSize`, `Minimum number of instances in the ${label}`, 2),
    maxSize: sizeParameter(b, `${prefix}MaxSize`, `Maximum number of instances in the ${label}`, 4),
  };
}

/** Adds {@link sizeParameters} and `<prefix>DesiredCapacity` (default 2). */
export function capacityParameters(b: TemplateBuilder, prefix: string, label: string): CapacityParameters {
  return {
    ...sizeParameters(b, prefix, label),
    desiredCapacity: sizeParameter(b, `${prefix}DesiredCapacity`, `Instances the ${label} starts with (from MinSize to MaxSize)`, 2),
  };
}

/** The ARN of an AWS managed IAM policy, in the stack's partition. */
export function managedPolicyArn(name: string): Value<string> {
  return sub(`arn:\${AWS::Partition}:iam::aws:policy/${name}`);
}

/** One IAM policy statement. */
export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Action: string[];
  readonly Resource: Value<string> | Array<Value<string>>;
}

/** Inputs of {@link instanceRole}. */
export interface InstanceRoleOptions {
  /** Name of the inline policy holding `statements`. */
  readonly policyName: string;
  readonly statements: ReadonlyArray<PolicyStatement>;
  readonly managedPolicyArns?: ReadonlyArray<Value<string>>;
  readonly description: string;
}

/** An instance role and the instance profile that carries it. */
export interface InstanceRole {
  readonly role: ResourceHandle<'AWS::IAM::Role'>;
  readonly instanceProfile: ResourceHandle<'AWS::IAM::InstanceProfile'>;
}

/** Adds `<prefix>Role`, assumable by EC2 only, and `<prefix>Profile`. */
export function instanceRole(b: TemplateBuilder, prefix: string, options: InstanceRoleOptions): InstanceRole {
  const role = b.resource(`${prefix}Role`, 'AWS::IAM::Role', {
    Description: options.description,
    AssumeRolePolicyDocument: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    },
    ManagedPolicyArns: options.managedPolicyArns ? [...options.managedPolicyArns] : undefined,
    Policies: [
      {
        PolicyName: options.policyName,
        PolicyDocument: { Version: '2012-10-17', Statement: options.statements as unknown as TemplateValue[] },
      },
    ],
  });
  const instanceProfile = b.resource(`${prefix}Profile`, 'AWS::IAM::InstanceProfile', { Roles: [ref(role)] });
  return { role, instanceProfile };
}

/** Inputs of {@link launchTemplate}. */
export interface LaunchTemplateOptions {
  readonly imageId: Value<string>;
  readonly instanceType: Value<string>;
  readonly securityGroupIds: ReadonlyArray<Value<string>>;
  readonly instanceProfile: ResourceHandle<'AWS::IAM::InstanceProfile'>;
  /** The user data script, before base64 (this builder wraps it in `Fn::Base64`). */
  readonly userData: Value<string>;
  /** `Name` tag of the instances and their volumes. */
  readonly name: string;
}

/**
 * Adds an `AWS::EC2::LaunchTemplate` whose instances require IMDSv2 session tokens (hop limit 1).
 * See https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html
 */
export function launchTemplate(b: TemplateBuilder, logicalId: string, options: LaunchTemplateOptions): ResourceHandle<'AWS::EC2::LaunchTemplate'> {
  return b.resource(logicalId, 'AWS::EC2::LaunchTemplate', {
    LaunchTemplateData: {
      ImageId: options.imageId,
      InstanceType: options.instanceType,
      IamInstanceProfile: { Arn: getAtt(options.instanceProfile, 'Arn') },
      SecurityGroupIds: [...options.securityGroupIds],
      MetadataOptions: { HttpEndpoint: 'enabled', HttpTokens: 'required', HttpPutResponseHopLimit: 1 },
      Monitoring: { Enabled: true },
      UserData: base64(options.userData),
      TagSpecifications: [
        { ResourceType: 'instance', Tags: nameTag(options.name) },
        { ResourceType: 'volume', Tags: nameTag(options.name) },
      ],
    },
  });
}

/** Inputs of {@link autoScalingGroup}. */
export interface AutoScalingGroupOptions {
  readonly launchTemplate: ResourceHandle<'AWS::EC2::LaunchTemplate'>;
  readonly subnetIds: Value<Array<Value<string>>>;
  readonly targetGroupArns: ReadonlyArray<Value<string>>;
  readonly capacity: CapacityParameters;
  /** Seconds before the load balancer's health checks count. Default 300. */
  readonly healthCheckGracePeriod?: number;
  /** How long CloudFormation waits for the instances' `cfn-signal`s (ISO 8601). Default `PT15M`. */
  readonly signalTimeout?: string;
  /** `Name` tag of the group. */
  readonly name: string;
}

/**
 * Adds an `AWS::AutoScaling::AutoScalingGroup` on the latest version of `launchTemplate`, with
 * `HealthCheckType: ELB`. Its instances must run `cfn-signal` for this logical id once they serve
 * (the creation policy waits for DesiredCapacity signals). A launch template change replaces the
 * whole group (`AutoScalingReplacingUpdate`): the old group keeps serving until the new one has
 * signalled, then it is deleted.
 * See https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-updatepolicy.html
 */
export function autoScalingGroup(b: TemplateBuilder, logicalId: string, options: AutoScalingGroupOptions): ResourceHandle<'AWS::AutoScaling::AutoScalingGroup'> {
  const { capacity } = options;
  return b.resource(
    logicalId,
    'AWS::AutoScaling::AutoScalingGroup',
    {
      LaunchTemplate: { LaunchTemplateId: ref(options.launchTemplate), Version: getAtt(options.launchTemplate, 'LatestVersionNumber') },
      VPCZoneIdentifier: options.subnetIds,
      TargetGroupARNs: [...options.targetGroupArns],
      MinSize: ref(capacity.minSize),
      MaxSize: ref(capacity.maxSize),
      DesiredCapacity: ref(capacity.desiredCapacity),
      HealthCheckType: 'ELB',
      HealthCheckGracePeriod: options.healthCheckGracePeriod ?? 300,
      Tags: [{ Key: 'Name', Value: options.name, PropagateAtLaunch: false }],
    },
    {
      creationPolicy: {
        AutoScalingCreationPolicy: { MinSuccessfulInstancesPercent: 100 },
        ResourceSignal: { Count: ref(capacity.desiredCapacity), Timeout: options.signalTimeout ?? 'PT15M' },
      },
      updatePolicy: { AutoScalingReplacingUpdate: { WillReplace: true } },
    },
  );
}
