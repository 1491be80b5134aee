import { rule } from '../../rules/dynamodb-stream-old-image';
import { ruleTester } from '../support/rule-tester';

const TTL_FILTER = `'{"eventName": ["REMOVE"], "userIdentity": {"type": ["Service"], "principalId": ["dynamodb.amazonaws.com"]}}'`;

const table = (view: string, ttl = true) => `Resources:
  Items:
    Type: AWS::DynamoDB::Table
    Properties:
      KeySchema: [{ AttributeName: pk, KeyType: HASH }]
${ttl ? '      TimeToLiveSpecification: { AttributeName: ttl, Enabled: true }\n' : ''}      StreamSpecification:
        StreamViewType: ${view}
`;

const mapping = (filter?: string, fn = 'archive-fn') => `  Mapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      EventSourceArn: !GetAtt Items.StreamArn
      FunctionName: ${fn}
      StartingPosition: LATEST
${filter ? `      FilterCriteria:\n        Filters:\n          - Pattern: ${filter}\n` : ''}`;

const forwarder = `  Archive:
    Type: AWS::KinesisFirehose::DeliveryStream
  Forwarder:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      Role: arn:aws:iam::111111111111:role/forwarder
      Code: { ZipFile: 'def handler(e, c): pass' }
      Environment:
        Variables:
          DELIVERY_STREAM: !Ref Archive
`;

ruleTester(rule, {
  valid: [
    { name: 'NEW_AND_OLD_IMAGES with a TTL archive', code: table('NEW_AND_OLD_IMAGES') + mapping(TTL_FILTER) },
    { name: 'OLD_IMAGE with a REMOVE filter', code: table('OLD_IMAGE') + mapping(`'{"eventName": ["REMOVE"]}'`) },
    { name: 'KEYS_ONLY without a consumer in the template', code: table('KEYS_ONLY') },
    { name: 'NEW_IMAGE consumer filtered to inserts and updates', code: table('NEW_IMAGE') + mapping(`'{"eventName": ["INSERT", "MODIFY"]}'`) },
    { name: 'unfiltered NEW_IMAGE consumer that feeds no archive', code: table('NEW_IMAGE') + mapping() },
    {
      name: 'unfiltered consumer feeding Firehose, but the table has no TTL',
      code: table('NEW_IMAGE', false) + mapping(undefined, '!Ref Forwarder') + forwarder,
    },
    { name: 'view type behind a parameter', code: `Parameters:\n  View:\n    Type: String\n${table('!Ref View')}${mapping(TTL_FILTER)}` },
    {
      name: 'a consumer of another table',
      code: `${table('KEYS_ONLY')}  Other:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      StreamSpecification: { StreamViewType: NEW_AND_OLD_IMAGES }\n${mapping(TTL_FILTER).replace('Items.StreamArn', 'Other.StreamArn')}`,
    },
  ],
  invalid: [
    {
      name: 'KEYS_ONLY with a TTL-deletion filter',
      code: table('KEYS_ONLY') + mapping(TTL_FILTER),
      errors: [{ messageId: 'keysOnly', line: 8, resource: 'Items' }],
    },
    {
      name: 'NEW_IMAGE with a REMOVE filter (object pattern, Sub stream ARN)',
      code: table('NEW_IMAGE', false) + mapping('{ eventName: [REMOVE] }').replace('!GetAtt Items.StreamArn', "!Sub '${Items.StreamArn}'"),
      errors: [{ messageId: 'keysOnly', line: 7, resource: 'Items' }],
    },
    {
      name: 'unfiltered consumer of a TTL table whose function feeds Firehose',
      code: table('NEW_IMAGE') + mapping(undefined, '!GetAtt Forwarder.Arn') + forwarder,
      errors: [{ messageId: 'keysOnly', line: 8, resource: 'Items' }],
    },
    {
      name: 'EventBridge pipe to a Firehose stream',
      code: `${table('KEYS_ONLY')}  Pipe:
    Type: AWS::Pipes::Pipe
    Properties:
      RoleArn: arn:aws:iam::111111111111:role/pipe
      Source: !GetAtt Items.StreamArn
      Target: arn:aws:firehose:us-east-1:111111111111:deliverystream/archive
`,
      errors: [{ messageId: 'keysOnly', line: 8, resource: 'Items' }],
    },
    {
      name: 'SAM function with a DynamoDB event filtered to TTL deletions; KEYS_ONLY on one Fn::If branch',
      code: `Transform: AWS::Serverless-2016-10-31
Conditions:
  Small: !Equals [!Ref AWS::Region, us-east-1]
Resources:
  Items:
    Type: AWS::DynamoDB::Table
    Properties:
      KeySchema: [{ AttributeName: pk, KeyType: HASH }]
      StreamSpecification:
        StreamViewType: !If [Small, KEYS_ONLY, NEW_AND_OLD_IMAGES]
  Archiver:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: python3.12
      Events:
        Expired:
          Type: DynamoDB
          Properties:
            Stream: !GetAtt Items.StreamArn
            StartingPosition: TRIM_HORIZON
            FilterCriteria:
              Filters:
                - Pattern: ${TTL_FILTER}
`,
      errors: [{ messageId: 'keysOnly', line: 10, resource: 'Items' }],
    },
    {
      name: 'stream and TTL specifications behind Fn::If',
      code: `Conditions:
  Streamed: !Equals [!Ref AWS::Region, us-east-1]
Resources:
  Items:
    Type: AWS::DynamoDB::Table
    Properties:
      KeySchema: [{ AttributeName: pk, KeyType: HASH }]
      TimeToLiveSpecification: !If [Streamed, { AttributeName: ttl, Enabled: true }, !Ref AWS::NoValue]
      StreamSpecification: !If [Streamed, { StreamViewType: NEW_IMAGE }, !Ref AWS::NoValue]
${mapping(undefined, '!Ref Forwarder')}${forwarder}`,
      errors: [{ messageId: 'keysOnly', line: 9, resource: 'Items' }],
    },
  ],
});
