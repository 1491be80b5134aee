import { outcomes } from '../src/lint/certain';
import type { Rule } from '../src/lint/types';
import { isPlainObject } from '../src/lint/walk';

/**
 * Reports S3 buckets that leave encryption at rest or public access blocking to S3's defaults. Info:
 * since January 2023 S3 encrypts every new object with SSE-S3, and since April 2023 it blocks public
 * access on every new bucket, so nothing is exposed today; stating both in the template keeps the
 * decision visible and lets it choose SSE-KMS.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html
 * https://aws.amazon.com/blogs/storage/understanding-s3-block-public-access/
 */
export const rule: Rule = {
  meta: {
    id: 's3-bucket-defaults',
    severity: 'info',
    category: 'practice',
    description: "Report S3 buckets that leave encryption or public access blocking to S3's defaults",
    cfnLint: [],
    options: {},
    messages: {
      encryption:
        'Bucket "{{bucket}}" has no BucketEncryption: S3 encrypts its objects with SSE-S3 by default. Set BucketEncryption to state it, or to use SSE-KMS with a key you control',
      publicAccessBlock:
        'Bucket "{{bucket}}" has no PublicAccessBlockConfiguration: S3 blocks public access on new buckets by default, not on buckets created before April 2023. Set it to state the choice: all four flags true unless the bucket is meant to be public',
    },
  },
  create(context) {
    return {
      resource: {
        'AWS::S3::Bucket': ({ logicalId, resource, path }) => {
          const properties = isPlainObject(resource.Properties) ? resource.Properties : {};
          const absent = (value: unknown) => outcomes(value, context.template).some((o) => o.kind === 'absent');
          if (absent(properties.BucketEncryption)) context.report({ path, key: true, messageId: 'encryption', data: { bucket: logicalId } });
          if (absent(properties.PublicAccessBlockConfiguration)) context.report({ path, key: true, messageId: 'publicAccessBlock', data: { bucket: logicalId } });
        },
      },
    };
  },
};
