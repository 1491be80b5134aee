import { BadExpectations, practiceFixtureTests } from '../support/practice-fixtures';
import { join } from 'node:path';
import { rule } from '../../rules/state-in-deployment-stack';
import { ruleTester } from '../support/rule-tester';

const asg = `  Web:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties: { MinSize: '1', MaxSize: '2', AvailabilityZones: [us-east-1a] }
`;

const table = `  Sessions:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
`;

ruleTester(rule, {
  valid: [
    { name: 'a data stack: stores, no compute tier', code: `Resources:\n${table}  Db:\n    Type: AWS::RDS::DBInstance\n    Properties: { DBInstanceClass: db.t4g.micro }\n` },
    { name: 'an app stack that imports its state', code: `Resources:\n${asg}  Policy:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument: { Version: '2012-10-17', Statement: [] }\n` },
    {
      name: 'compute beside stateless resources: queue, log group',
      code: `Resources:
  Service:
    Type: AWS::ECS::Service
    Properties: { Cluster: default, DesiredCount: 2 }
  Queue:
    Type: AWS::SQS::Queue
  Logs:
    Type: AWS::Logs::LogGroup
`,
    },
    {
      name: 'a read replica of a database that lives elsewhere',
      code: `Resources:\n${asg}  Replica:\n    Type: AWS::RDS::DBInstance\n    Properties: { SourceDBInstanceIdentifier: !ImportValue data-DbArn, DBInstanceClass: db.t4g.micro }\n`,
    },
  ],
  invalid: [
    {
      name: 'Auto Scaling group and session table',
      code: `Resources:\n${asg}${table}`,
      errors: [{ messageId: 'store', line: 6, resource: 'Sessions' }],
    },
    {
      name: 'Beanstalk environment with RDS and ElastiCache; cluster members and group nodes are reported through their cluster or group',
      code: `Resources:
  Env:
    Type: AWS::ElasticBeanstalk::Environment
    Properties: { ApplicationName: app, SolutionStackName: '64bit Amazon Linux 2023 v4.3.0 running Python 3.11' }
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties: { Engine: aurora-mysql }
  Writer:
    Type: AWS::RDS::DBInstance
    Properties: { DBClusterIdentifier: !Ref Cluster, DBInstanceClass: db.r6g.large, Engine: aurora-mysql }
  Cache:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties: { ReplicationGroupDescription: sessions, Engine: redis, CacheNodeType: cache.t4g.micro }
  Node:
    Type: AWS::ElastiCache::CacheCluster
    Properties: { ReplicationGroupId: !Ref Cache, Engine: redis, CacheNodeType: cache.t4g.micro, NumCacheNodes: 1 }
`,
      errors: [
        { messageId: 'store', line: 6, resource: 'Cluster' },
        { messageId: 'store', line: 12, resource: 'Cache' },
      ],
    },
    {
      name: 'ECS service with MemoryDB, ElastiCache Serverless and a Memcached node (sessions are state)',
      code: `Resources:
  Service:
    Type: AWS::ECS::Service
  Memory:
    Type: AWS::MemoryDB::Cluster
    Properties: { ClusterName: s, NodeType: db.t4g.small, ACLName: open-access }
  Serverless:
    Type: AWS::ElastiCache::ServerlessCache
    Properties: { ServerlessCacheName: s, Engine: valkey }
  Memcached:
    Type: AWS::ElastiCache::CacheCluster
    Properties: { Engine: memcached, CacheNodeType: cache.t4g.micro, NumCacheNodes: 1 }
`,
      errors: [
        { messageId: 'store', line: 5, resource: 'Memory' },
        { messageId: 'store', line: 8, resource: 'Serverless' },
        { messageId: 'store', line: 11, resource: 'Memcached' },
      ],
    },
    {
      name: 'store before the compute tier, JSON',
      code: `{
  "Resources": {
    "Db": { "Type": "AWS::RDS::DBInstance", "Properties": { "DBInstanceClass": "db.t4g.micro" } },
    "Web": { "Type": "AWS::AutoScaling::AutoScalingGroup", "Properties": { "MinSize": "1", "MaxSize": "1" } }
  }
}`,
      errors: [{ messageId: 'store', line: 3, resource: 'Db' }],
    },
  ],
});

/** Templates written as a new user would, independently of cfnkit's generators (issue 4). */
describe('tried as a new user: test/fixtures/practices/state-in-deployment-stack', () => {
  const dir = join(__dirname, '..', 'fixtures', 'practices', 'state-in-deployment-stack');
  const AREA = ['state-in-deployment-stack'];
  const BAD: BadExpectations = {
    'bad-fargate-service-dynamodb-sessions.yaml': [
      { ruleId: 'state-in-deployment-stack', messageId: 'store', line: 14, resource: 'SessionTable' },
    ],
    'bad-php-app-asg-rds-memcached.yaml': [
      { ruleId: 'state-in-deployment-stack', messageId: 'store', line: 79, resource: 'Database' },
      { ruleId: 'state-in-deployment-stack', messageId: 'store', line: 98, resource: 'SessionCache' },
    ],
  };

  practiceFixtureTests(dir, AREA, BAD);
});
