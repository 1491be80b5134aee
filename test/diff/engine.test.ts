/**
 * `diffTemplates` on old/new template pairs in test/fixtures/diff/: each case lists every resource it
 * expects to change, with its action, data-loss flag, changed paths and risk codes. Expected update
 * behaviours are the documented ones ("Update requires: …") of the AWS resource reference.
 */
import { diffTemplates } from '../../src/diff/engine';
import type { ChangeAction, DiffOptions, Impact, ResourceChange, RiskCode } from '../../src/diff/types';
import { loadPair } from './support';

interface Expected {
  action: ChangeAction;
  dataLoss?: boolean;
  /** Changed paths and their impact; when given, exactly these paths. */
  properties?: Record<string, Impact>;
  /** Risk codes; when given, exactly these (sorted). */
  risks?: RiskCode[];
  /** A reason that must be present. */
  reason?: RegExp;
}

const cases: Array<{ name: string; why: string; options?: DiffOptions; changes: Record<string, Expected> }> = [
  {
    name: 'dynamodb-table-name',
    why: 'TableName: Update requires Replacement; no UpdateReplacePolicy, so the table data is lost',
    changes: { Sessions: { action: 'replace', dataLoss: true, properties: { 'Properties.TableName': 'replace' }, risks: ['data-loss'] } },
  },
  {
    name: 'dynamodb-key-schema',
    why: 'KeySchema: Update requires Replacement; the fixed TableName makes the replacement fail',
    changes: {
      Orders: {
        action: 'replace',
        dataLoss: true,
        properties: { 'Properties.AttributeDefinitions[0].AttributeName': 'update', 'Properties.KeySchema[0].AttributeName': 'replace' },
        risks: ['data-loss', 'fixed-name'],
      },
    },
  },
  {
    name: 'dynamodb-billing-mode',
    why: 'BillingMode and ProvisionedThroughput: Update requires No interruption',
    changes: { Events: { action: 'update', dataLoss: false, properties: { 'Properties.BillingMode': 'update', 'Properties.ProvisionedThroughput': 'update' }, risks: [] } },
  },
  {
    name: 'rds-instance-class',
    why: 'DBInstanceClass: Update requires Some interruptions (no replacement)',
    changes: { Database: { action: 'update', dataLoss: false, properties: { 'Properties.DBInstanceClass': 'update' }, risks: [] } },
  },
  {
    name: 'rds-db-name',
    why: 'DBName: Update requires Replacement; a DeletionPolicy does not protect against replacement',
    changes: { Database: { action: 'replace', dataLoss: true, properties: { 'Properties.DBName': 'replace' }, risks: ['data-loss'], reason: /no UpdateReplacePolicy Retain or Snapshot/ } },
  },
  {
    name: 'rds-db-name-snapshot',
    why: 'DBName: Update requires Replacement; UpdateReplacePolicy Snapshot keeps the data as a snapshot',
    changes: { Database: { action: 'replace', dataLoss: false, properties: { 'Properties.DBName': 'replace' }, risks: ['snapshot'] } },
  },
  {
    name: 'rds-storage-encrypted-snapshot',
    why: 'StorageEncrypted: Update requires Replacement; UpdateReplacePolicy Snapshot keeps the data as a snapshot',
    changes: { Database: { action: 'replace', dataLoss: false, properties: { 'Properties.StorageEncrypted': 'replace' }, risks: ['snapshot'], reason: /survives as a snapshot/ } },
  },
  {
    name: 'nested-replacement',
    why: 'AutoScalingGroupProvider.AutoScalingGroupArn requires replacement though its parent updates in place',
    changes: {
      Blue: { action: 'replace', dataLoss: false, properties: { 'Properties.AutoScalingGroupProvider.AutoScalingGroupArn': 'replace' } },
      Green: { action: 'update', properties: { 'Properties.AutoScalingGroupProvider.ManagedScaling.TargetCapacity': 'update' } },
    },
  },
  {
    name: 'route53-weight-and-name',
    why: 'RecordSet Weight: No interruption; Name: Replacement',
    changes: {
      BlueRecord: { action: 'update', properties: { 'Properties.Weight': 'update' } },
      GreenRecord: { action: 'update', properties: { 'Properties.Weight': 'update' } },
      PreviewRecord: { action: 'replace', dataLoss: false, properties: { 'Properties.Name': 'replace' } },
    },
  },
  {
    name: 'ref-propagation',
    why: 'a replaced VPC replaces what references it from replacement-causing properties, to a fixed point',
    changes: {
      Vpc: { action: 'replace', properties: { 'Properties.CidrBlock': 'replace' } },
      Subnet: { action: 'replace', properties: { 'Properties.CidrBlock': 'replace', 'Properties.VpcId': 'replace' }, reason: /Ref Vpc: Vpc is replaced/ },
      AppSecurityGroup: { action: 'replace', properties: { 'Properties.VpcId': 'replace' } },
      Instance: { action: 'replace', properties: { 'Properties.SubnetId': 'replace' }, reason: /Ref Subnet: Subnet is replaced/ },
      VpcIdParameter: { action: 'update', properties: { 'Properties.Value': 'update' } },
    },
  },
  {
    name: 'sub-propagation',
    why: '${Bucket} inside Fn::Sub propagates like Ref; from update-only properties it is an update',
    changes: {
      Uploads: { action: 'replace', dataLoss: false, properties: { 'Properties.BucketName': 'replace' }, risks: [], reason: /UpdateReplacePolicy Retain/ },
      UploadEvents: { action: 'replace', dataLoss: true, properties: { 'Properties.QueueName': 'replace' }, risks: ['data-loss'], reason: /\$\{Uploads\} in Fn::Sub: Uploads is replaced/ },
      ReaderRole: { action: 'update', properties: { 'Properties.Policies[0].PolicyDocument.Statement[0].Resource': 'update' }, risks: [] },
      Reader: { action: 'update', properties: { 'Properties.Environment.Variables.BUCKET_ARN': 'update' } },
    },
  },
  {
    name: 'removal-stateful',
    why: 'removal deletes a stateful resource unless DeletionPolicy is Retain or Snapshot',
    changes: {
      Audit: { action: 'remove', dataLoss: true, properties: {}, risks: ['data-loss'] },
      Archive: { action: 'orphan', dataLoss: false, risks: [], reason: /DeletionPolicy Retain/ },
      Reporting: { action: 'orphan', dataLoss: false, risks: ['snapshot'] },
      Alerts: { action: 'remove', dataLoss: false, risks: [] },
    },
  },
  {
    name: 'type-change',
    why: 'a Type change is a replacement; the old queue and its messages are deleted',
    changes: { Notifications: { action: 'replace', dataLoss: true, properties: { Type: 'replace' }, reason: /Type changes from AWS::SQS::Queue to AWS::SNS::Topic/ } },
  },
  { name: 'formatting-only', why: 'short vs long forms, GetAtt strings, DependsOn, numbers, booleans, key order, NoValue', changes: {} },
  {
    name: 'parameter-default',
    why: 'a changed Default feeding DBName (replacement) makes the instance "may replace": it depends on the deploy-time value',
    changes: {
      Database: {
        action: 'may-replace',
        dataLoss: false,
        properties: { 'Properties.DBInstanceClass': 'update', 'Properties.DBName': 'may-replace' },
        risks: ['snapshot'],
        reason: /parameter DatabaseName changes from "orders" to "orders_v2" \(Default; a deploy-time value\)/,
      },
      Endpoint: { action: 'update', properties: { 'Properties.Value': 'update' } },
    },
  },
  {
    name: 'parameter-default',
    why: 'with --parameters keeping the old value, only the instance class changes',
    options: { newParameters: { DatabaseName: 'orders' } },
    changes: { Database: { action: 'update', properties: { 'Properties.DBInstanceClass': 'update' }, risks: [] } },
  },
  {
    name: 'widening',
    why: 'SSH from 0.0.0.0/0 and s3:* on * are flagged; a changed rule description is not',
    changes: {
      WebSecurityGroup: { action: 'update', risks: ['security-group-widening'] },
      AppRole: { action: 'update', risks: ['iam-widening'] },
    },
  },
  {
    name: 'widening-parameter',
    why: 'a rule that reads a parameter is judged on its value: a Default changed to 0.0.0.0/0 widens it',
    changes: { InstanceSecurityGroup: { action: 'update', properties: { 'Properties.SecurityGroupIngress[0].CidrIp': 'update' }, risks: ['security-group-widening'] } },
  },
  {
    name: 'widening-parameter',
    why: 'the same template deployed with the old CIDR block given as a parameter value: no change',
    options: { newParameters: { SSHLocation: '192.168.1.0/24' } },
    changes: {},
  },
  {
    name: 'attribute-of-updated',
    why: 'an updated group keeps its GroupId (and 10.1.0.0/16 inside 10.0.0.0/8 is no widening); a changed StreamArn read by a replacement-causing property may replace',
    changes: {
      Table: { action: 'update', properties: { 'Properties.StreamSpecification.StreamViewType': 'update' } },
      Mapping: { action: 'may-replace', properties: { 'Properties.EventSourceArn': 'may-replace' }, reason: /Fn::GetAtt Table\.StreamArn: the attribute may change when Table is updated/ },
      Group: { action: 'update', risks: [] },
    },
  },
  {
    name: 'custom-resource',
    why: 'custom resource types are not in the spec: their provider decides, so "may replace"',
    changes: { Seed: { action: 'may-replace', properties: { 'Properties.Rows': 'may-replace' } } },
  },
  {
    name: 'mapping-change',
    why: 'FindInMap with literal keys reads a changed value (ImageId: Replacement); with AWS::Region keys it may',
    changes: {
      Pinned: { action: 'replace', properties: { 'Properties.ImageId': 'replace' } },
      Regional: { action: 'may-replace', properties: { 'Properties.ImageId': 'may-replace' } },
    },
  },
];

describe('diffTemplates on fixture pairs', () => {
  test.each(cases)('$name: $why', ({ name, options, changes }) => {
    const { before, after } = loadPair(name);
    const diff = diffTemplates(before, after, options);
    expect(diff.changes.map((c) => c.resource).sort()).toEqual(Object.keys(changes).sort());
    for (const [id, want] of Object.entries(changes)) {
      const got = diff.changes.find((c) => c.resource === id)!;
      expect({ id, action: got.action }).toEqual({ id, action: want.action });
      if (want.dataLoss !== undefined) expect({ id, dataLoss: got.dataLoss }).toEqual({ id, dataLoss: want.dataLoss });
      if (want.properties) expect({ id, properties: impacts(got) }).toEqual({ id, properties: want.properties });
      if (want.risks) expect({ id, risks: got.risks.map((r) => r.code) }).toEqual({ id, risks: want.risks });
      if (want.reason) expect(got.reasons.join('\n')).toMatch(want.reason);
    }
    expect(diff.summary.changed).toBe(diff.changes.length);
    expect(diff.summary.dataLoss).toBe(diff.changes.filter((c) => c.dataLoss).length);
  });
});

function impacts(change: ResourceChange): Record<string, Impact> {
  return Object.fromEntries(change.properties.map((p) => [p.path, p.impact]));
}
