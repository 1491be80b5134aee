import { rule } from '../../rules/property-enum';
import { ruleTester } from '../support/rule-tester';

/** A template with one resource `R` of `type`; property lines start at line 5, indented 6. */
const res = (type: string, ...lines: string[]) => `Resources:\n  R:\n    Type: ${type}\n    Properties:\n${lines.map((l) => `      ${l}\n`).join('')}`;

ruleTester(rule, {
  valid: [
    res('AWS::S3::Bucket', 'AccessControl: LogDeliveryWrite', 'VersioningConfiguration: {Status: Suspended}'),
    { name: 'values behind intrinsics', code: res('AWS::S3::Bucket', 'AccessControl: !Ref Acl', 'VersioningConfiguration: {Status: !Sub "${S}"}') },
    { name: 'Fn::If branches', code: res('AWS::S3::Bucket', 'VersioningConfiguration:', '  Status: !If [C, Enabled, Suspended]') },
    { name: 'comma-separated and case-insensitive values (spec/patches.json)', code: res('AWS::AutoScaling::AutoScalingGroup', 'MinSize: 1', 'MaxSize: 2', 'HealthCheckType: ELB,VPC_LATTICE') + '  Acl:\n    Type: AWS::EC2::NetworkAclEntry\n    Properties: {NetworkAclId: a, Protocol: -1, RuleNumber: 100, RuleAction: ALLOW}\n' },
    { name: 'patched enums', code: res('AWS::DynamoDB::Table', 'BillingMode: PAY_PER_REQUEST', 'KeySchema: [{AttributeName: id, KeyType: HASH}]') },
  ],
  invalid: [
    { name: 'typo', code: res('AWS::S3::Bucket', 'AccessControl: PublicReed'), errors: [{ messageId: 'didYouMean', line: 5, column: 22 }] },
    { name: 'wrong case', code: res('AWS::DynamoDB::Table', 'BillingMode: pay_per_request', 'StreamSpecification: {StreamViewType: new_image}'), errors: [{ messageId: 'didYouMean', line: 5 }, { messageId: 'didYouMean', line: 6 }] },
    { name: 'not close to any', code: res('AWS::S3::Bucket', 'VersioningConfiguration:', '  Status: On'), errors: [{ messageId: 'invalid', line: 6, column: 17 }] },
    { name: 'in an Fn::If branch', code: res('AWS::S3::Bucket', 'VersioningConfiguration:', '  Status: !If [C, Enabled, Off]'), errors: [{ messageId: 'invalid', line: 6 }] },
    { name: 'a number', code: res('AWS::S3::Bucket', 'VersioningConfiguration: {Status: 1}'), errors: [{ messageId: 'invalid', line: 5 }] },
  ],
});
