import { BadExpectations, practiceFixtureTests } from '../support/practice-fixtures';
import { join } from 'node:path';
import { rule } from '../../rules/s3-bucket-policy-public';
import { ruleTester } from '../support/rule-tester';

/** A bucket and its policy with `statement` (YAML at statement-list indentation). */
const policy = (statement: string, bucketProperties = '') => `Parameters:
  OrgId:
    Type: String
Conditions:
  Open: !Equals [!Ref AWS::Region, us-east-1]
Resources:
  Bucket:
    Type: AWS::S3::Bucket
${bucketProperties ? `    Properties:\n${bucketProperties}` : ''}  BucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Bucket
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
${statement}`;

const allow = (principal: string, condition = '', action = 's3:GetObject') => `          - Effect: Allow
            Principal: ${principal}
            Action: ${action}
            Resource: !Sub '\${Bucket.Arn}/*'
${condition}`;

const WEBSITE = '      WebsiteConfiguration: { IndexDocument: index.html }\n';

ruleTester(rule, {
  valid: [
    { name: 'deny for everyone is not a grant', code: policy(allow("'*'", "            Condition: { Bool: { 'aws:SecureTransport': 'false' } }\n").replace('Effect: Allow', 'Effect: Deny')) },
    { name: 'named principal', code: policy(allow("{ AWS: !Sub 'arn:aws:iam::${AWS::AccountId}:root' }")) },
    { name: 'service principal', code: policy(allow('{ Service: cloudfront.amazonaws.com }', "            Condition: { StringEquals: { 'AWS:SourceArn': arn:aws:cloudfront::111111111111:distribution/E1 } }\n")) },
    { name: 'everyone in the organization', code: policy(allow("'*'", "            Condition: { StringEquals: { 'aws:PrincipalOrgID': o-abc123 } }\n")) },
    { name: 'everyone through one VPC endpoint', code: policy(allow("{ AWS: '*' }", "            Condition: { StringEquals: { 'aws:SourceVpce': vpce-1a2b3c4d } }\n")) },
    { name: 'condition value from a parameter is a fixed value', code: policy(allow("'*'", "            Condition: { StringEquals: { 'aws:PrincipalOrgID': !Ref OrgId } }\n")) },
    { name: 'CIDR-restricted', code: policy(allow("'*'", "            Condition: { IpAddress: { 'aws:SourceIp': [203.0.113.0/24] } }\n")) },
    { name: 'condition behind a parameter-driven intrinsic is not guessed', code: policy(allow("'*'", "            Condition: !FindInMap [Conditions, !Ref OrgId, Value]\n")) },
    { name: 'website bucket: public s3:GetObject is its purpose', code: policy(allow("'*'"), WEBSITE) },
    { name: 'principal behind a parameter', code: policy(allow('{ AWS: !Ref OrgId }')) },
    { name: 'JSON string document with a restricting condition', code: `Resources:\n  P:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: logs\n      PolicyDocument: '{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::logs/*", "Condition": {"StringEquals": {"aws:SourceAccount": "111111111111"}}}]}'\n` },
  ],
  invalid: [
    { name: 'Principal "*" without a condition', code: policy(allow("'*'")), errors: [{ messageId: 'publicAllow', line: 17, resource: 'BucketPolicy' }] },
    { name: '{AWS: "*"} in a list', code: policy(allow("{ AWS: [arn:aws:iam::111111111111:root, '*'] }")), errors: [{ messageId: 'publicAllow', line: 17, resource: 'BucketPolicy' }] },
    {
      name: 'aws:SecureTransport alone does not restrict who calls',
      code: policy(allow("'*'", "            Condition: { Bool: { 'aws:SecureTransport': 'true' } }\n")),
      errors: [{ messageId: 'weakCondition', line: 17, resource: 'BucketPolicy' }],
    },
    {
      name: 'Referer, IfExists, negated operators, wildcard values and open CIDRs do not restrict',
      code: policy(
        [
          allow("'*'", "            Condition: { StringLike: { 'aws:Referer': 'https://example.com/*' } }\n"),
          allow("'*'", "            Condition: { StringEqualsIfExists: { 'aws:SourceAccount': '111111111111' } }\n"),
          allow("'*'", "            Condition: { StringNotEquals: { 'aws:PrincipalOrgID': o-abc123 } }\n"),
          allow("'*'", "            Condition: { ArnLike: { 'aws:SourceArn': '*' } }\n"),
          allow("'*'", "            Condition: { IpAddress: { 'aws:SourceIp': 0.0.0.0/0 } }\n"),
        ].join(''),
      ),
      errors: [
        { messageId: 'weakCondition', line: 17, resource: 'BucketPolicy' },
        { messageId: 'weakCondition', line: 22, resource: 'BucketPolicy' },
        { messageId: 'weakCondition', line: 27, resource: 'BucketPolicy' },
        { messageId: 'weakCondition', line: 32, resource: 'BucketPolicy' },
        { messageId: 'weakCondition', line: 37, resource: 'BucketPolicy' },
      ],
    },
    {
      name: 'NotPrincipal with Allow grants everyone else',
      code: policy(allow('x').replace("Principal: x", 'NotPrincipal: { AWS: arn:aws:iam::111111111111:role/admin }')),
      errors: [{ messageId: 'publicAllow', line: 17, resource: 'BucketPolicy' }],
    },
    {
      name: 'website bucket: public writes or listing are still errors',
      code: policy(allow("'*'", '', '[s3:GetObject, s3:PutObject]'), WEBSITE),
      errors: [{ messageId: 'publicAllow', line: 19, resource: 'BucketPolicy' }],
    },
    {
      name: 'Principal "*" on one Fn::If branch; condition removed on one branch',
      code: policy(
        allow("!If [Open, '*', { AWS: arn:aws:iam::111111111111:root }]") +
          allow("'*'", "            Condition: !If [Open, !Ref AWS::NoValue, { StringEquals: { 'aws:SourceAccount': '111111111111' } }]\n"),
      ),
      errors: [
        { messageId: 'publicAllow', line: 17, resource: 'BucketPolicy' },
        { messageId: 'publicAllow', line: 21, resource: 'BucketPolicy' },
      ],
    },
    {
      name: 'statement as a single object, JSON template',
      code: `{
  "Resources": {
    "P": {
      "Type": "AWS::S3::BucketPolicy",
      "Properties": {
        "Bucket": "shared-data",
        "PolicyDocument": { "Statement": { "Effect": "Allow", "Principal": { "AWS": "*" }, "Action": "s3:*", "Resource": "arn:aws:s3:::shared-data/*" } }
      }
    }
  }
}`,
      errors: [{ messageId: 'publicAllow', line: 7, resource: 'P' }],
    },
  ],
});

/** Templates written as a new user would, independently of cfnkit's generators (issue 4). */
describe('tried as a new user: test/fixtures/practices/s3-bucket-policy-public', () => {
  const dir = join(__dirname, '..', 'fixtures', 'practices', 's3-bucket-policy-public');
  const AREA = ['s3-bucket-defaults', 's3-public-access-block', 's3-bucket-policy-public'];
  const BAD: BadExpectations = {
    'bad-downloads-bucket-public-read.yaml': [
      { ruleId: 's3-public-access-block', messageId: 'flagOff', line: 15, resource: 'ReleaseBucket' },
      { ruleId: 's3-public-access-block', messageId: 'flagOff', line: 17, resource: 'ReleaseBucket' },
      { ruleId: 's3-bucket-policy-public', messageId: 'weakCondition', line: 27, resource: 'ReleaseBucketPolicy' },
    ],
    'bad-partner-uploads.yaml': [
      { ruleId: 's3-bucket-defaults', messageId: 'encryption', line: 7, resource: 'DropBucket' },
      { ruleId: 's3-public-access-block', messageId: 'flagOff', line: 12, resource: 'DropBucket' },
      { ruleId: 's3-public-access-block', messageId: 'flagOff', line: 12, resource: 'DropBucket' },
      { ruleId: 's3-public-access-block', messageId: 'flagOff', line: 13, resource: 'DropBucket' },
      { ruleId: 's3-public-access-block', messageId: 'flagOff', line: 14, resource: 'DropBucket' },
      { ruleId: 's3-bucket-policy-public', messageId: 'weakCondition', line: 25, resource: 'DropBucketPolicy' },
      { ruleId: 's3-bucket-policy-public', messageId: 'publicAllow', line: 34, resource: 'DropBucketPolicy' },
    ],
  };

  practiceFixtureTests(dir, AREA, BAD);
});
