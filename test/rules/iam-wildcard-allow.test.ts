import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rule } from '../../rules/iam-wildcard-allow';
import { lintText } from '../../src/lint/engine';
import { ruleTester } from '../support/rule-tester';

/** An `AWS::IAM::ManagedPolicy` `P` whose statement list is `lines` (items start at line 7, indented 8). */
const policy = (...lines: string[]) =>
  `Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Statement:\n${lines.map((l) => `          ${l}\n`).join('')}`;

/** An `AWS::IAM::Role` `R` with a trust policy (lines 5–9) and `lines` below Properties (from line 10). */
const role = (...lines: string[]) =>
  'Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: {Service: ec2.amazonaws.com}\n            Action: sts:AssumeRole\n' +
  lines.map((l) => `      ${l}\n`).join('');

ruleTester(rule, {
  valid: [
    { name: 'scoped actions and resources', code: policy('- {Effect: Allow, Action: [s3:GetObject], Resource: "arn:aws:s3:::b/*"}') },
    { name: 'every action on one resource', code: policy('- {Effect: Allow, Action: "*", Resource: "arn:aws:s3:::b"}') },
    { name: 'a service wildcard on every resource', code: policy('- {Effect: Allow, Action: "s3:*", Resource: "*"}') },
    { name: 'Deny * on * is not a grant', code: policy('- {Effect: Deny, Action: "*", Resource: "*", Condition: {Bool: {aws:SecureTransport: "false"}}}') },
    { name: 'Deny with NotAction (the MFA pattern)', code: policy('- {Effect: Deny, NotAction: [iam:*], Resource: "*"}') },
    { name: 'NotAction scoped to one resource', code: policy('- {Effect: Allow, NotAction: s3:DeleteBucket, Resource: "arn:aws:s3:::b"}') },
    { name: 'the trust policy of a role is not checked', code: 'Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - {Effect: Allow, Principal: "*", Action: "*"}\n' },
    { name: 'action behind a parameter', code: policy('- {Effect: Allow, Action: !Ref Actions, Resource: "*"}') },
    { name: 'effect behind a parameter', code: policy('- {Effect: !Ref Effect, Action: "*", Resource: "*"}') },
    { name: 'document behind an intrinsic', code: 'Resources:\n  P:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyName: p\n      PolicyDocument: !Ref Doc\n' },
    {
      name: 'KMS key policy: the documented default grants the account root every KMS action',
      code: 'Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      KeyPolicy:\n        Statement:\n          - Effect: Allow\n            Principal: {AWS: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"}\n            Action: "*"\n            Resource: "*"\n',
    },
    { name: 'other managed policies', code: role('ManagedPolicyArns:', '  - arn:aws:iam::aws:policy/ReadOnlyAccess', '  - !Sub arn:${AWS::Partition}:iam::aws:policy/PowerUserAccessX') },
    { name: 'SAM policy templates and managed names', code: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: i.h\n      Policies:\n        - AWSLambdaExecute\n        - S3ReadPolicy: {BucketName: b}\n' },
    { name: 'Fn::If whose branches are both narrow', code: policy('- Effect: Allow', '  Action: "*"', '  Resource: !If [C, "arn:aws:s3:::a", "arn:aws:s3:::b"]') },
  ],
  invalid: [
    { name: 'Action * on Resource *', code: policy('- Effect: Allow', '  Action: "*"', '  Resource: "*"'), errors: [{ messageId: 'wildcard', line: 8, resource: 'P' }] },
    { name: 'lists, *:*', code: policy('- Effect: Allow', '  Action:', '    - s3:GetObject', '    - "*:*"', '  Resource: ["*"]'), errors: [{ messageId: 'wildcard', line: 10, resource: 'P' }] },
    { name: 'a single statement object', code: 'Resources:\n  P:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyName: admin\n      PolicyDocument:\n        Statement:\n          Effect: Allow\n          Action: "*"\n          Resource: "*"\n', errors: [{ messageId: 'wildcard', line: 9, resource: 'P' }] },
    { name: 'second statement, after a Deny', code: policy('- {Effect: Deny, Action: "*", Resource: "*"}', '- Effect: Allow', '  Action: ["*"]', '  Resource: "*"'), errors: [{ messageId: 'wildcard', line: 9, resource: 'P' }] },
    {
      name: 'inline role policy',
      code: role('Policies:', '  - PolicyName: admin', '    PolicyDocument:', '      Statement:', '        - {Effect: Allow, Action: "*", Resource: "*"}'),
      errors: [{ messageId: 'wildcard', line: 14, resource: 'R' }],
    },
    { name: 'AdministratorAccess by ARN', code: role('ManagedPolicyArns:', '  - arn:aws:iam::aws:policy/AdministratorAccess'), errors: [{ messageId: 'adminPolicy', line: 11, resource: 'R' }] },
    { name: 'AdministratorAccess by Fn::Sub with the partition', code: role('ManagedPolicyArns:', '  - !Sub arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess'), errors: [{ messageId: 'adminPolicy', line: 11, resource: 'R' }] },
    {
      name: 'AdministratorAccess by Fn::Join',
      code: role('ManagedPolicyArns:', '  - !Join ["", ["arn:", !Ref AWS::Partition, ":iam::aws:policy/AdministratorAccess"]]'),
      errors: [{ messageId: 'adminPolicy', line: 11, resource: 'R' }],
    },
    { name: 'Allow NotAction on every resource', code: policy('- Effect: Allow', '  NotAction: iam:*', '  Resource: "*"'), errors: [{ messageId: 'notAction', line: 8, resource: 'P' }] },
    { name: 'Allow * with NotResource', code: policy('- Effect: Allow', '  Action: "*"', '  NotResource: "arn:aws:s3:::b"'), errors: [{ messageId: 'notResource', line: 9, resource: 'P' }] },
    { name: 'one Fn::If branch is a wildcard', code: policy('- Effect: Allow', '  Action: !If [Admin, "*", "s3:GetObject"]', '  Resource: "*"'), errors: [{ messageId: 'wildcard', line: 8, resource: 'P' }] },
    { name: 'statement behind Fn::If', code: policy('- !If [Admin, {Effect: Allow, Action: "*", Resource: "*"}, !Ref AWS::NoValue]'), errors: [{ messageId: 'wildcard', line: 7, resource: 'P' }] },
    {
      name: 'queue policy: every action to another account',
      code: 'Resources:\n  Bp:\n    Type: AWS::SQS::QueuePolicy\n    Properties:\n      Queues: [q]\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: {AWS: "arn:aws:iam::111122223333:root"}\n            Action: "*"\n            Resource: "*"\n',
      errors: [{ messageId: 'wildcard', line: 10, resource: 'Bp' }],
    },
    {
      name: 'document as a JSON string',
      code: 'Resources:\n  P:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyName: p\n      PolicyDocument: \'{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}\'\n',
      errors: [{ messageId: 'wildcard', line: 6, resource: 'P' }],
    },
    {
      name: 'SAM inline document and AdministratorAccess by name',
      code: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: i.h\n      Policies:\n        - AdministratorAccess\n        - Statement:\n            - {Effect: Allow, Action: "*", Resource: "*"}\n',
      errors: [
        { messageId: 'adminPolicy', line: 8, resource: 'F' },
        { messageId: 'wildcard', line: 10, resource: 'F' },
      ],
    },
    {
      name: 'JSON template',
      code: '{"Resources": {"U": {"Type": "AWS::IAM::User", "Properties": {"Policies": [{"PolicyName": "a", "PolicyDocument": {\n "Statement": [{"Effect": "Allow",\n  "Action": "*",\n  "Resource": "*"}]}}]}}}}',
      errors: [{ messageId: 'wildcard', line: 3, resource: 'U' }],
    },
  ],
});

/** Templates written apart from cfnkit's generators (test/fixtures/practices/iam-wildcard-allow), linted with every rule. */
describe('iam-wildcard-allow on templates written as a new user would', () => {
  const dir = join(__dirname, '..', 'fixtures', 'practices', 'iam-wildcard-allow');
  const lint = (file: string) => lintText(readFileSync(join(dir, file)), file);
  const bad: { [file: string]: Array<{ messageId: string; line: number; resource: string }> } = {
    'bad-lambda-admin-role.yaml': [{ messageId: 'wildcard', line: 23, resource: 'CleanupFunctionRole' }],
    'bad-pipeline-roles.yaml': [
      { messageId: 'adminPolicy', line: 16, resource: 'BuildProjectRole' },
      { messageId: 'notAction', line: 27, resource: 'DeveloperPolicy' },
      { messageId: 'wildcard', line: 48, resource: 'OperatorsGroup' },
    ],
  };
  it('lists every bad template', () => expect(readdirSync(dir).filter((f) => f.startsWith('bad-')).sort()).toEqual(Object.keys(bad).sort()));
  it.each(Object.entries(bad))('%s: each defect is flagged on the offending resource', (file, expected) => {
    expect(lint(file).filter((f) => f.ruleId === rule.meta.id).map(({ messageId, line, resource }) => ({ messageId, line, resource }))).toEqual(expected);
  });
  it.each(readdirSync(dir).filter((f) => f.startsWith('good-')))('%s draws no warning or error from any rule', (file) => {
    expect(lint(file).filter((f) => f.severity !== 'info').map((f) => `${f.line} ${f.ruleId} ${f.message}`)).toEqual([]);
  });
});
