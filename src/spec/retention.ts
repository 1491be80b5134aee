/**
 * What CloudFormation does with data when it deletes a resource: which types hold data (the spec's
 * `isStateful` plus stores it leaves out) and which types take a `Snapshot` DeletionPolicy /
 * UpdateReplacePolicy. One list for lint's retention rules and diff's data-loss flags.
 */
import { SpecIndex, specIndex } from './index';

/** Types that hold data but that the spec does not mark stateful (stores newer than its list, or left out). */
export const MORE_STATEFUL_TYPES: ReadonlySet<string> = new Set([
  'AWS::Cassandra::Keyspace',
  'AWS::Cassandra::Table',
  'AWS::CodeCommit::Repository',
  'AWS::DocDBElastic::Cluster',
  'AWS::ECR::Repository',
  'AWS::ElastiCache::ServerlessCache',
  'AWS::FSx::Volume',
  'AWS::KinesisVideo::Stream',
  'AWS::Lightsail::Database',
  'AWS::Lightsail::Disk',
  'AWS::MSK::Cluster',
  'AWS::MSK::ServerlessCluster',
  'AWS::MemoryDB::Cluster',
  'AWS::NeptuneGraph::Graph',
  'AWS::OpenSearchServerless::Collection',
  'AWS::RedshiftServerless::Namespace',
  'AWS::S3Express::DirectoryBucket',
  'AWS::S3Tables::TableBucket',
  'AWS::Serverless::SimpleTable',
  'AWS::Timestream::Database',
  'AWS::Timestream::Table',
]);

/** True when deleting a resource of `type` deletes data (spec `isStateful`, plus {@link MORE_STATEFUL_TYPES}). */
export function isStateful(type: string, spec: SpecIndex = specIndex()): boolean {
  return MORE_STATEFUL_TYPES.has(type) || spec.resource(type)?.s === 1;
}

/**
 * Types for which `DeletionPolicy` / `UpdateReplacePolicy` `Snapshot` takes a snapshot before deleting
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-deletionpolicy.html;
 * cfn-lint's E3035 lists the same).
 */
export const SNAPSHOT_TYPES: ReadonlySet<string> = new Set([
  'AWS::DocDB::DBCluster',
  'AWS::EC2::Volume',
  'AWS::ElastiCache::CacheCluster',
  'AWS::ElastiCache::ReplicationGroup',
  'AWS::Neptune::DBCluster',
  'AWS::RDS::DBCluster',
  'AWS::RDS::DBInstance',
  'AWS::Redshift::Cluster',
]);

/** True when a `Snapshot` policy on `type` keeps a snapshot. */
export function supportsSnapshot(type: string): boolean {
  return SNAPSHOT_TYPES.has(type);
}
