/**
 * `ttl-archive`: archives DynamoDB items deleted by Time to Live. The table's stream feeds a Lambda
 * function through an event source mapping filtered to TTL deletions; the function forwards the items'
 * old images to a Kinesis Data Firehose delivery stream, which writes them GZIP-compressed, by date, to an
 * S3 bucket whose lifecycle moves them to an archive storage class. Failed batches go to an SQS queue.
 * See https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/time-to-live-ttl-streams.html
 */
import { getAtt, ParameterHandle, TemplateBuilder } from '../src/model/builder';
import { ref, sub } from '../src/model/intrinsics';
import type { Template } from '../src/model/template';
import { render } from './builders/render';
import { allow, bucketObjectsArn, denyInsecureTransport, inlinePolicy, policyDocument, sameAccountExternalId, serviceTrustPolicy } from './builders/iam';
import { Pattern, PatternOptionError, withDefaults } from './pattern';
import { checkInt } from './validate';

/** Options of the `ttl-archive` pattern. */
export interface TtlArchiveOptions {
  /** Name of the table's TTL attribute (epoch seconds). Default `expires_at`. */
  readonly ttlAttribute: string;
  /** Default of the `ArchiveAfterDays` parameter: days before archived objects move to Glacier. Default 30. */
  readonly archiveAfterDays: number;
}

/** The table's key attributes (both strings); the TTL attribute may not be one of them. */
const PARTITION_KEY = 'pk';
const SORT_KEY = 'sk';

/** PutRecordBatch attempts per batch inside one invocation, before reporting a batch item failure. */
const PUT_ATTEMPTS = 3;

/** `RetentionInDays` values CloudWatch Logs accepts. */
const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

/**
 * Event filter for records the TTL service deleted: REMOVE events whose user identity is the DynamoDB
 * service. https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/time-to-live-ttl-streams.html
 */
export const TTL_DELETION_FILTER = { eventName: ['REMOVE'], userIdentity: { type: ['Service'], principalId: ['dynamodb.amazonaws.com'] } };

/** The `ttl-archive` pattern. */
export const ttlArchivePattern: Pattern<TtlArchiveOptions> = {
  name: 'ttl-archive',
  description: 'DynamoDB table whose TTL-expired items a Lambda function archives to S3 through Kinesis Data Firehose',
  options: {
    ttlAttribute: { type: 'string', description: 'name of the TTL attribute (a Number holding epoch seconds)', default: 'expires_at' },
    archiveAfterDays: {
      type: 'number',
      description: 'default of the ArchiveAfterDays parameter: days before archived objects move to GLACIER or DEEP_ARCHIVE',
      default: 30,
    },
  },
  build: (o) => [{ name: 'ttl-archive', template: ttlArchive(o) }],
};

function resolve(options: Partial<TtlArchiveOptions>): TtlArchiveOptions {
  const o = withDefaults(ttlArchivePattern, options);
  const ttl = o.ttlAttribute as unknown;
  if (typeof ttl !== 'string' || !/^[A-Za-z0-9_.-]{1,255}$/.test(ttl)) {
    throw new PatternOptionError('--ttl-attribute', `"${String(ttl)}" must be 1-255 letters, digits, "_", "-" or "."`);
  }
  if (ttl === PARTITION_KEY || ttl === SORT_KEY) {
    throw new PatternOptionError('--ttl-attribute', `"${ttl}" is a key attribute of the table (a String); the TTL attribute must be a Number attribute`);
  }
  return { ttlAttribute: ttl, archiveAfterDays: checkInt('archiveAfterDays', o.archiveAfterDays, 1, 3650) };
}

interface Parameters {
  readonly archiveAfterDays: ParameterHandle;
  readonly storageClass: ParameterHandle;
  readonly bufferInterval: ParameterHandle;
  readonly bufferSize: ParameterHandle;
  readonly retryAttempts: ParameterHandle;
  readonly logRetention: ParameterHandle;
}

function addParameters(b: TemplateBuilder, o: TtlArchiveOptions): Parameters {
  return {
    archiveAfterDays: b.parameter('ArchiveAfterDays', {
      Type: 'Number',
      Description: 'Days after delivery before archived objects move to ArchiveStorageClass',
      Default: o.archiveAfterDays,
      MinValue: 1,
      MaxValue: 3650,
    }),
    storageClass: b.parameter('ArchiveStorageClass', {
      Type: 'String',
      Description: 'S3 storage class archived objects move to',
      Default: 'GLACIER',
      AllowedValues: ['GLACIER', 'DEEP_ARCHIVE'],
    }),
    bufferInterval: b.parameter('BufferIntervalInSeconds', {
      Type: 'Number',
      Description: 'Seconds Firehose buffers records before writing an S3 object',
      Default: 300,
      MinValue: 60,
      MaxValue: 900,
    }),
    bufferSize: b.parameter('BufferSizeInMBs', {
      Type: 'Number',
      Description: 'MiB Firehose buffers (before compression) before writing an S3 object',
      Default: 64,
      MinValue: 1,
      MaxValue: 128,
    }),
    retryAttempts: b.parameter('MaximumRetryAttempts', {
      Type: 'Number',
      Description: 'Retries of a failed stream batch before it goes to the failure queue',
      Default: 3,
      MinValue: 0,
      MaxValue: 10,
    }),
    logRetention: b.parameter('LogRetentionInDays', {
      Type: 'Number',
      Description: 'Days the archiving function logs are kept',
      Default: 30,
      AllowedValues: LOG_RETENTION_DAYS,
    }),
  };
}

/** Builds the `ttl-archive` template. */
export function ttlArchive(options: Partial<TtlArchiveOptions> = {}): Template {
  const o = resolve(options);
  const b = new TemplateBuilder(`DynamoDB table whose TTL-expired items (attribute ${o.ttlAttribute}) are archived to S3 through Kinesis Data Firehose (cfnkit ttl-archive)`);
  const p = addParameters(b, o);
  const retain = { deletionPolicy: 'Retain', updateReplacePolicy: 'Retain' } as const;

  const table = b.resource(
    'Table',
    'AWS::DynamoDB::Table',
    {
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: PARTITION_KEY, AttributeType: 'S' },
        { AttributeName: SORT_KEY, AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: PARTITION_KEY, KeyType: 'HASH' },
        { AttributeName: SORT_KEY, KeyType: 'RANGE' },
      ],
      TimeToLiveSpecification: { AttributeName: o.ttlAttribute, Enabled: true },
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    },
    retain,
  );

  const bucket = b.resource(
    'ArchiveBucket',
    'AWS::S3::Bucket',
    {
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      LifecycleConfiguration: {
        Rules: [
          {
            Id: 'ArchiveExpiredItems',
            Status: 'Enabled',
            Transitions: [{ StorageClass: ref(p.storageClass), TransitionInDays: ref(p.archiveAfterDays) }],
            NoncurrentVersionTransitions: [{ StorageClass: ref(p.storageClass), TransitionInDays: ref(p.archiveAfterDays) }],
            AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
          },
        ],
      },
    },
    retain,
  );
  b.resource('ArchiveBucketPolicy', 'AWS::S3::BucketPolicy', { Bucket: ref(bucket), PolicyDocument: policyDocument(denyInsecureTransport(bucket)) });

  const deliveryRole = b.resource('DeliveryStreamRole', 'AWS::IAM::Role', {
    Description: 'Lets Kinesis Data Firehose write to the archive bucket',
    AssumeRolePolicyDocument: serviceTrustPolicy('firehose.amazonaws.com', sameAccountExternalId()),
    Policies: [
      inlinePolicy(
        'WriteArchiveBucket',
        allow(
          'WriteArchiveBucket',
          ['s3:AbortMultipartUpload', 's3:GetBucketLocation', 's3:GetObject', 's3:ListBucket', 's3:ListBucketMultipartUploads', 's3:PutObject'],
          [getAtt(bucket, 'Arn'), bucketObjectsArn(bucket)],
        ),
      ),
    ],
  });
  const deliveryStream = b.resource('DeliveryStream', 'AWS::KinesisFirehose::DeliveryStream', {
    DeliveryStreamType: 'DirectPut',
    DeliveryStreamEncryptionConfigurationInput: { KeyType: 'AWS_OWNED_CMK' },
    ExtendedS3DestinationConfiguration: {
      BucketARN: getAtt(bucket, 'Arn'),
      RoleARN: getAtt(deliveryRole, 'Arn'),
      BufferingHints: { IntervalInSeconds: ref(p.bufferInterval), SizeInMBs: ref(p.bufferSize) },
      CompressionFormat: 'GZIP',
      Prefix: 'expired/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/',
      ErrorOutputPrefix: 'errors/!{firehose:error-output-type}/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/',
    },
  });

  // The failure queue is the only record of stream batches that never reached the archive (their
  // items are lost once the stream drops the records): it outlives the stack like the archive does.
  const failureQueue = b.resource(
    'FailureQueue',
    'AWS::SQS::Queue',
    {
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 1209600,
    },
    retain,
  );
  const logGroup = b.resource('HandlerLogGroup', 'AWS::Logs::LogGroup', { RetentionInDays: ref(p.logRetention) });

  const handlerRole = b.resource('HandlerRole', 'AWS::IAM::Role', {
    Description: 'Lets the TTL archive function read the table stream, put to the delivery stream and report failures',
    AssumeRolePolicyDocument: serviceTrustPolicy('lambda.amazonaws.com'),
    Policies: [
      inlinePolicy(
        'ArchiveExpiredItems',
        allow('ReadTableStream', ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'], [getAtt(table, 'StreamArn')]),
        allow('ListTableStreams', ['dynamodb:ListStreams'], [sub(`\${${table.logicalId}.Arn}/stream/*`)]),
        allow('PutToDeliveryStream', ['firehose:PutRecordBatch'], [getAtt(deliveryStream, 'Arn')]),
        allow('SendFailedBatches', ['sqs:SendMessage'], [getAtt(failureQueue, 'Arn')]),
        allow('WriteLogs', ['logs:CreateLogStream', 'logs:PutLogEvents'], [getAtt(logGroup, 'Arn')]),
      ),
    ],
  });
  const handler = b.resource('Handler', 'AWS::Lambda::Function', {
    Description: 'Forwards the old images of TTL-expired items to Kinesis Data Firehose',
    Runtime: 'python3.12',
    Architectures: ['arm64'],
    Handler: 'index.handler',
    Code: { ZipFile: render('ttl-archive-handler.py.hbs', { ttlAttributeLiteral: JSON.stringify(o.ttlAttribute), maxAttempts: PUT_ATTEMPTS }) },
    Role: getAtt(handlerRole, 'Arn'),
    MemorySize: 256,
    Timeout: 60,
    Environment: { Variables: { DELIVERY_STREAM_NAME: ref(deliveryStream) } },
    LoggingConfig: { LogGroup: ref(logGroup), LogFormat: 'Text' },
  });
  b.resource('HandlerEventSourceMapping', 'AWS::Lambda::EventSourceMapping', {
    EventSourceArn: getAtt(table, 'StreamArn'),
    FunctionName: ref(handler),
    StartingPosition: 'TRIM_HORIZON',
    BatchSize: 100,
    MaximumBatchingWindowInSeconds: 5,
    FilterCriteria: { Filters: [{ Pattern: JSON.stringify(TTL_DELETION_FILTER) }] },
    FunctionResponseTypes: ['ReportBatchItemFailures'],
    BisectBatchOnFunctionError: true,
    MaximumRetryAttempts: ref(p.retryAttempts),
    // Stream records live 24 hours; older ones are gone, so stop retrying them then.
    MaximumRecordAgeInSeconds: 86400,
    DestinationConfig: { OnFailure: { Destination: getAtt(failureQueue, 'Arn') } },
  });

  b.output('TableName', ref(table), { description: 'DynamoDB table (set the TTL attribute to epoch seconds)' });
  b.output('TableStreamArn', getAtt(table, 'StreamArn'), { description: 'Stream of the table' });
  b.output('ArchiveBucketName', ref(bucket), { description: 'S3 bucket holding the archived items under expired/' });
  b.output('DeliveryStreamName', ref(deliveryStream), { description: 'Kinesis Data Firehose delivery stream' });
  b.output('FailureQueueUrl', ref(failureQueue), { description: 'SQS queue receiving the details (shard, sequence numbers) of stream batches that kept failing' });
  b.output('HandlerFunctionName', ref(handler), { description: 'Lambda function archiving expired items' });
  return b.build();
}
