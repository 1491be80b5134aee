/**
 * `data-tier`: the state that outlives blue/green deployments — a Multi-AZ RDS DB instance and a
 * DynamoDB session table — in its own stack, so app stacks can be created and deleted freely. App
 * stacks reach it through exports (see {@link DATA_TIER_EXPORTS}) and by attaching the exported
 * client security group.
 */
import { TemplateBuilder, getAtt } from '../src/model/builder';
import { ref, sub } from '../src/model/intrinsics';
import type { Template } from '../src/model/template';
import { DB_ENGINES, DB_ENGINE_SPECS, DbEngine, dbInstance, dbSecurityGroups, dbSubnetGroup, nameTags } from './builders/rds';
import type { Pattern } from './pattern';
import { withDefaults } from './pattern';
import { checkChoice, checkName } from './validate';

/** Options of the `data-tier` pattern. */
export interface DataTierOptions {
  /** `Engine` of the DB instance. Default `postgres`. */
  readonly engine: DbEngine;
  /** Names resources (`Name` tags) and the default database name. Default `app`. */
  readonly appName: string;
}

/**
 * Export names (after `${AWS::StackName}-`) that app stacks import: a contract with the blue-green
 * pattern, so these never change.
 */
export const DATA_TIER_EXPORTS = {
  dbEndpoint: 'DbEndpoint',
  dbPort: 'DbPort',
  dbClientSecurityGroupId: 'DbClientSecurityGroupId',
  sessionTableName: 'SessionTableName',
  sessionTableArn: 'SessionTableArn',
} as const;

/** Attribute of the session table's partition key. */
export const SESSION_KEY_ATTRIBUTE = 'session_id';

/** Attribute of the session table holding the expiry time (epoch seconds) that DynamoDB TTL deletes on. */
export const SESSION_TTL_ATTRIBUTE = 'expires_at';

/** Why the session table's TTL deletions need no archive (its `dynamodb-ttl-archive` suppression). */
export const SESSION_TTL_REASON = 'sessions are disposable; expired sessions need no archive';

/** The `data-tier` pattern. */
export const dataTierPattern: Pattern<DataTierOptions> = {
  name: 'data-tier',
  description: 'Multi-AZ RDS database and DynamoDB session table that outlive blue/green app stacks',
  options: {
    engine: { type: 'string', description: 'database engine', default: 'postgres', choices: [...DB_ENGINES] },
    appName: { type: 'string', description: 'application name (Name tags, default database name)', default: 'app' },
  },
  build: (o) => [{ name: 'data-tier', template: dataTier(o) }],
};

/** Builds the `data-tier` template. Throws `PatternOptionError` for invalid options. */
export function dataTier(options: Partial<DataTierOptions> = {}): Template {
  const o = withDefaults(dataTierPattern, options);
  const engine = DB_ENGINE_SPECS[checkChoice('engine', o.engine, DB_ENGINES)];
  const appName = checkName('appName', o.appName);
  const b = new TemplateBuilder(
    `cfnkit data-tier (${engine.engine}): Multi-AZ RDS database and DynamoDB session table for ${appName}, shared by its app stacks`,
  );

  const vpcId = b.parameter('VpcId', { Type: 'AWS::EC2::VPC::Id', Description: 'VPC of the database and of the app stacks that use it' });
  const subnetIds = b.parameter('PrivateSubnetIds', {
    Type: 'List<AWS::EC2::Subnet::Id>',
    Description: 'Private subnets of VpcId, in at least two Availability Zones, for the database',
  });
  const instanceClass = b.parameter('DbInstanceClass', {
    Type: 'String',
    Description: 'DB instance class',
    Default: 'db.t4g.medium',
    AllowedPattern: '^db\\.[a-z0-9]+\\.[a-z0-9]+$',
    ConstraintDescription: 'must be a DB instance class such as db.t4g.medium or db.m7g.large',
  });
  const allocatedStorage = b.parameter('DbAllocatedStorage', {
    Type: 'Number',
    Description: 'Initial storage in GiB',
    Default: 20,
    MinValue: 20,
    MaxValue: 65536,
  });
  const maxAllocatedStorage = b.parameter('DbMaxAllocatedStorage', {
    Type: 'Number',
    Description: 'Storage autoscaling limit in GiB (at least 10% above DbAllocatedStorage)',
    Default: 200,
    MinValue: 22,
    MaxValue: 65536,
  });
  const engineVersion = b.parameter('DbEngineVersion', {
    Type: 'String',
    Description: `${engine.engine} version; a major version lets RDS choose and upgrade the minor version`,
    Default: engine.defaultVersion,
    AllowedPattern: '^[0-9]+(\\.[0-9]+){0,2}$',
    ConstraintDescription: 'must be an engine version such as 17 or 8.4',
  });
  const dbName = b.parameter('DbName', {
    Type: 'String',
    Description: 'Name of the database created in the instance; changing it replaces the instance',
    Default: appName.toLowerCase(),
    AllowedPattern: '^[a-z][a-z0-9_]{0,62}$',
    ConstraintDescription: 'must be 1-63 lower-case letters, digits and underscores, starting with a letter',
  });
  const masterUsername = b.parameter('DbMasterUsername', {
    Type: 'String',
    Description: 'Master user name; RDS generates the password and keeps it in Secrets Manager. Changing it replaces the instance',
    Default: 'dbadmin',
    AllowedPattern: '^[a-zA-Z][a-zA-Z0-9_]{0,15}$',
    ConstraintDescription: 'must be 1-16 letters, digits and underscores, starting with a letter',
  });
  const backupRetention = b.parameter('DbBackupRetentionDays', {
    Type: 'Number',
    Description: 'Days to keep automated backups',
    Default: 7,
    MinValue: 1,
    MaxValue: 35,
  });

  const groups = dbSecurityGroups(b, 'Db', { vpcId: ref(vpcId), port: engine.port, name: appName });
  const subnetGroup = dbSubnetGroup(b, 'DbSubnetGroup', {
    description: `Private subnets of the ${appName} database`,
    subnetIds: ref(subnetIds),
    name: `${appName}-db`,
  });
  const db = dbInstance(b, 'Database', {
    engine,
    engineVersion: ref(engineVersion),
    instanceClass: ref(instanceClass),
    allocatedStorage: ref(allocatedStorage),
    maxAllocatedStorage: ref(maxAllocatedStorage),
    backupRetentionPeriod: ref(backupRetention),
    dbName: ref(dbName),
    masterUsername: ref(masterUsername),
    subnetGroup,
    securityGroup: groups.db,
    name: `${appName}-db`,
  });

  const table = b.resource(
    'SessionTable',
    'AWS::DynamoDB::Table',
    {
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: SESSION_KEY_ATTRIBUTE, AttributeType: 'S' }],
      KeySchema: [{ AttributeName: SESSION_KEY_ATTRIBUTE, KeyType: 'HASH' }],
      TimeToLiveSpecification: { AttributeName: SESSION_TTL_ATTRIBUTE, Enabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
      DeletionProtectionEnabled: true,
      Tags: nameTags(`${appName}-sessions`),
    },
    {
      deletionPolicy: 'Retain',
      updateReplacePolicy: 'Retain',
      // TTL without a stream on purpose: cfnkit's dynamodb-ttl-archive reports it (info) unless told why.
      metadata: { cfnkit: { ignore: [{ rule: 'dynamodb-ttl-archive', reason: SESSION_TTL_REASON }] } },
    },
  );

  const exported = (name: string) => sub(`\${AWS::StackName}-${name}`);
  b.output('DbEndpoint', getAtt(db, 'Endpoint.Address'), {
    description: 'Host name of the database',
    exportName: exported(DATA_TIER_EXPORTS.dbEndpoint),
  });
  b.output('DbPort', getAtt(db, 'Endpoint.Port'), { description: 'Port of the database', exportName: exported(DATA_TIER_EXPORTS.dbPort) });
  b.output('DbClientSecurityGroupId', getAtt(groups.client, 'GroupId'), {
    description: 'Attach this security group to reach the database',
    exportName: exported(DATA_TIER_EXPORTS.dbClientSecurityGroupId),
  });
  b.output('DbMasterUserSecretArn', getAtt(db, 'MasterUserSecret.SecretArn'), {
    description: 'Secrets Manager secret (username, password) of the master user, managed and rotated by RDS',
  });
  b.output('SessionTableName', ref(table), {
    description: `Session table (key ${SESSION_KEY_ATTRIBUTE}, TTL attribute ${SESSION_TTL_ATTRIBUTE} in epoch seconds)`,
    exportName: exported(DATA_TIER_EXPORTS.sessionTableName),
  });
  b.output('SessionTableArn', getAtt(table, 'Arn'), {
    description: 'ARN of the session table, for IAM policies',
    exportName: exported(DATA_TIER_EXPORTS.sessionTableArn),
  });

  b.setMetadata('AWS::CloudFormation::Interface', {
    ParameterGroups: [
      { Label: { default: 'Network' }, Parameters: [vpcId.logicalId, subnetIds.logicalId] },
      {
        Label: { default: 'Database' },
        Parameters: [
          instanceClass.logicalId,
          engineVersion.logicalId,
          allocatedStorage.logicalId,
          maxAllocatedStorage.logicalId,
          dbName.logicalId,
          masterUsername.logicalId,
          backupRetention.logicalId,
        ],
      },
    ],
  });
  return b.build();
}
