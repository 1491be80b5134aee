import { DATA_TIER_EXPORTS, DataTierOptions, SESSION_TTL_REASON, dataTier, dataTierPattern } from '../../generators/data-tier';
import { emit } from '../../src/emit';
import { Intrinsic } from '../../src/model/intrinsics';
import type { Template } from '../../src/model/template';
import { expectRoundTrip, lintGenerated, optionError } from '../support/generated';

/** Loose view of resource properties for structural assertions. */
type Props = { [key: string]: any };

const REF = (id: string) => new Intrinsic('Ref', id);
const GET_ATT = (id: string, attribute: string) => new Intrinsic('Fn::GetAtt', [id, attribute]);

const variants: ReadonlyArray<[string, Partial<DataTierOptions>, { engine: string; port: number }]> = [
  ['defaults', {}, { engine: 'postgres', port: 5432 }],
  ['mysql', { engine: 'mysql' }, { engine: 'mysql', port: 3306 }],
  ['postgres, app Shop', { engine: 'postgres', appName: 'Shop' }, { engine: 'postgres', port: 5432 }],
];

function props(t: Template, logicalId: string): Props {
  return t.Resources[logicalId].Properties as Props;
}


describe('data-tier', () => {
  it('is clean under cfn-lint, YAML and JSON, for every variant', () => {
    const files = variants.flatMap(([, options], i) => dataTierPattern.build(options).map((f) => ({ ...f, name: `${f.name}-${i}` })));
    expect(lintGenerated(files)).toEqual([]);
  });

  describe.each(variants)('%s', (_, options, expected) => {
    const files = dataTierPattern.build(options);
    const t = files[0].template;

    it('builds one stack, data-tier', () => {
      expect(files.map((f) => f.name)).toEqual(['data-tier']);
    });

    it('round-trips and emits identically on every build', () => {
      expectRoundTrip(t);
      for (const format of ['yaml', 'json'] as const) expect(emit(dataTier(options), format)).toBe(emit(t, format));
    });

    it('keeps the DB instance: Multi-AZ, encrypted, Snapshot on delete and replace, deletion protection, backups', () => {
      const db = t.Resources.Database;
      expect(db.Type).toBe('AWS::RDS::DBInstance');
      expect(db.DeletionPolicy).toBe('Snapshot');
      expect(db.UpdateReplacePolicy).toBe('Snapshot');
      expect(props(t, 'Database')).toMatchObject({
        Engine: expected.engine,
        Port: String(expected.port),
        MultiAZ: true,
        StorageEncrypted: true,
        PubliclyAccessible: false,
        DeletionProtection: true,
        DeleteAutomatedBackups: false,
        BackupRetentionPeriod: REF('DbBackupRetentionDays'),
        DBSubnetGroupName: REF('DbSubnetGroup'),
        VPCSecurityGroups: [GET_ATT('DbSecurityGroup', 'GroupId')],
      });
    });

    it('lets RDS manage the master password: no password property or parameter', () => {
      expect(props(t, 'Database').ManageMasterUserPassword).toBe(true);
      expect(props(t, 'Database')).not.toHaveProperty('MasterUserPassword');
      expect(Object.keys(t.Parameters ?? {}).filter((id) => /password/i.test(id))).toEqual([]);
    });

    it('places the DB in PrivateSubnetIds of VpcId (AWS-specific parameter types)', () => {
      expect(t.Parameters?.VpcId.Type).toBe('AWS::EC2::VPC::Id');
      expect(t.Parameters?.PrivateSubnetIds.Type).toBe('List<AWS::EC2::Subnet::Id>');
      expect(props(t, 'DbSubnetGroup').SubnetIds).toEqual(REF('PrivateSubnetIds'));
      for (const id of Object.keys(t.Parameters ?? {})) expect(t.Parameters?.[id].Description).toBeTruthy();
    });

    it('opens the DB port to members of DbClientSecurityGroup only; the client group has no rules', () => {
      expect(props(t, 'DbSecurityGroup').SecurityGroupIngress).toEqual([
        expect.objectContaining({ IpProtocol: 'tcp', FromPort: expected.port, ToPort: expected.port, SourceSecurityGroupId: GET_ATT('DbClientSecurityGroup', 'GroupId') }),
      ]);
      expect(props(t, 'DbClientSecurityGroup')).not.toHaveProperty('SecurityGroupIngress');
      expect(props(t, 'DbClientSecurityGroup')).not.toHaveProperty('SecurityGroupEgress');
    });

    it('keeps the session table: Retain, on-demand, TTL on expires_at, PITR, SSE', () => {
      const table = t.Resources.SessionTable;
      expect(table.Type).toBe('AWS::DynamoDB::Table');
      expect(table.DeletionPolicy).toBe('Retain');
      expect(table.UpdateReplacePolicy).toBe('Retain');
      expect(props(t, 'SessionTable')).toMatchObject({
        BillingMode: 'PAY_PER_REQUEST',
        TimeToLiveSpecification: { AttributeName: 'expires_at', Enabled: true },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true },
      });
    });

    it('tells cfnkit lint why expired sessions need no archive (TTL without a stream)', () => {
      expect(t.Resources.SessionTable.Metadata).toEqual({ cfnkit: { ignore: [{ rule: 'dynamodb-ttl-archive', reason: SESSION_TTL_REASON }] } });
      expect(props(t, 'SessionTable')).not.toHaveProperty('StreamSpecification');
    });

    it('exports exactly the five names of the blue-green contract, with the right values', () => {
      const exported = Object.entries(t.Outputs ?? {})
        .filter(([, o]) => o.Export)
        .map(([id, o]) => [id, (o.Export!.Name as Intrinsic<'Fn::Sub'>).args, o.Value]);
      expect(exported).toEqual([
        ['DbEndpoint', '${AWS::StackName}-DbEndpoint', GET_ATT('Database', 'Endpoint.Address')],
        ['DbPort', '${AWS::StackName}-DbPort', GET_ATT('Database', 'Endpoint.Port')],
        ['DbClientSecurityGroupId', '${AWS::StackName}-DbClientSecurityGroupId', GET_ATT('DbClientSecurityGroup', 'GroupId')],
        ['SessionTableName', '${AWS::StackName}-SessionTableName', REF('SessionTable')],
        ['SessionTableArn', '${AWS::StackName}-SessionTableArn', GET_ATT('SessionTable', 'Arn')],
      ]);
      expect(Object.values(DATA_TIER_EXPORTS).sort()).toEqual(exported.map(([id]) => id).sort());
    });
  });

  it.each<[Partial<DataTierOptions>, string]>([
    [{ engine: 'oracle' as never }, '--engine'],
    [{ appName: 'my app' }, '--app-name'],
    [{ appName: '1app' }, '--app-name'],
    [{ appName: '' }, '--app-name'],
    [{ appName: 'a'.repeat(33) }, '--app-name'],
  ])('rejects %j naming %s', (options, option) => {
    const e = optionError(() => dataTier(options));
    expect(e.code).toBe('invalid-option');
    expect(e.option).toBe(option);
  });
});
