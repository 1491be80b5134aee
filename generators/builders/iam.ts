/**
 * IAM policy documents as typed data: statements, trust policies for service principals and inline
 * role policies. Least privilege is the caller's job; these helpers only keep the shapes right.
 * See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
 */
import { getAtt, ResourceHandle } from '../../src/model/builder';
import { Intrinsic, ref, sub, TemplateValue, Value } from '../../src/model/intrinsics';
import type { IAMRolePolicy } from '../../src/spec/generated/resources';

/** One policy statement, in IAM's own element names. */
export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Principal?: '*' | { readonly [kind: string]: Value<string> | Array<Value<string>> };
  readonly Action: string | readonly string[];
  readonly Resource?: Value<string> | ReadonlyArray<Value<string>>;
  readonly Condition?: { readonly [operator: string]: { readonly [key: string]: TemplateValue } };
}

/** A policy document (`Version` 2012-10-17). */
export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly PolicyStatement[];
}

/** Wraps statements in a policy document. */
export function policyDocument(...statements: PolicyStatement[]): PolicyDocument {
  return { Version: '2012-10-17', Statement: statements };
}

/** An `Allow` statement for `actions` on `resources`. */
export function allow(sid: string, actions: readonly string[], resources: ReadonlyArray<Value<string>>): PolicyStatement {
  return { Sid: sid, Effect: 'Allow', Action: [...actions], Resource: resources.length === 1 ? resources[0] : [...resources] };
}

/**
 * Trust policy letting AWS service `service` (e.g. `lambda.amazonaws.com`) assume a role, optionally
 * under `condition` — e.g. {@link sameAccountExternalId}, the confused-deputy guard Firehose documents.
 */
export function serviceTrustPolicy(service: string, condition?: PolicyStatement['Condition']): PolicyDocument {
  return policyDocument({ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole', ...(condition ? { Condition: condition } : {}) });
}

/**
 * `sts:ExternalId` equal to this account id: the service may assume the role only on this account's
 * behalf. See https://docs.aws.amazon.com/firehose/latest/dev/controlling-access.html#using-iam-s3
 */
export function sameAccountExternalId(): NonNullable<PolicyStatement['Condition']> {
  return { StringEquals: { 'sts:ExternalId': ref('AWS::AccountId') } };
}

/** An inline policy for `AWS::IAM::Role` `Policies`. */
export function inlinePolicy(name: string, ...statements: PolicyStatement[]): IAMRolePolicy {
  return { PolicyName: name, PolicyDocument: policyDocument(...statements) };
}

/** ARN of every object in `bucket`: `${Bucket.Arn}/*`. */
export function bucketObjectsArn(bucket: ResourceHandle<'AWS::S3::Bucket'>): Intrinsic<'Fn::Sub'> {
  return sub(`\${${bucket.logicalId}.Arn}/*`);
}

/**
 * `Deny` of every S3 action on `bucket` and its objects unless the request uses TLS
 * (`aws:SecureTransport` false), for a bucket policy.
 * See https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html
 */
export function denyInsecureTransport(bucket: ResourceHandle<'AWS::S3::Bucket'>): PolicyStatement {
  return {
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: [getAtt(bucket, 'Arn'), bucketObjectsArn(bucket)],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
}
