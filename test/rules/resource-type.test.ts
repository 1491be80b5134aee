import { rule } from '../../rules/resource-type';
import { ruleTester } from '../support/rule-tester';

/** A template whose resources `R0`, `R1`, … have the given types; `R0`'s Type is on line 3. */
const types = (...list: string[]) => `Resources:\n${list.map((t, i) => `  R${i}:\n    Type: ${t}\n`).join('')}`;
const SAM = 'Transform: AWS::Serverless-2016-10-31\n';

ruleTester(rule, {
  valid: [
    types('AWS::S3::Bucket', 'AWS::EC2::VPC', 'Alexa::ASK::Skill'),
    { name: 'CDK metadata (spec/patches.json)', code: types('AWS::CDK::Metadata') },
    { name: 'custom resources', code: types('Custom::AcmCertificate', 'AWS::CloudFormation::CustomResource') },
    { name: 'SAM with the transform', code: SAM + types('AWS::Serverless::Function', 'AWS::Serverless::Api') },
    { name: 'SAM transform in a list', code: 'Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]\n' + types('AWS::Serverless::Function') },
    { name: 'modules are allowed by default', code: types('MyOrg::Network::Vpc::MODULE') },
    { name: 'allowTypes', code: types('MyOrg::Widget::Thing', 'Other::Private::Type'), options: { allowTypes: ['MyOrg::*', 'Other::Private::Type'] } },
    { name: 'a pre-processor tag is left to parse-unknown-tag', code: 'Resources:\n  R:\n    Type: !Rain::Module ./vpc.yaml\n' },
    { name: 'a Type that is not a string is left to other rules', code: 'Resources:\n  R:\n    Type: !Ref T\n' },
  ],
  invalid: [
    { name: 'typo', code: types('AWS::S3::Bucket', 'AWS::EC2::Instanse'), errors: [{ messageId: 'didYouMean', line: 5, column: 11 }] },
    { name: 'wrong case', code: types('AWS::EC2::Vpc'), errors: [{ messageId: 'didYouMean', line: 3 }] },
    { name: 'unknown', code: types('Acme::Widget::Thing'), errors: [{ messageId: 'unknown', line: 3, resource: 'R0' }] },
    { name: 'allowTypes set replaces the default', code: types('MyOrg::Network::Vpc::MODULE'), options: { allowTypes: [] }, errors: [{ messageId: 'unknown', line: 3 }] },
    { name: 'SAM without the transform', code: types('AWS::Serverless::Function'), errors: [{ messageId: 'serverless', line: 3 }] },
    { name: 'SAM with another transform', code: 'Transform: AWS::LanguageExtensions\n' + types('AWS::Serverless::SimpleTable'), errors: [{ messageId: 'serverless', line: 4 }] },
    {
      name: 'JSON',
      code: '{\n  "Resources": {\n    "Q": {\n      "Type": "AWS::SQS::Queu"\n    }\n  }\n}\n',
      errors: [{ messageId: 'didYouMean', line: 4, column: 15 }],
    },
  ],
});
