/**
 * Proves the deploy harness on a small hand-made template: moto starts and stops, fixtures resolve,
 * a JSON template deploys to CREATE_COMPLETE with its exports, and a failed CreateStack explains itself.
 */
import { ListExportsCommand } from '@aws-sdk/client-cloudformation';
import { DescribeSecurityGroupsCommand } from '@aws-sdk/client-ec2';
import { emit } from '../../src/emit';
import { getAtt, TemplateBuilder } from '../../src/model/builder';
import { ref, sub } from '../../src/model/intrinsics';
import { AL2023_AMI_PARAMETER, awsClients, createNetwork, latestAmi, type AwsClients, type NetworkFixture } from '../support/aws-fixtures';
import { deployStack, describeWithMoto, resourcesNotCreated, startMoto, StackDeployError, type MotoServer } from '../support/moto';

/** A security group in a given VPC, exported, and the AMI id its SSM-typed parameter resolves to. */
function harnessTemplate(): string {
  const t = new TemplateBuilder('cfnkit deploy harness');
  const vpcId = t.parameter('VpcId', { Type: 'AWS::EC2::VPC::Id' });
  const imageId = t.parameter('ImageId', { Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>', Default: AL2023_AMI_PARAMETER });
  const group = t.resource('AppSecurityGroup', 'AWS::EC2::SecurityGroup', { GroupDescription: 'harness', VpcId: ref(vpcId) });
  t.output('SecurityGroupId', getAtt(group, 'GroupId'), { exportName: sub('${AWS::StackName}-SecurityGroupId') });
  t.output('ResolvedImageId', ref(imageId));
  return emit(t.build(), 'json');
}

/** Valid resources around a subnet in a VPC that does not exist, which moto refuses. */
function failingTemplate(): string {
  const t = new TemplateBuilder('cfnkit deploy harness, failing');
  const vpc = t.resource('Vpc', 'AWS::EC2::VPC', { CidrBlock: '10.98.0.0/16' });
  t.resource('Group', 'AWS::EC2::SecurityGroup', { GroupDescription: 'fine', VpcId: ref(vpc) });
  t.resource('Orphan', 'AWS::EC2::Subnet', { VpcId: 'vpc-00000000000000000', CidrBlock: '10.99.0.0/24' });
  t.resource('Sibling', 'AWS::EC2::Subnet', { VpcId: ref(vpc), CidrBlock: '10.98.1.0/24' });
  return emit(t.build(), 'json');
}

/**
 * A network ACL, which moto's CloudFormation does not implement: alone it is skipped silently; a
 * resource that refers to it gets no value and moto fails internally.
 */
function unsupportedTemplate(referenced: boolean): string {
  const t = new TemplateBuilder('cfnkit deploy harness, unsupported type');
  const vpc = t.resource('Vpc', 'AWS::EC2::VPC', { CidrBlock: '10.97.0.0/16' });
  const acl = t.resource('Acl', 'AWS::EC2::NetworkAcl', { VpcId: ref(vpc) });
  if (referenced) t.resource('Group', 'AWS::EC2::SecurityGroup', { GroupDescription: 'tagged', VpcId: ref(vpc), Tags: [{ Key: 'acl', Value: ref(acl) }] });
  return emit(t.build(), 'json');
}

describeWithMoto('deploy harness (moto_server)', () => {
  let moto: MotoServer | undefined;
  let aws: AwsClients;
  let network: NetworkFixture;

  beforeAll(async () => {
    moto = await startMoto();
    aws = awsClients(moto);
    network = await createNetwork(aws.ec2);
  }, 90_000);

  afterAll(async () => {
    aws?.destroy();
    await moto?.stop();
  });

  it('deploys a JSON template to CREATE_COMPLETE and lists its exports', async () => {
    const imageId = await latestAmi(aws.ssm, aws.ec2);
    const { stack, outputs, motoWarnings } = await deployStack(aws, { stackName: 'harness', templateBody: harnessTemplate(), parameters: { VpcId: network.vpcId } });
    expect(stack.StackStatus).toBe('CREATE_COMPLETE');
    expect(motoWarnings).toEqual([]);

    const exports = (await aws.cloudformation.send(new ListExportsCommand({}))).Exports ?? [];
    expect(exports).toContainEqual(expect.objectContaining({ Name: 'harness-SecurityGroupId', Value: outputs.SecurityGroupId }));

    const groups = await aws.ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [outputs.SecurityGroupId] }));
    expect(groups.SecurityGroups?.[0]?.VpcId).toBe(network.vpcId);
    expect(outputs.ResolvedImageId).toBe(imageId);
  });

  it('rejects a failed CreateStack naming the failing resource, the cause and the stack events', async () => {
    const failure = await deployStack(aws, { stackName: 'harness-failing', templateBody: failingTemplate() }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StackDeployError);
    expect(failure).toMatchObject({
      code: 'stack-deploy-failed',
      stackName: 'harness-failing',
      status: expect.stringContaining('InvalidVpcID.NotFound'),
      failingResource: { logicalId: 'Orphan', type: 'AWS::EC2::Subnet', error: expect.stringContaining('InvalidVpcID.NotFound') },
    });
    expect((failure as StackDeployError).message).toContain('stack events:');
  });

  it('reports resources moto skips, and quotes moto\'s traceback when a reference to one breaks it', async () => {
    const skipped = unsupportedTemplate(false);
    const deployed = await deployStack(aws, { stackName: 'harness-skipped', templateBody: skipped });
    expect(deployed.motoWarnings).toEqual(['unsupported resource type AWS::EC2::NetworkAcl']);
    expect(await resourcesNotCreated(aws.cloudformation, 'harness-skipped', skipped)).toEqual([{ logicalId: 'Acl', type: 'AWS::EC2::NetworkAcl' }]);

    const failure = await deployStack(aws, { stackName: 'harness-broken', templateBody: unsupportedTemplate(true) }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ failingResource: { logicalId: 'Group' } });
    expect((failure as Error).message).toContain('moto warnings: unsupported resource type AWS::EC2::NetworkAcl');
    expect((failure as Error).message).toContain('moto traceback:');
  });
});
