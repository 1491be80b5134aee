/**
 * Deploys `blue-green` on top of a deployed `data-tier` stack in moto's CloudFormation, as one stack and
 * split into blue, green and dns stacks, and checks the traffic split: both load balancers exist with
 * their HTTPS listeners, and Route 53 holds the two weighted alias records (blue 90, green 10) pointing
 * at them.
 */
import { DescribeStackResourceCommand, ListExportsCommand } from '@aws-sdk/client-cloudformation';
import { DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import { DescribeLaunchTemplateVersionsCommand } from '@aws-sdk/client-ec2';
import { DescribeListenersCommand, DescribeLoadBalancersCommand, DescribeTargetGroupsCommand, type LoadBalancer } from '@aws-sdk/client-elastic-load-balancing-v2';
import { ListResourceRecordSetsCommand, type ResourceRecordSet } from '@aws-sdk/client-route-53';
import { blueGreen, blueGreenStacks } from '../../generators/blue-green';
import { dataTier } from '../../generators/data-tier';
import { emit } from '../../src/emit';
import {
  awsClients,
  createHostedZone,
  createNetwork,
  latestAmi,
  requestCertificate,
  withoutOutputsMotoCannotResolve,
  type AwsClients,
  type HostedZoneFixture,
  type NetworkFixture,
} from '../support/aws-fixtures';
import { deployStack, describeWithMoto, resourcesNotCreated, startMoto, type MotoServer } from '../support/moto';

/** The data-tier stack name blue-green's DataStackName parameter defaults to. */
const DATA_STACK = 'data-tier';
const STACK = 'webapp';

/** A DNS name as Route 53 and ELB may spell it: lower case, no trailing dot. */
const dnsName = (name: string | undefined) => name?.toLowerCase().replace(/\.$/, '');

describeWithMoto('blue-green deploys on top of data-tier (moto_server)', () => {
  let moto: MotoServer | undefined;
  let aws: AwsClients;
  let network: NetworkFixture;
  let zone: HostedZoneFixture;
  let certificateArn: string;
  let dataOutputs: Record<string, string>;
  const networkParameters = () => ({
    VpcId: network.vpcId,
    PublicSubnetIds: network.publicSubnetIds.join(','),
    PrivateSubnetIds: network.privateSubnetIds.join(','),
  });

  beforeAll(async () => {
    moto = await startMoto();
    aws = awsClients(moto);
    network = await createNetwork(aws.ec2);
    zone = await createHostedZone(aws.route53, 'cfnkit.test');
    certificateArn = await requestCertificate(aws.acm, 'cfnkit.test'); // covers *.cfnkit.test
    await latestAmi(aws.ssm, aws.ec2); // the default of BlueImageId and GreenImageId resolves to a known AMI
    // moto cannot resolve GetAtt MasterUserSecret.SecretArn of an RDS DB instance (see MOTO_UNSUPPORTED_GETATT).
    const data = withoutOutputsMotoCannotResolve(dataTier()).template;
    const dataStack = await deployStack(aws, {
      stackName: DATA_STACK,
      templateBody: emit(data, 'json'),
      parameters: { VpcId: network.vpcId, PrivateSubnetIds: network.privateSubnetIds.join(',') },
    });
    dataOutputs = dataStack.outputs;
  }, 240_000);

  afterAll(async () => {
    aws?.destroy();
    await moto?.stop();
  });

  const physicalId = async (stackName: string, logicalId: string) =>
    (await aws.cloudformation.send(new DescribeStackResourceCommand({ StackName: stackName, LogicalResourceId: logicalId }))).StackResourceDetail!.PhysicalResourceId!;

  const loadBalancerOf = async (stackName: string, logicalId: string): Promise<LoadBalancer> => {
    const arn = await physicalId(stackName, logicalId);
    const [loadBalancer] = (await aws.elbv2.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: [arn] }))).LoadBalancers ?? [];
    return loadBalancer;
  };

  /** The hosted zone's records named `name`, all pages. */
  const recordsNamed = async (name: string): Promise<ResourceRecordSet[]> => {
    const records: ResourceRecordSet[] = [];
    let start: { StartRecordName?: string; StartRecordType?: ResourceRecordSet['Type']; StartRecordIdentifier?: string } = {};
    for (;;) {
      const page = await aws.route53.send(new ListResourceRecordSetsCommand({ HostedZoneId: zone.hostedZoneId, ...start }));
      records.push(...(page.ResourceRecordSets ?? []));
      if (!page.IsTruncated) break;
      start = { StartRecordName: page.NextRecordName, StartRecordType: page.NextRecordType, StartRecordIdentifier: page.NextRecordIdentifier };
    }
    return records.filter((r) => dnsName(r.Name) === name);
  };

  /** Route 53 holds exactly a blue and a green weighted alias A record under `name`, to these load balancers. */
  const expectWeightedAliases = async (name: string, targets: { blue: LoadBalancer; green: LoadBalancer }) => {
    const records = await recordsNamed(name);
    expect(records.map((r) => r.SetIdentifier).sort()).toEqual(['blue', 'green']);
    for (const [setIdentifier, weight] of [['blue', 90], ['green', 10]] as const) {
      const record = records.find((r) => r.SetIdentifier === setIdentifier)!;
      expect(record).toMatchObject({ Type: 'A', Weight: weight, AliasTarget: expect.objectContaining({ EvaluateTargetHealth: true }) });
      expect(dnsName(record.AliasTarget?.DNSName)).toBe(dnsName(targets[setIdentifier].DNSName));
      // AliasTarget.HostedZoneId is not asserted: moto leaves GetAtt CanonicalHostedZoneID unresolved (see motoWarnings).
    }
  };

  // moto 5.2.1 does not implement GetAtt CanonicalHostedZoneID of AWS::ElasticLoadBalancingV2::LoadBalancer
  // (moto/elbv2/models.py FakeLoadBalancer.get_cfn_attribute): it logs a warning and leaves the intrinsic, as
  // text, where CloudFormation puts the load balancer's hosted zone. Every stack with an alias target says so.
  const unresolvedZone = (colour: string) => `unresolved Fn::GetAtt ${colour}LoadBalancer.CanonicalHostedZoneID`;

  describe('one stack', () => {
    const domainName = 'app.cfnkit.test';
    const templateBody = emit(blueGreen(), 'json');
    let outputs: Record<string, string>;

    it('reaches CREATE_COMPLETE with every resource created, DataStackName left at its default', async () => {
      const deployed = await deployStack(aws, {
        stackName: STACK,
        templateBody,
        parameters: { ...networkParameters(), HostedZoneId: zone.hostedZoneId, DomainName: domainName, CertificateArn: certificateArn },
      });
      const { stack } = deployed;
      expect(stack.StackStatus).toBe('CREATE_COMPLETE');
      expect(stack.Parameters).toContainEqual(expect.objectContaining({ ParameterKey: 'DataStackName', ParameterValue: DATA_STACK }));
      expect(stack.Parameters).toContainEqual(expect.objectContaining({ ParameterKey: 'BlueWeight', ParameterValue: '90' }));
      expect(stack.Parameters).toContainEqual(expect.objectContaining({ ParameterKey: 'GreenWeight', ParameterValue: '10' }));
      expect(await resourcesNotCreated(aws.cloudformation, STACK, templateBody)).toEqual([]);
      expect(deployed.motoWarnings).toEqual([unresolvedZone('Blue'), unresolvedZone('Green')]);
      outputs = deployed.outputs;
    }, 240_000);

    it('sends 90% of DomainName to the blue and 10% to the green load balancer (Route 53 weighted aliases)', async () => {
      await expectWeightedAliases(domainName, { blue: await loadBalancerOf(STACK, 'BlueLoadBalancer'), green: await loadBalancerOf(STACK, 'GreenLoadBalancer') });
    });

    describe.each(['Blue', 'Green'])('%s environment', (colour) => {
      let loadBalancer: LoadBalancer;

      beforeAll(async () => {
        loadBalancer = await loadBalancerOf(STACK, `${colour}LoadBalancer`);
      });

      it('has an internet-facing load balancer in the public subnets', () => {
        expect(loadBalancer).toMatchObject({ Type: 'application', Scheme: 'internet-facing', VpcId: network.vpcId });
        expect(loadBalancer.AvailabilityZones?.map((z) => z.SubnetId).sort()).toEqual([...network.publicSubnetIds].sort());
        expect(dnsName(outputs[`${colour}LoadBalancerDnsName`])).toBe(dnsName(loadBalancer.DNSName));
      });

      it('serves HTTPS with the ACM certificate and redirects HTTP', async () => {
        const listeners = (await aws.elbv2.send(new DescribeListenersCommand({ LoadBalancerArn: loadBalancer.LoadBalancerArn }))).Listeners ?? [];
        const byPort = Object.fromEntries(listeners.map((l) => [l.Port, l]));
        expect(byPort[443]).toMatchObject({ Protocol: 'HTTPS', Certificates: [expect.objectContaining({ CertificateArn: certificateArn })] });
        expect(byPort[80]).toMatchObject({ Protocol: 'HTTP', DefaultActions: [expect.objectContaining({ Type: 'redirect' })] });
      });

      it('runs an Auto Scaling group in the private subnets, registered with the load balancer', async () => {
        const name = await physicalId(STACK, `${colour}AutoScalingGroup`);
        expect(outputs[`${colour}AutoScalingGroupName`]).toBe(name);
        const [group] = (await aws.autoscaling.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [name] }))).AutoScalingGroups ?? [];
        expect(group).toMatchObject({ MinSize: 2, MaxSize: 4, DesiredCapacity: 2, HealthCheckType: 'ELB' });
        expect(group.VPCZoneIdentifier?.split(',').sort()).toEqual([...network.privateSubnetIds].sort());
        expect(group.LaunchTemplate?.LaunchTemplateId).toBe(await physicalId(STACK, `${colour}LaunchTemplate`));
        expect(group.TargetGroupARNs).toEqual([await physicalId(STACK, `${colour}TargetGroup`)]);
        const targetGroups = (await aws.elbv2.send(new DescribeTargetGroupsCommand({ LoadBalancerArn: loadBalancer.LoadBalancerArn }))).TargetGroups ?? [];
        expect(targetGroups.map((t) => t.TargetGroupArn)).toEqual(group.TargetGroupARNs);
      });

      it("launches instances with the data tier's client security group and endpoints, imported from the data-tier stack", async () => {
        const id = await physicalId(STACK, `${colour}LaunchTemplate`);
        const versions = await aws.ec2.send(new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateId: id, Versions: ['$Latest'] }));
        const data = versions.LaunchTemplateVersions?.[0]?.LaunchTemplateData;
        expect(data?.SecurityGroupIds).toContain(dataOutputs.DbClientSecurityGroupId);
        expect(data?.SecurityGroupIds).toContain(await physicalId(STACK, `${colour}InstanceSecurityGroup`));
        const userData = Buffer.from(data?.UserData ?? '', 'base64').toString('utf8');
        expect(userData).toContain(dataOutputs.SessionTableName);
        expect(userData).toContain(dataOutputs.DbEndpoint);
      });
    });
  });

  describe('split into blue, green and dns stacks', () => {
    const domainName = 'split.cfnkit.test';
    const stacks = blueGreenStacks();
    // The dns stack's BlueStackName and GreenStackName default to `<appName>-blue` and `<appName>-green`.
    const colourStacks = [
      { colour: 'Blue', stackName: 'webapp-blue', template: stacks.blue },
      { colour: 'Green', stackName: 'webapp-green', template: stacks.green },
    ];

    it.each(colourStacks)('deploys $stackName, exporting its load balancer', async ({ colour, stackName, template }) => {
      const templateBody = emit(template, 'json');
      const deployed = await deployStack(aws, { stackName, templateBody, parameters: { ...networkParameters(), CertificateArn: certificateArn } });
      expect(deployed.stack.StackStatus).toBe('CREATE_COMPLETE');
      expect(await resourcesNotCreated(aws.cloudformation, stackName, templateBody)).toEqual([]);
      expect(deployed.motoWarnings).toEqual([unresolvedZone(colour)]);
      const loadBalancer = await loadBalancerOf(stackName, `${colour}LoadBalancer`);
      const exports = (await aws.cloudformation.send(new ListExportsCommand({}))).Exports ?? [];
      expect(exports).toContainEqual(expect.objectContaining({ Name: `${stackName}-AlbDnsName`, Value: loadBalancer.DNSName }));
      expect(exports).toContainEqual(expect.objectContaining({ Name: `${stackName}-AlbHostedZoneId` }));
    }, 240_000);

    it('deploys the dns stack, whose weighted aliases point at the imported load balancers', async () => {
      const templateBody = emit(stacks.dns, 'json');
      const deployed = await deployStack(aws, { stackName: 'webapp-dns', templateBody, parameters: { HostedZoneId: zone.hostedZoneId, DomainName: domainName } });
      expect(deployed.stack.StackStatus).toBe('CREATE_COMPLETE');
      expect(await resourcesNotCreated(aws.cloudformation, 'webapp-dns', templateBody)).toEqual([]);
      expect(deployed.motoWarnings).toEqual([]);
      await expectWeightedAliases(domainName, { blue: await loadBalancerOf('webapp-blue', 'BlueLoadBalancer'), green: await loadBalancerOf('webapp-green', 'GreenLoadBalancer') });
    }, 240_000);
  });
});
