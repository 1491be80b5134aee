import { BadExpectations, practiceFixtureTests } from '../support/practice-fixtures';
import { join } from 'node:path';
import fc from 'fast-check';
import { rule } from '../../rules/stateful-retention';
import { emit } from '../../src/emit';
import { INTERNAL_ERROR, lintText } from '../../src/lint/engine';
import type { Rule } from '../../src/lint/types';
import type { TemplateValue } from '../../src/model/intrinsics';
import type { Template } from '../../src/model/template';
import { templateValue } from '../support/arbitrary';
import { ruleTester } from '../support/rule-tester';

const table = (attributes: string) => `Resources:
  Orders:
    Type: AWS::DynamoDB::Table
${attributes}    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
`;

ruleTester(rule, {
  valid: [
    { name: 'Retain and Retain', code: table('    DeletionPolicy: Retain\n    UpdateReplacePolicy: Retain\n') },
    { name: 'RetainExceptOnCreate keeps on delete', code: table('    DeletionPolicy: RetainExceptOnCreate\n    UpdateReplacePolicy: Retain\n') },
    {
      name: 'Snapshot on an RDS instance',
      code: `Resources:
  Db:
    Type: AWS::RDS::DBInstance
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot
    Properties: { Engine: postgres, DBInstanceClass: db.t4g.micro, AllocatedStorage: '20' }
`,
    },
    {
      name: 'types ignored by default: log group, queue, key, secret, nested stack',
      code: `Resources:
  Logs:
    Type: AWS::Logs::LogGroup
  Queue:
    Type: AWS::SQS::Queue
  Key:
    Type: AWS::KMS::Key
  Secret:
    Type: AWS::SecretsManager::Secret
  Nested:
    Type: AWS::CloudFormation::Stack
    Properties: { TemplateURL: https://example.com/t.yaml }
`,
    },
    {
      name: 'not stateful: topic, security group',
      code: `Resources:
  Topic:
    Type: AWS::SNS::Topic
  Group:
    Type: AWS::EC2::SecurityGroup
    Properties: { GroupDescription: web }
`,
    },
    {
      name: 'instances of a DB cluster, a read replica, DocumentDB and Neptune instances, Memcached and replication-group nodes hold no data of their own',
      code: `Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot
    Properties: { Engine: aurora-postgresql }
  Writer:
    Type: AWS::RDS::DBInstance
    Properties: { DBClusterIdentifier: !Ref Cluster, Engine: aurora-postgresql, DBInstanceClass: db.r6g.large }
  Replica:
    Type: AWS::RDS::DBInstance
    Properties: { SourceDBInstanceIdentifier: primary-db, DBInstanceClass: db.t4g.micro }
  DocInstance:
    Type: AWS::DocDB::DBInstance
    Properties: { DBClusterIdentifier: docs, DBInstanceClass: db.r6g.large }
  GraphInstance:
    Type: AWS::Neptune::DBInstance
    Properties: { DBInstanceClass: db.r6g.large }
  Memcached:
    Type: AWS::ElastiCache::CacheCluster
    Properties: { Engine: memcached, CacheNodeType: cache.t4g.micro, NumCacheNodes: 1 }
  Member:
    Type: AWS::ElastiCache::CacheCluster
    Properties: { Engine: redis, ReplicationGroupId: sessions, CacheNodeType: cache.t4g.micro, NumCacheNodes: 1 }
`,
    },
    { name: 'policy behind a parameter is not guessed', code: `Parameters:\n  Policy:\n    Type: String\n${table('    DeletionPolicy: !Ref Policy\n    UpdateReplacePolicy: !Ref Policy\n')}` },
    {
      name: 'Fn::If with a retaining branch is a deliberate choice',
      code: `Conditions:\n  IsProd: !Equals [!Ref AWS::AccountId, '111111111111']\n${table('    DeletionPolicy: !If [IsProd, Retain, Delete]\n    UpdateReplacePolicy: !If [IsProd, Retain, Delete]\n')}`,
    },
    { name: 'ignoreTypes', code: table(''), options: { ignoreTypes: ['AWS::DynamoDB::Table'] } },
    { name: 'JSON', code: '{"Resources": {"B": {"Type": "AWS::S3::Bucket", "DeletionPolicy": "Retain", "UpdateReplacePolicy": "Retain"}}}' },
  ],
  invalid: [
    { name: 'neither attribute: one finding on the logical id', code: table(''), errors: [{ messageId: 'missingBoth', line: 2, column: 3, resource: 'Orders' }] },
    {
      name: 'DeletionPolicy without UpdateReplacePolicy',
      code: `Resources:
  Db:
    Type: AWS::RDS::DBInstance
    DeletionPolicy: Snapshot
    Properties: { Engine: postgres, DBInstanceClass: db.t4g.micro, AllocatedStorage: '20' }
`,
      errors: [{ messageId: 'replace', line: 2, resource: 'Db' }],
    },
    {
      name: 'explicit Delete is reported on the attribute',
      code: `Resources:
  Bucket:
    Type: AWS::S3::Bucket
    DeletionPolicy: Delete
    UpdateReplacePolicy: Retain
`,
      errors: [{ messageId: 'deletion', line: 4, resource: 'Bucket' }],
    },
    {
      name: 'missing DeletionPolicy, UpdateReplacePolicy Delete',
      code: table('    UpdateReplacePolicy: Delete\n'),
      errors: [
        { messageId: 'deletion', line: 2, resource: 'Orders' },
        { messageId: 'replace', line: 4, resource: 'Orders' },
      ],
    },
    {
      name: 'Fn::If where no branch retains',
      code: `Conditions:\n  IsProd: !Equals [!Ref AWS::AccountId, '111111111111']\n${table('    DeletionPolicy: !If [IsProd, Delete, !Ref AWS::NoValue]\n    UpdateReplacePolicy: Retain\n')}`,
      errors: [{ messageId: 'deletion', line: 6, resource: 'Orders' }],
    },
    {
      name: 'a cluster membership that depends on a condition is not sure',
      code: `Conditions:
  InCluster: !Equals [!Ref AWS::Region, us-east-1]
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      DBClusterIdentifier: !If [InCluster, shared, !Ref AWS::NoValue]
      DBInstanceClass: db.t4g.micro
`,
      errors: [{ messageId: 'missingBoth', line: 4, resource: 'Db' }],
    },
    {
      name: 'types beyond the spec list: MemoryDB, SAM SimpleTable; Redis cache cluster',
      code: `Transform: AWS::Serverless-2016-10-31
Resources:
  Sessions:
    Type: AWS::MemoryDB::Cluster
    Properties: { ClusterName: sessions, NodeType: db.t4g.small, ACLName: open-access }
  Simple:
    Type: AWS::Serverless::SimpleTable
  Redis:
    Type: AWS::ElastiCache::CacheCluster
    Properties: { Engine: redis, CacheNodeType: cache.t4g.micro, NumCacheNodes: 1 }
`,
      errors: [
        { messageId: 'missingBoth', line: 3, resource: 'Sessions' },
        { messageId: 'missingBoth', line: 6, resource: 'Simple' },
        { messageId: 'missingBoth', line: 8, resource: 'Redis' },
      ],
    },
    {
      name: 'ignoreTypes [] checks queues and log groups too; extraTypes adds a type',
      code: `Resources:
  Queue:
    Type: AWS::SQS::Queue
  Registry:
    Type: Acme::Data::Store
`,
      options: { ignoreTypes: [], extraTypes: ['Acme::Data::Store'] },
      errors: [
        { messageId: 'missingBoth', line: 2, resource: 'Queue' },
        { messageId: 'missingBoth', line: 4, resource: 'Registry' },
      ],
    },
    {
      name: 'JSON',
      code: '{\n  "Resources": {\n    "Files": {\n      "Type": "AWS::EFS::FileSystem",\n      "DeletionPolicy": "Retain"\n    }\n  }\n}',
      errors: [{ messageId: 'replace', line: 3, resource: 'Files' }],
    },
  ],
});

/** Templates written as a new user would, independently of cfnkit's generators (issue 4). */
describe('tried as a new user: test/fixtures/practices/stateful-retention', () => {
  const dir = join(__dirname, '..', 'fixtures', 'practices', 'stateful-retention');
  const AREA = ['stateful-retention'];
  const BAD: BadExpectations = {
    'bad-aurora-efs-no-policies.yaml': [
      { ruleId: 'stateful-retention', messageId: 'missingBoth', line: 14, resource: 'AuroraCluster' },
      { ruleId: 'stateful-retention', messageId: 'replace', line: 30, resource: 'UploadsFileSystem' },
    ],
    'bad-clickstream-explicit-delete.yaml': [
      { ruleId: 'stateful-retention', messageId: 'deletion', line: 6, resource: 'ClickStream' },
      { ruleId: 'stateful-retention', messageId: 'replace', line: 7, resource: 'ClickStream' },
      { ruleId: 'stateful-retention', messageId: 'replace', line: 15, resource: 'RawEvents' },
      { ruleId: 'stateful-retention', messageId: 'missingBoth', line: 28, resource: 'Users' },
    ],
  };

  practiceFixtureTests(dir, AREA, BAD);
});

/** Every rule of this group (state, TTL archive, retention, buckets, secrets) on any shape a template can take. */
describe('state, bucket and secret rules on any template', () => {
  const rules = [
    'state-in-deployment-stack',
    'dynamodb-ttl-archive',
    'dynamodb-stream-old-image',
    'stateful-retention',
    's3-bucket-defaults',
    's3-public-access-block',
    's3-bucket-policy-public',
    'secret-parameter',
    'password-literal',
  ].map((id) => (require(`../../rules/${id}`) as { rule: Rule }).rule);
  const types = [
    'AWS::AutoScaling::AutoScalingGroup', 'AWS::ECS::Service', 'AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable', 'AWS::RDS::DBInstance',
    'AWS::ElastiCache::CacheCluster', 'AWS::Lambda::EventSourceMapping', 'AWS::Pipes::Pipe', 'AWS::Serverless::Function', 'AWS::Lambda::Function',
    'AWS::KinesisFirehose::DeliveryStream', 'AWS::S3::Bucket', 'AWS::S3::BucketPolicy', 'AWS::IAM::User', 'AWS::AmazonMQ::Broker',
    'AWS::ElasticBeanstalk::Environment', 'AWS::CodePipeline::Pipeline', 'AWS::SQS::Queue',
  ];
  const names = [
    'TimeToLiveSpecification', 'Enabled', 'StreamSpecification', 'StreamViewType', 'KinesisStreamSpecification', 'Replicas', 'EventSourceArn', 'FunctionName',
    'FilterCriteria', 'Filters', 'Pattern', 'Source', 'SourceParameters', 'Target', 'Events', 'Type', 'Properties', 'Stream', 'Environment', 'Variables',
    'DBClusterIdentifier', 'SourceDBInstanceIdentifier', 'ReplicationGroupId', 'Engine', 'PublicAccessBlockConfiguration', 'BlockPublicPolicy',
    'BlockPublicAcls', 'WebsiteConfiguration', 'IndexDocument', 'AccessControl', 'BucketEncryption', 'Bucket', 'PolicyDocument', 'Statement', 'Effect',
    'Principal', 'NotPrincipal', 'AWS', 'Action', 'Condition', 'StringEquals', 'aws:SourceIp', 'MasterUserPassword', 'LoginProfile', 'Password', 'Users',
    'OptionSettings', 'OptionName', 'Value', 'Stages', 'Actions', 'Configuration', 'OAuthToken',
  ];
  const leaf: fc.Arbitrary<TemplateValue> = fc.oneof(
    templateValue,
    fc.constantFrom<TemplateValue>('*', 'Allow', 'Deny', true, 'false', 'KEYS_ONLY', 'NEW_IMAGE', 'REMOVE', '{"eventName": ["REMOVE"]}', '{', 'memcached', 'PublicRead', 'DBPassword', 'secret', '0.0.0.0/0', 'A', 'B', 'P'),
  );
  const { value } = fc.letrec<{ value: TemplateValue }>((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.constantFrom(...names), tie('value'), { maxKeys: 4, noNullPrototype: true })),
  }));
  const resource = fc.record(
    { Type: fc.constantFrom(...types), DeletionPolicy: leaf, UpdateReplacePolicy: leaf, Properties: fc.dictionary(fc.constantFrom(...names), value, { maxKeys: 6, noNullPrototype: true }) },
    { noNullPrototype: true, requiredKeys: ['Type'] },
  );
  const parameter = fc.record({ Type: fc.constantFrom('String', 'Number', 'CommaDelimitedList'), NoEcho: leaf, Default: leaf, AllowedValues: value, Description: leaf }, { noNullPrototype: true, requiredKeys: ['Type'] });
  const template: fc.Arbitrary<Template> = fc
    .record({
      Parameters: fc.dictionary(fc.constantFrom('P', 'DbPassword', 'ApiToken', 'AllowPassword'), parameter, { maxKeys: 3, noNullPrototype: true }),
      Resources: fc.dictionary(fc.constantFrom('A', 'B', 'Table', 'Bucket'), resource, { minKeys: 1, maxKeys: 5, noNullPrototype: true }),
    })
    .map((t) => ({ AWSTemplateFormatVersion: '2010-09-09', ...t }) as unknown as Template);

  it('never throws', () => {
    fc.assert(
      fc.property(template, fc.constantFrom('yaml' as const, 'json' as const), (t, format) => {
        const findings = lintText(emit(t, format), `t.${format}`, { rules });
        expect(findings.filter((f) => f.ruleId === INTERNAL_ERROR)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
