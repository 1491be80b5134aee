import { rule } from '../../rules/s3-bucket-defaults';
import { ruleTester } from '../support/rule-tester';

const BLOCK = `      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        BlockPublicPolicy: true
        IgnorePublicAcls: true
        RestrictPublicBuckets: true
`;
const ENCRYPTION = `      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault: { SSEAlgorithm: AES256 }
`;

ruleTester(rule, {
  valid: [
    { name: 'both stated', code: `Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n${ENCRYPTION}${BLOCK}` },
    {
      name: 'behind parameters and Fn::If branches that all set them',
      code: `Parameters:
  Block:
    Type: String
Conditions:
  Kms: !Equals [!Ref AWS::Region, us-east-1]
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption: !If
        - Kms
        - { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }] }
        - { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: AES256 } }] }
      PublicAccessBlockConfiguration: { BlockPublicAcls: !Ref Block, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true }
`,
    },
    { name: 'not a bucket', code: 'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n' },
  ],
  invalid: [
    {
      name: 'neither stated',
      code: 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n',
      errors: [
        { messageId: 'encryption', line: 2, resource: 'Bucket' },
        { messageId: 'publicAccessBlock', line: 2, resource: 'Bucket' },
      ],
    },
    { name: 'no encryption', code: `Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n${BLOCK}`, errors: [{ messageId: 'encryption', line: 2, resource: 'Bucket' }] },
    {
      name: 'no public access block on one Fn::If branch',
      code: `Conditions:
  Open: !Equals [!Ref AWS::Region, us-east-1]
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
${ENCRYPTION}      PublicAccessBlockConfiguration: !If [Open, !Ref AWS::NoValue, { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true }]
`,
      errors: [{ messageId: 'publicAccessBlock', line: 4, resource: 'Bucket' }],
    },
  ],
});
