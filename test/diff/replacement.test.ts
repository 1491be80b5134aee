/**
 * `propertyImpact`: the worst `causesReplacement` along a path through the spec's type graph, at every
 * nesting level (named types, lists, maps, unions), additional replacement paths, and unknown types.
 */
import { propertyImpact } from '../../src/diff/replacement';
import type { Impact } from '../../src/diff/types';

const cases: Array<[string, string, Array<string | number>, Impact]> = [
  ['top-level replacement', 'AWS::DynamoDB::Table', ['TableName'], 'replace'],
  ['top-level update', 'AWS::DynamoDB::Table', ['BillingMode'], 'update'],
  ['under a replacement-causing list (union of list and JSON)', 'AWS::DynamoDB::Table', ['KeySchema', 0, 'AttributeName'], 'replace'],
  ['nested replacement under an update-only parent', 'AWS::ECS::CapacityProvider', ['AutoScalingGroupProvider', 'AutoScalingGroupArn'], 'replace'],
  ['nested update under the same parent', 'AWS::ECS::CapacityProvider', ['AutoScalingGroupProvider', 'ManagedScaling', 'TargetCapacity'], 'update'],
  ['conditional (may replace)', 'AWS::RDS::DBInstance', ['Engine'], 'may-replace'],
  ['conditional parent with an update-only child', 'AWS::EC2::Instance', ['BlockDeviceMappings', 0, 'Ebs', 'VolumeSize'], 'may-replace'],
  ['map values', 'AWS::Lambda::Function', ['Environment', 'Variables', 'ANY_NAME'], 'update'],
  ['free-form JSON below a property', 'AWS::IAM::Role', ['Policies', 0, 'PolicyDocument', 'Statement', 0, 'Effect'], 'update'],
  ['additional replacement path (spec rp)', 'AWS::EFS::AccessPoint', ['CreationInfo', 'OwnerUid'], 'replace'],
  ['custom resource type', 'Custom::Thing', ['Anything'], 'may-replace'],
  ['unknown property of a known type', 'AWS::SQS::Queue', ['NotAProperty'], 'may-replace'],
  ['unknown nested property of a known type', 'AWS::ECS::CapacityProvider', ['AutoScalingGroupProvider', 'Nope'], 'may-replace'],
  ['CustomResource ServiceToken', 'AWS::CloudFormation::CustomResource', ['ServiceToken'], 'replace'],
];

describe('propertyImpact', () => {
  test.each(cases)('%s: %s %j', (_, type, path, impact) => {
    expect(propertyImpact(type, path)).toBe(impact);
  });
});
