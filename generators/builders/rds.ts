/**
 * RDS building blocks: per-engine facts, the DB subnet group, the client/DB security group pair and a
 * DB instance with the settings a long-lived database should never be without (Multi-AZ, storage
 * encryption, retained backups, deletion protection, a master password that never appears in the
 * template). See https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbinstance.html
 */
import { ResourceHandle, TemplateBuilder, getAtt } from '../../src/model/builder';
import { ref, type Value } from '../../src/model/intrinsics';
import type { Tag } from '../../src/spec/generated/resources';

/** The `Engine` values cfnkit patterns offer. */
export const DB_ENGINES = ['postgres', 'mysql'] as const;

/** One of {@link DB_ENGINES}. */
export type DbEngine = (typeof DB_ENGINES)[number];

/** What a pattern needs to know about an engine. */
export interface DbEngineSpec {
  /** `Engine`. */
  readonly engine: DbEngine;
  /** The engine's standard port; the DB security group opens exactly this one. */
  readonly port: number;
  /** Default `EngineVersion`: a major version, so RDS picks (and auto-upgrades) the minor version. */
  readonly defaultVersion: string;
  /** `EnableCloudwatchLogsExports` values that RDS can publish without a custom parameter group. */
  readonly logExports: readonly string[];
}

/**
 * Facts per engine. Log types from
 * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.Procedural.UploadtoCloudWatch.html
 */
export const DB_ENGINE_SPECS: { readonly [E in DbEngine]: DbEngineSpec } = {
  postgres: { engine: 'postgres', port: 5432, defaultVersion: '17', logExports: ['postgresql', 'upgrade'] },
  mysql: { engine: 'mysql', port: 3306, defaultVersion: '8.4', logExports: ['error'] },
};

/** A `Name` tag list. */
export function nameTags(name: Value<string>): Tag[] {
  return [{ Key: 'Name', Value: name }];
}

/** Adds an `AWS::RDS::DBSubnetGroup` over `subnetIds` (subnets in at least two Availability Zones). */
export function dbSubnetGroup(
  b: TemplateBuilder,
  logicalId: string,
  options: { readonly description: string; readonly subnetIds: Value<Array<Value<string>>>; readonly name?: Value<string> },
): ResourceHandle<'AWS::RDS::DBSubnetGroup'> {
  return b.resource(logicalId, 'AWS::RDS::DBSubnetGroup', {
    DBSubnetGroupDescription: options.description,
    SubnetIds: options.subnetIds,
    Tags: options.name === undefined ? undefined : nameTags(options.name),
  });
}

/** The security groups of {@link dbSecurityGroups}. */
export interface DbSecurityGroups {
  /** Has no rules of its own; attaching it to an instance, task or function lets that reach the DB port. */
  readonly client: ResourceHandle<'AWS::EC2::SecurityGroup'>;
  /** Attached to the DB instance; allows the DB port from members of `client` only. */
  readonly db: ResourceHandle<'AWS::EC2::SecurityGroup'>;
}

/**
 * Adds `<prefix>ClientSecurityGroup` and `<prefix>SecurityGroup`. Access is granted by membership of
 * the client group rather than by CIDR, so app stacks deployed later (and replaced during blue/green
 * deployments) reach the database without changing this stack.
 */
export function dbSecurityGroups(
  b: TemplateBuilder,
  prefix: string,
  options: { readonly vpcId: Value<string>; readonly port: number; readonly name: string },
): DbSecurityGroups {
  const client = b.resource(`${prefix}ClientSecurityGroup`, 'AWS::EC2::SecurityGroup', {
    GroupDescription: `Members may connect to the ${options.name} database`,
    VpcId: options.vpcId,
    Tags: nameTags(`${options.name}-db-client`),
  });
  const db = b.resource(`${prefix}SecurityGroup`, 'AWS::EC2::SecurityGroup', {
    GroupDescription: `The ${options.name} database; allows its port from members of the client security group`,
    VpcId: options.vpcId,
    SecurityGroupIngress: [
      {
        IpProtocol: 'tcp',
        FromPort: options.port,
        ToPort: options.port,
        SourceSecurityGroupId: getAtt(client, 'GroupId'),
        Description: 'Database clients',
      },
    ],
    Tags: nameTags(`${options.name}-db`),
  });
  return { client, db };
}

/** Inputs of {@link dbInstance}. */
export interface DbInstanceOptions {
  readonly engine: DbEngineSpec;
  readonly engineVersion: Value<string>;
  readonly instanceClass: Value<string>;
  /** GiB, as a string (the `AllocatedStorage` type). */
  readonly allocatedStorage: Value<string>;
  /** Storage autoscaling ceiling in GiB. */
  readonly maxAllocatedStorage: Value<number>;
  readonly backupRetentionPeriod: Value<number>;
  readonly dbName: Value<string>;
  readonly masterUsername: Value<string>;
  readonly subnetGroup: ResourceHandle<'AWS::RDS::DBSubnetGroup'>;
  readonly securityGroup: ResourceHandle<'AWS::EC2::SecurityGroup'>;
  readonly name: Value<string>;
}

/**
 * Adds an `AWS::RDS::DBInstance` meant to outlive the stacks that use it:
 * - `DeletionPolicy` and `UpdateReplacePolicy` `Snapshot`, `DeletionProtection`, automated backups
 *   kept after deletion (`DeleteAutomatedBackups: false`);
 * - `MultiAZ`, `StorageEncrypted` (the account's `aws/rds` key), gp3 storage with autoscaling, not
 *   publicly accessible;
 * - `ManageMasterUserPassword`: RDS generates the password, stores and rotates it in Secrets Manager
 *   (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-secrets-manager.html), so no
 *   password is a parameter, an output or a template literal;
 * - `Port` set explicitly to the engine's port, the one the DB security group opens.
 */
export function dbInstance(b: TemplateBuilder, logicalId: string, o: DbInstanceOptions): ResourceHandle<'AWS::RDS::DBInstance'> {
  return b.resource(
    logicalId,
    'AWS::RDS::DBInstance',
    {
      Engine: o.engine.engine,
      EngineVersion: o.engineVersion,
      DBInstanceClass: o.instanceClass,
      AllocatedStorage: o.allocatedStorage,
      MaxAllocatedStorage: o.maxAllocatedStorage,
      StorageType: 'gp3',
      StorageEncrypted: true,
      MultiAZ: true,
      PubliclyAccessible: false,
      Port: String(o.engine.port),
      DBName: o.dbName,
      MasterUsername: o.masterUsername,
      ManageMasterUserPassword: true,
      DBSubnetGroupName: ref(o.subnetGroup),
      VPCSecurityGroups: [getAtt(o.securityGroup, 'GroupId')],
      BackupRetentionPeriod: o.backupRetentionPeriod,
      DeleteAutomatedBackups: false,
      CopyTagsToSnapshot: true,
      DeletionProtection: true,
      AutoMinorVersionUpgrade: true,
      EnableCloudwatchLogsExports: [...o.engine.logExports],
      Tags: nameTags(o.name),
    },
    { deletionPolicy: 'Snapshot', updateReplacePolicy: 'Snapshot' },
  );
}
