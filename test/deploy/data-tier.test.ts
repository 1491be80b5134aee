/**
 * Deploys the `data-tier` template to moto's CloudFormation and checks what it created: the exports
 * app stacks import, the RDS DB instance and the DynamoDB session table with its TTL.
 */
import { DescribeStackResourceCommand, GetTemplateCommand, ListExportsCommand } from '@aws-sdk/client-cloudformation';
import { DescribeTableCommand, DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { DescribeSecurityGroupsCommand } from '@aws-sdk/client-ec2';
import { DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
import { DATA_TIER_EXPORTS, SESSION_KEY_ATTRIBUTE, SESSION_TTL_ATTRIBUTE, dataTier } from '../../generators/data-tier';
import { emit } from '../../src/emit';
import { awsClients, createNetwork, withoutOutputsMotoCannotResolve, type AwsClients, type NetworkFixture } from '../support/aws-fixtures';
import { deployStack, describeWithMoto, resourcesNotCreated, startMoto, type MotoServer } from '../support/moto';

const STACK = 'data-tier';

describeWithMoto('data-tier deploys (moto_server)', () => {
  let moto: MotoServer | undefined;
  let aws: AwsClients;
  let network: NetworkFixture;
  let outputs: Record<string, string>;
  // moto cannot resolve GetAtt MasterUserSecret.SecretArn of an RDS DB instance (see MOTO_UNSUPPORTED_GETATT).
  const forMoto = withoutOutputsMotoCannotResolve(dataTier());
  const templateBody = emit(forMoto.template, 'json');

  beforeAll(async () => {
    moto = await startMoto();
    aws = awsClients(moto);
    network = await createNetwork(aws.ec2);
  }, 90_000);

  afterAll(async () => {
    aws?.destroy();
    await moto?.stop();
  });

  const physicalId = async (logicalId: string) =>
    (await aws.cloudformation.send(new DescribeStackResourceCommand({ StackName: STACK, LogicalResourceId: logicalId }))).StackResourceDetail!.PhysicalResourceId!;

  it('reaches CREATE_COMPLETE with every resource created', async () => {
    const deployed = await deployStack(aws, {
      stackName: STACK,
      templateBody,
      parameters: { VpcId: network.vpcId, PrivateSubnetIds: network.privateSubnetIds.join(',') },
    });
    expect(deployed.stack.StackStatus).toBe('CREATE_COMPLETE');
    expect(forMoto.dropped).toEqual(['DbMasterUserSecretArn']);
    expect(deployed.motoWarnings).toEqual([]);
    expect(await resourcesNotCreated(aws.cloudformation, STACK, templateBody)).toEqual([]);
    outputs = deployed.outputs;
  }, 240_000);

  it('exports the blue-green contract under the stack name', async () => {
    const exports = (await aws.cloudformation.send(new ListExportsCommand({}))).Exports ?? [];
    const byName = Object.fromEntries(exports.map((e) => [e.Name, e.Value]));
    for (const [output, name] of Object.entries({
      DbEndpoint: DATA_TIER_EXPORTS.dbEndpoint,
      DbPort: DATA_TIER_EXPORTS.dbPort,
      DbClientSecurityGroupId: DATA_TIER_EXPORTS.dbClientSecurityGroupId,
      SessionTableName: DATA_TIER_EXPORTS.sessionTableName,
      SessionTableArn: DATA_TIER_EXPORTS.sessionTableArn,
    })) {
      expect(byName[`${STACK}-${name}`]).toBe(outputs[output]);
      expect(outputs[output]).toBeTruthy();
    }
  });

  it('creates a Multi-AZ DB instance in the private subnets, reachable from the client security group only', async () => {
    const [instance] = (await aws.rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: await physicalId('Database') }))).DBInstances ?? [];
    expect(instance).toMatchObject({
      Engine: 'postgres',
      MultiAZ: true,
      StorageEncrypted: true,
      PubliclyAccessible: false,
      Endpoint: { Address: outputs.DbEndpoint, Port: Number(outputs.DbPort) },
    });
    expect(Number(outputs.DbPort)).toBe(5432);
    expect(instance.DBSubnetGroup?.Subnets?.map((s) => s.SubnetIdentifier).sort()).toEqual([...network.privateSubnetIds].sort());

    // Not asserted: instance.VpcSecurityGroups. moto 5.2.1 reads `VpcSecurityGroupIds` instead of the
    // CloudFormation property `VPCSecurityGroups` (moto/rds/models.py DBInstance.create_from_cloudformation_json)
    // and attaches the default VPC's default security group instead.
    const dbGroupId = await physicalId('DbSecurityGroup');
    const [dbGroup] = (await aws.ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [dbGroupId] }))).SecurityGroups ?? [];
    expect(dbGroup.VpcId).toBe(network.vpcId);
    expect(dbGroup.IpPermissions).toEqual([
      expect.objectContaining({
        IpProtocol: 'tcp',
        FromPort: 5432,
        ToPort: 5432,
        UserIdGroupPairs: [expect.objectContaining({ GroupId: outputs.DbClientSecurityGroupId })],
      }),
    ]);
  });

  it('creates the session table keyed on the session id, with TTL on the expiry attribute', async () => {
    const { Table: table } = await aws.dynamodb.send(new DescribeTableCommand({ TableName: outputs.SessionTableName }));
    expect(table).toMatchObject({
      TableArn: outputs.SessionTableArn,
      KeySchema: [{ AttributeName: SESSION_KEY_ATTRIBUTE, KeyType: 'HASH' }],
      BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
    });
    // moto 5.2.1 ignores TimeToLiveSpecification on AWS::DynamoDB::Table in stacks (moto/dynamodb/models/table.py
    // Table.create_from_cloudformation_json), so DescribeTimeToLive reports DISABLED whatever the template says.
    // Checked as well: the table CloudFormation received asks for TTL on the expiry attribute.
    const { TimeToLiveDescription: ttl } = await aws.dynamodb.send(new DescribeTimeToLiveCommand({ TableName: outputs.SessionTableName }));
    if (ttl?.TimeToLiveStatus !== 'DISABLED') expect(ttl).toEqual({ AttributeName: SESSION_TTL_ATTRIBUTE, TimeToLiveStatus: 'ENABLED' });
    const sent = await aws.cloudformation.send(new GetTemplateCommand({ StackName: STACK }));
    expect(JSON.parse(sent.TemplateBody!).Resources.SessionTable.Properties.TimeToLiveSpecification).toEqual({
      AttributeName: SESSION_TTL_ATTRIBUTE,
      Enabled: true,
    });
  });
});
