import { BadExpectations, practiceFixtureTests } from '../support/practice-fixtures';
import { join } from 'node:path';
import { rule } from '../../rules/dynamodb-ttl-archive';
import { ruleTester } from '../support/rule-tester';

const table = (extra: string, type = 'AWS::DynamoDB::Table') => `Conditions:
  Archive: !Equals [!Ref AWS::Region, us-east-1]
Resources:
  Items:
    Type: ${type}
    Properties:
      AttributeDefinitions: [{ AttributeName: pk, AttributeType: S }]
      KeySchema: [{ AttributeName: pk, KeyType: HASH }]
${extra}`;

ruleTester(rule, {
  valid: [
    { name: 'no TTL', code: table('      BillingMode: PAY_PER_REQUEST\n') },
    { name: 'TTL disabled', code: table('      TimeToLiveSpecification: { AttributeName: ttl, Enabled: false }\n') },
    {
      name: 'TTL with a DynamoDB stream',
      code: table('      TimeToLiveSpecification: { AttributeName: ttl, Enabled: true }\n      StreamSpecification: { StreamViewType: NEW_AND_OLD_IMAGES }\n'),
    },
    {
      name: 'TTL with a Kinesis data stream for DynamoDB',
      code: table('      TimeToLiveSpecification: { AttributeName: ttl, Enabled: true }\n      KinesisStreamSpecification: { StreamArn: !ImportValue archive-stream }\n'),
    },
    {
      name: 'a stream behind Fn::If is not guessed away',
      code: table('      TimeToLiveSpecification: { AttributeName: ttl, Enabled: true }\n      StreamSpecification: !If [Archive, { StreamViewType: OLD_IMAGE }, !Ref AWS::NoValue]\n'),
    },
    { name: 'Enabled behind a parameter', code: `Parameters:\n  Ttl:\n    Type: String\n${table('      TimeToLiveSpecification: { AttributeName: ttl, Enabled: !Ref Ttl }\n')}` },
    {
      name: 'suppressed on a session table with a reason',
      code: `Resources:
  Sessions:
    Type: AWS::DynamoDB::Table
    Metadata:
      cfnkit:
        ignore:
          - rule: dynamodb-ttl-archive
            reason: sessions are disposable; expired sessions need no archive
    Properties:
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
      TimeToLiveSpecification: { AttributeName: expires_at, Enabled: true }
`,
    },
    {
      name: 'global table with a stream',
      code: table(
        '      TimeToLiveSpecification: { AttributeName: ttl, Enabled: true }\n      StreamSpecification: { StreamViewType: NEW_AND_OLD_IMAGES }\n      Replicas: [{ Region: us-east-1 }]\n',
        'AWS::DynamoDB::GlobalTable',
      ),
    },
  ],
  invalid: [
    {
      name: 'TTL without any stream',
      code: table('      TimeToLiveSpecification:\n        AttributeName: expires_at\n        Enabled: true\n'),
      errors: [{ messageId: 'noStream', line: 11, resource: 'Items' }],
    },
    {
      name: '"true" as a string, stream removed with AWS::NoValue',
      code: table('      TimeToLiveSpecification: { AttributeName: ttl, Enabled: "true" }\n      StreamSpecification: !Ref AWS::NoValue\n'),
      errors: [{ messageId: 'noStream', line: 9, resource: 'Items' }],
    },
    {
      name: 'TTL enabled on one Fn::If branch',
      code: table('      TimeToLiveSpecification: { AttributeName: ttl, Enabled: !If [Archive, true, false] }\n'),
      errors: [{ messageId: 'noStream', line: 9, resource: 'Items' }],
    },
    {
      name: 'the whole TTL specification behind Fn::If',
      code: table("      TimeToLiveSpecification: !If [Archive, { AttributeName: ttl, Enabled: true }, !Ref AWS::NoValue]\n"),
      errors: [{ messageId: 'noStream', line: 9, resource: 'Items' }],
    },
    {
      name: 'global table',
      code: table('      TimeToLiveSpecification: { AttributeName: ttl, Enabled: true }\n      Replicas: [{ Region: us-east-1 }]\n', 'AWS::DynamoDB::GlobalTable'),
      errors: [{ messageId: 'noStream', line: 9, resource: 'Items' }],
    },
    {
      name: 'a suppression of another rule does not hide it',
      code: `Resources:
  Items:
    Type: AWS::DynamoDB::Table
    Metadata:
      cfnkit:
        ignore: [{ rule: stateful-retention, reason: test table }]
    Properties:
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
      TimeToLiveSpecification: { AttributeName: expires_at, Enabled: true }
`,
      errors: [{ messageId: 'noStream', line: 9, resource: 'Items' }],
    },
  ],
});

/** Templates written as a new user would, independently of cfnkit's generators (issue 4). */
describe('tried as a new user: test/fixtures/practices/dynamodb-ttl-archive', () => {
  const dir = join(__dirname, '..', 'fixtures', 'practices', 'dynamodb-ttl-archive');
  const AREA = ['dynamodb-ttl-archive', 'dynamodb-stream-old-image'];
  const BAD: BadExpectations = {
    'bad-new-image-stream-archiver.yaml': [
      { ruleId: 'dynamodb-stream-old-image', messageId: 'keysOnly', line: 23, resource: 'AuditEvents' },
    ],
    'bad-orders-ttl-without-stream.yaml': [
      { ruleId: 'dynamodb-ttl-archive', messageId: 'noStream', line: 23, resource: 'OrderHistory' },
    ],
  };

  practiceFixtureTests(dir, AREA, BAD);
});
