import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TTL_DELETION_FILTER, TtlArchiveOptions, ttlArchive, ttlArchivePattern } from '../../generators/ttl-archive';
import { runCli } from '../support/cli';
import { emit } from '../../src/emit';
import { Intrinsic } from '../../src/model/intrinsics';
import type { Template } from '../../src/model/template';
import { expectRoundTrip, lintGenerated, optionError } from '../support/generated';

/** Loose view of resource properties for structural assertions. */
type Props = { [key: string]: any };

const REF = (id: string) => new Intrinsic('Ref', id);
const GET_ATT = (id: string, attribute: string) => new Intrinsic('Fn::GetAtt', [id, attribute]);

const variants: ReadonlyArray<[string, Partial<TtlArchiveOptions>, { ttlAttribute: string; archiveAfterDays: number }]> = [
  ['defaults', {}, { ttlAttribute: 'expires_at', archiveAfterDays: 30 }],
  ['ttl attribute "ttl", archive after 365 days', { ttlAttribute: 'ttl', archiveAfterDays: 365 }, { ttlAttribute: 'ttl', archiveAfterDays: 365 }],
  ['ttl attribute with "." and "-", archive after 1 day', { ttlAttribute: 'meta.expire-at', archiveAfterDays: 1 }, { ttlAttribute: 'meta.expire-at', archiveAfterDays: 1 }],
];

function props(t: Template, logicalId: string): Props {
  return t.Resources[logicalId].Properties as Props;
}


/** Every statement of a role's inline policies. */
function statements(t: Template, roleId: string): Props[] {
  return (props(t, roleId).Policies as Props[]).flatMap((p) => p.PolicyDocument.Statement as Props[]);
}

const asList = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);

const python = spawnSync('python3', ['-c', 'import boto3'], { encoding: 'utf8' }).status === 0;
if (!python && process.env.CI === 'true') throw new Error('python3 with boto3 is required under CI=true to check the rendered Lambda code');
const itWithPython = python ? it : it.skip;

/**
 * Runs the rendered handler under python3 with a fake Firehose client (boto3.client patched before the
 * module loads). `scenario` picks the client's behaviour; prints the handler's result and the calls.
 */
const HARNESS = String.raw`
import importlib.util, json, os, sys, time
import boto3

code_path, scenario = sys.argv[1], sys.argv[2]
calls = []

class Unavailable(Exception):
    pass

class FakeFirehose:
    class exceptions:
        ServiceUnavailableException = Unavailable

    def put_record_batch(self, DeliveryStreamName, Records):
        assert DeliveryStreamName == "archive-stream"
        docs = [json.loads(r["Data"]) for r in Records]
        assert all(r["Data"].endswith(b"\n") for r in Records)
        calls.append(docs)
        if scenario == "down":
            raise Unavailable("service unavailable")
        fail = [
            (scenario == "flaky" and len(calls) == 1 and i == 0) or (scenario == "stuck" and d["eventID"] == "e2")
            for i, d in enumerate(docs)
        ]
        return {
            "FailedPutCount": sum(fail),
            "RequestResponses": [
                {"ErrorCode": "ServiceUnavailableException", "ErrorMessage": "slow down"} if f else {"RecordId": str(i)}
                for i, f in enumerate(fail)
            ],
        }

boto3.client = lambda service, **kwargs: FakeFirehose()
time.sleep = lambda seconds: None
os.environ["DELIVERY_STREAM_NAME"] = "archive-stream"
spec = importlib.util.spec_from_file_location("index", code_path)
index = importlib.util.module_from_spec(spec)
spec.loader.exec_module(index)

def record(n, ttl_attribute):
    image = {
        "pk": {"S": "user#%d" % n},
        "sk": {"S": "session"},
        ttl_attribute: {"N": "17000000%02d" % n},
        "score": {"N": "12.5"},
        "tags": {"SS": ["b", "a"]},
        "blob": {"B": "aGVsbG8="},
        "ids": {"NS": ["3", "1.5"]},
        "blobs": {"BS": ["Yg==", "YQ=="]},
        "nested": {"M": {"ok": {"BOOL": True}, "none": {"NULL": True}, "list": {"L": [{"N": "1"}, {"S": "x"}]}}},
    }
    return {
        "eventID": "e%d" % n,
        "eventName": "REMOVE",
        "userIdentity": {"type": "Service", "principalId": "dynamodb.amazonaws.com"},
        "dynamodb": {
            "ApproximateCreationDateTime": 1700000100 + n,
            "Keys": {"pk": image["pk"], "sk": image["sk"]},
            "OldImage": image,
            "SequenceNumber": "%d00" % n,
        },
    }

count = int(sys.argv[4]) if len(sys.argv) > 4 else 3
result = index.handler({"Records": [record(n, sys.argv[3]) for n in range(1, count + 1)]}, None)
print(json.dumps({"result": result, "calls": calls}))
`;

describe('ttl-archive', () => {
  it('is clean under cfn-lint, YAML and JSON, for every variant', () => {
    const files = variants.flatMap(([, options], i) => ttlArchivePattern.build(options).map((f) => ({ ...f, name: `${f.name}-${i}` })));
    expect(lintGenerated(files)).toEqual([]);
  });

  describe.each(variants)('%s', (_, options, expected) => {
    const files = ttlArchivePattern.build(options);
    const t = files[0].template;

    it('builds one stack, ttl-archive', () => {
      expect(files.map((f) => f.name)).toEqual(['ttl-archive']);
    });

    it('round-trips and emits identically on every build', () => {
      expectRoundTrip(t);
      for (const format of ['yaml', 'json'] as const) expect(emit(ttlArchive(options), format)).toBe(emit(t, format));
    });

    it('table: TTL on the attribute, NEW_AND_OLD_IMAGES stream, retained on delete and replacement', () => {
      expect(t.Resources.Table).toMatchObject({ Type: 'AWS::DynamoDB::Table', DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
      expect(props(t, 'Table')).toMatchObject({
        TimeToLiveSpecification: { AttributeName: expected.ttlAttribute, Enabled: true },
        StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      });
    });

    it('event source mapping: TTL deletions only, bisect, bounded retries, item failures, on-failure queue', () => {
      const esm = props(t, 'HandlerEventSourceMapping');
      expect(esm).toMatchObject({
        EventSourceArn: GET_ATT('Table', 'StreamArn'),
        FunctionName: REF('Handler'),
        BisectBatchOnFunctionError: true,
        MaximumRetryAttempts: REF('MaximumRetryAttempts'),
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        DestinationConfig: { OnFailure: { Destination: GET_ATT('FailureQueue', 'Arn') } },
      });
      expect(esm.MaximumRecordAgeInSeconds).toBeGreaterThanOrEqual(60);
      expect(esm.MaximumRecordAgeInSeconds).toBeLessThanOrEqual(86400);
      expect(esm.FilterCriteria.Filters.map((f: Props) => JSON.parse(f.Pattern))).toEqual([
        { eventName: ['REMOVE'], userIdentity: { type: ['Service'], principalId: ['dynamodb.amazonaws.com'] } },
      ]);
      expect(t.Parameters?.MaximumRetryAttempts).toMatchObject({ Type: 'Number', MinValue: 0, MaxValue: 10 });
      expect(props(t, 'FailureQueue').SqsManagedSseEnabled).toBe(true);
      expect(t.Resources.FailureQueue).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    });

    it('bucket: encrypted, versioned, public access blocked, TLS enforced, lifecycle to the archive class, retained', () => {
      expect(t.Resources.ArchiveBucket).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
      const bucket = props(t, 'ArchiveBucket');
      expect(bucket.BucketEncryption.ServerSideEncryptionConfiguration).toEqual([{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }]);
      expect(bucket.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
      expect(bucket.VersioningConfiguration).toEqual({ Status: 'Enabled' });
      expect(bucket.LifecycleConfiguration.Rules[0]).toMatchObject({
        Status: 'Enabled',
        Transitions: [{ StorageClass: REF('ArchiveStorageClass'), TransitionInDays: REF('ArchiveAfterDays') }],
      });
      expect(t.Parameters?.ArchiveStorageClass.AllowedValues).toEqual(['GLACIER', 'DEEP_ARCHIVE']);
      expect(t.Parameters?.ArchiveAfterDays).toMatchObject({ Type: 'Number', Default: expected.archiveAfterDays });

      const policy = props(t, 'ArchiveBucketPolicy');
      expect(policy.Bucket).toEqual(REF('ArchiveBucket'));
      expect(policy.PolicyDocument.Statement).toEqual([
        expect.objectContaining({
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: [GET_ATT('ArchiveBucket', 'Arn'), new Intrinsic('Fn::Sub', '${ArchiveBucket.Arn}/*')],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      ]);
    });

    it('delivery stream: DirectPut, GZIP, dated prefix, error output prefix, buffering hints, into the bucket', () => {
      const stream = props(t, 'DeliveryStream');
      expect(stream.DeliveryStreamType).toBe('DirectPut');
      const s3 = stream.ExtendedS3DestinationConfiguration;
      expect(s3).toMatchObject({
        BucketARN: GET_ATT('ArchiveBucket', 'Arn'),
        RoleARN: GET_ATT('DeliveryStreamRole', 'Arn'),
        CompressionFormat: 'GZIP',
        BufferingHints: { IntervalInSeconds: REF('BufferIntervalInSeconds'), SizeInMBs: REF('BufferSizeInMBs') },
      });
      expect(s3.Prefix).toMatch(/!\{timestamp:yyyy\}.*!\{timestamp:MM\}.*!\{timestamp:dd\}/);
      expect(s3.ErrorOutputPrefix).toContain('!{firehose:error-output-type}');
    });

    it('IAM: least privilege, no wildcard action or resource', () => {
      const lambda = statements(t, 'HandlerRole');
      expect(lambda.map((s) => [asList(s.Action), asList(s.Resource)])).toEqual([
        [['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'], [GET_ATT('Table', 'StreamArn')]],
        [['dynamodb:ListStreams'], [new Intrinsic('Fn::Sub', '${Table.Arn}/stream/*')]],
        [['firehose:PutRecordBatch'], [GET_ATT('DeliveryStream', 'Arn')]],
        [['sqs:SendMessage'], [GET_ATT('FailureQueue', 'Arn')]],
        [['logs:CreateLogStream', 'logs:PutLogEvents'], [GET_ATT('HandlerLogGroup', 'Arn')]],
      ]);
      const firehose = statements(t, 'DeliveryStreamRole');
      expect(firehose.flatMap((s) => asList(s.Resource))).toEqual([GET_ATT('ArchiveBucket', 'Arn'), new Intrinsic('Fn::Sub', '${ArchiveBucket.Arn}/*')]);
      for (const s of [...lambda, ...firehose]) {
        expect(s.Effect).toBe('Allow');
        for (const action of asList(s.Action)) expect(action).not.toMatch(/\*/);
        for (const resource of asList(s.Resource)) expect(resource).not.toBe('*');
      }
      expect(props(t, 'DeliveryStreamRole').AssumeRolePolicyDocument.Statement[0]).toMatchObject({
        Principal: { Service: 'firehose.amazonaws.com' },
        Condition: { StringEquals: { 'sts:ExternalId': REF('AWS::AccountId') } },
      });
    });

    it('function: inline python3.12 code, its own log group with retention, the delivery stream name', () => {
      expect(props(t, 'Handler')).toMatchObject({
        Runtime: 'python3.12',
        Handler: 'index.handler',
        Role: GET_ATT('HandlerRole', 'Arn'),
        Environment: { Variables: { DELIVERY_STREAM_NAME: REF('DeliveryStream') } },
        LoggingConfig: { LogGroup: REF('HandlerLogGroup') },
      });
      expect(props(t, 'HandlerLogGroup').RetentionInDays).toEqual(REF('LogRetentionInDays'));
      expect(props(t, 'Handler').Code.ZipFile).toContain(`TTL_ATTRIBUTE = ${JSON.stringify(expected.ttlAttribute)}`);
    });

    it('parameters: typed, described, bounded', () => {
      for (const [id, p] of Object.entries(t.Parameters ?? {})) {
        expect([id, p.Description?.length ?? 0]).not.toEqual([id, 0]);
        expect(['Number', 'String']).toContain(p.Type);
        if (p.Type === 'Number') expect(p.AllowedValues ?? [p.MinValue, p.MaxValue]).not.toContain(undefined);
      }
    });

    describe('rendered handler', () => {
      let dir: string;
      let code: string;
      beforeAll(() => {
        dir = mkdtempSync(join(tmpdir(), 'cfnkit-ttl-'));
        code = join(dir, 'index.py');
        writeFileSync(code, props(t, 'Handler').Code.ZipFile as string);
        writeFileSync(join(dir, 'harness.py'), HARNESS);
      });
      afterAll(() => rmSync(dir, { recursive: true, force: true }));

      const run = (scenario: string, records = 3) => {
        const r = spawnSync('python3', [join(dir, 'harness.py'), code, scenario, expected.ttlAttribute, String(records)], { encoding: 'utf8', maxBuffer: 64 << 20 });
        expect(r.stderr).toBe('');
        expect(r.status).toBe(0);
        return JSON.parse(r.stdout.trim().split('\n').pop()!) as { result: Props; calls: Props[][] };
      };

      itWithPython('compiles (python3 -m py_compile)', () => {
        const r = spawnSync('python3', ['-m', 'py_compile', code], { encoding: 'utf8' });
        expect(r.stderr).toBe('');
        expect(r.status).toBe(0);
      });

      itWithPython('forwards the old images as plain JSON lines in one PutRecordBatch', () => {
        const { result, calls } = run('ok');
        expect(result).toEqual({ batchItemFailures: [] });
        expect(calls).toHaveLength(1);
        expect(calls[0].map((d) => d.eventID)).toEqual(['e1', 'e2', 'e3']);
        expect(calls[0][0]).toEqual({
          eventID: 'e1',
          removedAt: 1700000101,
          expiresAt: 1700000001,
          keys: { pk: 'user#1', sk: 'session' },
          oldImage: {
            pk: 'user#1',
            sk: 'session',
            [expected.ttlAttribute]: 1700000001,
            score: 12.5,
            tags: ['a', 'b'],
            blob: 'aGVsbG8=',
            ids: [1.5, 3],
            blobs: ['YQ==', 'Yg=='],
            nested: { ok: true, none: null, list: [1, 'x'] },
          },
        });
      });

      itWithPython('splits batches at 500 records per PutRecordBatch', () => {
        const { result, calls } = run('ok', 1201);
        expect(result).toEqual({ batchItemFailures: [] });
        expect(calls.map((c) => c.length)).toEqual([500, 500, 201]);
      });

      itWithPython('retries only the records Firehose rejected', () => {
        const { result, calls } = run('flaky');
        expect(result).toEqual({ batchItemFailures: [] });
        expect(calls.map((c) => c.map((d) => d.eventID))).toEqual([['e1', 'e2', 'e3'], ['e1']]);
      });

      itWithPython('reports the first record still rejected after the attempts as the batch item failure', () => {
        const { result, calls } = run('stuck');
        expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: '200' }] });
        expect(calls.map((c) => c.map((d) => d.eventID))).toEqual([['e1', 'e2', 'e3'], ['e2'], ['e2']]);
      });

      itWithPython('reports the whole batch from its first record when Firehose stays unavailable', () => {
        const { result, calls } = run('down');
        expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: '100' }] });
        expect(calls).toHaveLength(3);
      });
    });
  });

  it('filters on the TTL service deleting items', () => {
    expect(TTL_DELETION_FILTER).toEqual({ eventName: ['REMOVE'], userIdentity: { type: ['Service'], principalId: ['dynamodb.amazonaws.com'] } });
  });

  describe('rejects invalid options naming the option', () => {
    it.each<[string, Partial<Record<keyof TtlArchiveOptions, unknown>>, string]>([
      ['empty TTL attribute', { ttlAttribute: '' }, '--ttl-attribute'],
      ['TTL attribute with a space', { ttlAttribute: 'has space' }, '--ttl-attribute'],
      ['TTL attribute with a slash', { ttlAttribute: 'a/b' }, '--ttl-attribute'],
      ['TTL attribute of 256 characters', { ttlAttribute: 'x'.repeat(256) }, '--ttl-attribute'],
      ['TTL attribute = partition key', { ttlAttribute: 'pk' }, '--ttl-attribute'],
      ['TTL attribute = sort key', { ttlAttribute: 'sk' }, '--ttl-attribute'],
      ['archive after 0 days', { archiveAfterDays: 0 }, '--archive-after-days'],
      ['archive after 3651 days', { archiveAfterDays: 3651 }, '--archive-after-days'],
      ['archive after 1.5 days', { archiveAfterDays: 1.5 }, '--archive-after-days'],
      ['archive after "soon"', { archiveAfterDays: 'soon' }, '--archive-after-days'],
    ])('%s → %s', (_, options, option) => {
      expect(optionError(() => ttlArchive(options as Partial<TtlArchiveOptions>))).toMatchObject({ code: 'invalid-option', option });
    });
  });

  describe('CLI', () => {
    it('lists the options in --help', async () => {
      const r = await runCli(['gen', 'ttl-archive', '--help']);
      expect(r.code).toBe(0);
      for (const option of ['--ttl-attribute', '--archive-after-days']) expect(r.stdout).toContain(option);
    });

    it('prints the template for valid options', async () => {
      const r = await runCli(['gen', 'ttl-archive', '--ttl-attribute', 'ttl', '--archive-after-days', '90']);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(emit(ttlArchive({ ttlAttribute: 'ttl', archiveAfterDays: 90 }), 'yaml'));
    });

    it.each([
      [['--ttl-attribute', 'a b'], '--ttl-attribute'],
      [['--archive-after-days', '0'], '--archive-after-days'],
    ])('%j: one line naming %s, exit code 1', async (args, option) => {
      const r = await runCli(['gen', 'ttl-archive', ...args]);
      expect(r.code).toBe(1);
      const text = r.stderr;
      expect(text.trimEnd().split('\n')).toHaveLength(1);
      expect(text).toContain(option);
      expect(r.stdout).toBe('');
    });
  });
});
