import { rule } from '../../rules/s3-public-access-block';
import { ruleTester } from '../support/rule-tester';

const bucket = (block: string, more = '') => `Conditions:
  Open: !Equals [!Ref AWS::Region, us-east-1]
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
${more}      PublicAccessBlockConfiguration:
${block}`;

const ALL_ON = '        BlockPublicAcls: true\n        BlockPublicPolicy: true\n        IgnorePublicAcls: true\n        RestrictPublicBuckets: true\n';

ruleTester(rule, {
  valid: [
    { name: 'all four on', code: bucket(ALL_ON) },
    { name: 'strings "true"', code: bucket(ALL_ON.replace(/true/g, '"true"')) },
    { name: 'no configuration (S3 default; s3-bucket-defaults reports it)', code: 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n' },
    { name: 'flag behind a parameter', code: `Parameters:\n  Block:\n    Type: String\n${bucket(ALL_ON.replace('BlockPublicPolicy: true', 'BlockPublicPolicy: !Ref Block'))}` },
    {
      name: 'website bucket: policy flags off',
      code: bucket(ALL_ON.replace('BlockPublicPolicy: true', 'BlockPublicPolicy: false').replace('RestrictPublicBuckets: true', 'RestrictPublicBuckets: false'), '      WebsiteConfiguration: { IndexDocument: index.html }\n'),
    },
    {
      name: 'website bucket with the PublicRead canned ACL: all four off',
      code: bucket(ALL_ON.replace(/true/g, 'false'), '      AccessControl: PublicRead\n      WebsiteConfiguration: { IndexDocument: index.html }\n'),
    },
  ],
  invalid: [
    {
      name: 'one flag false',
      code: bucket(ALL_ON.replace('BlockPublicPolicy: true', 'BlockPublicPolicy: false')),
      errors: [{ messageId: 'flagOff', line: 9, resource: 'Bucket' }],
    },
    {
      name: 'flags left out are false; reported on the configuration key',
      code: bucket('        BlockPublicAcls: true\n        IgnorePublicAcls: true\n'),
      errors: [
        { messageId: 'flagOff', line: 7, column: 7, resource: 'Bucket' },
        { messageId: 'flagOff', line: 7, column: 7, resource: 'Bucket' },
      ],
    },
    {
      name: 'false on one Fn::If branch',
      code: bucket(ALL_ON.replace('IgnorePublicAcls: true', 'IgnorePublicAcls: !If [Open, false, true]')),
      errors: [{ messageId: 'flagOff', line: 10, resource: 'Bucket' }],
    },
    {
      name: 'website bucket: ACL flags still reported without a public canned ACL',
      code: bucket(ALL_ON.replace(/true/g, 'false'), '      WebsiteConfiguration: { IndexDocument: index.html }\n'),
      errors: [
        { messageId: 'flagOff', line: 9, resource: 'Bucket' },
        { messageId: 'flagOff', line: 11, resource: 'Bucket' },
      ],
    },
    {
      name: 'a redirect-only website serves no objects',
      code: bucket(ALL_ON.replace('RestrictPublicBuckets: true', 'RestrictPublicBuckets: "false"'), '      WebsiteConfiguration: { RedirectAllRequestsTo: { HostName: example.com } }\n'),
      errors: [{ messageId: 'flagOff', line: 12, resource: 'Bucket' }],
    },
    {
      name: 'the whole configuration behind Fn::If: reported on the property',
      code: `Conditions:
  Open: !Equals [!Ref AWS::Region, us-east-1]
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      PublicAccessBlockConfiguration: !If
        - Open
        - { BlockPublicAcls: true, BlockPublicPolicy: false, IgnorePublicAcls: true, RestrictPublicBuckets: true }
        - { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true }
`,
      errors: [{ messageId: 'flagOff', line: 7, resource: 'Bucket' }],
    },
  ],
});
