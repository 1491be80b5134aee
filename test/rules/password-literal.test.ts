import { BadExpectations, practiceFixtureTests } from '../support/practice-fixtures';
import { join } from 'node:path';
import { PASSWORD_PROPERTIES, rule } from '../../rules/password-literal';
import { specIndex } from '../../src/spec';
import type { TypeCode } from '../../src/spec';
import { ruleTester } from '../support/rule-tester';

const db = (password: string, extra = '') => `Parameters:
  DbPassword:
    Type: String
    NoEcho: true
Conditions:
  Dev: !Equals [!Ref AWS::Region, us-east-1]
${extra}Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      DBInstanceClass: db.t4g.micro
      MasterUsername: admin
      MasterUserPassword: ${password}
`;

ruleTester(rule, {
  valid: [
    { name: 'Ref to a parameter', code: db('!Ref DbPassword') },
    { name: 'Secrets Manager dynamic reference', code: db("'{{resolve:secretsmanager:prod/db:SecretString:password}}'") },
    { name: 'SSM SecureString dynamic reference', code: db("'{{resolve:ssm-secure:/prod/db/password:3}}'") },
    { name: 'dynamic reference built with Fn::Sub', code: db("!Sub '{{resolve:secretsmanager:\${AWS::StackName}-db:SecretString:password}}'") },
    { name: 'dynamic reference built with Fn::Join', code: db("!Join ['', ['{{resolve:secretsmanager:', !Ref AWS::StackName, ':SecretString:password}}']]") },
    { name: 'Fn::If between two references', code: db("!If [Dev, !Ref DbPassword, '{{resolve:secretsmanager:prod/db:SecretString:password}}']") },
    { name: 'FindInMap keyed by a parameter is not guessed', code: db('!FindInMap [Passwords, !Ref AWS::Region, Value]', 'Mappings:\n  Passwords:\n    us-east-1: { Value: x }\n') },
    { name: 'no password: managed by RDS', code: db('!Ref AWS::NoValue') },
    { name: 'empty string', code: db("''") },
    {
      name: 'Beanstalk option settings other than DBPassword',
      code: `Resources:
  Env:
    Type: AWS::ElasticBeanstalk::Environment
    Properties:
      ApplicationName: app
      OptionSettings:
        - Namespace: aws:rds:dbinstance
          OptionName: DBUser
          Value: admin
        - Namespace: aws:rds:dbinstance
          OptionName: DBPassword
          Value: '{{resolve:ssm-secure:/app/db}}'
`,
    },
    { name: 'a property named Password on a type that is not checked', code: 'Resources:\n  X:\n    Type: Custom::Thing\n    Properties:\n      ServiceToken: arn:aws:lambda:us-east-1:111111111111:function:f\n      Password: not-a-known-property\n' },
  ],
  invalid: [
    { name: 'literal MasterUserPassword', code: db('Sup3rS3cret!'), errors: [{ messageId: 'literal', line: 13, resource: 'Db' }] },
    { name: 'a number', code: db('12345678'), errors: [{ messageId: 'literal', line: 13, resource: 'Db' }] },
    { name: 'literal on one Fn::If branch', code: db("!If [Dev, password123, '{{resolve:ssm-secure:/db}}']"), errors: [{ messageId: 'literal', line: 13, resource: 'Db' }] },
    { name: 'Fn::Sub without variables', code: db("!Sub 'pa$$word'"), errors: [{ messageId: 'literal', line: 13, resource: 'Db' }] },
    {
      name: 'Fn::FindInMap with literal keys',
      code: db('!FindInMap [Passwords, prod, Value]', 'Mappings:\n  Passwords:\n    prod: { Value: hunter22 }\n'),
      errors: [{ messageId: 'literal', line: 16, resource: 'Db' }],
    },
    {
      name: 'nested and listed properties: IAM login profile, ElastiCache auth token, Amazon MQ users, Beanstalk DBPassword, CodePipeline OAuthToken',
      code: `Resources:
  User:
    Type: AWS::IAM::User
    Properties:
      LoginProfile: { Password: Welcome1!, PasswordResetRequired: true }
  Cache:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: sessions
      AuthToken: averylongauthtoken123
  Broker:
    Type: AWS::AmazonMQ::Broker
    Properties:
      Users:
        - Username: app
          Password: !Ref AWS::NoValue
        - Username: admin
          Password: adminadminadmin
  Env:
    Type: AWS::ElasticBeanstalk::Environment
    Properties:
      ApplicationName: app
      OptionSettings:
        - Namespace: aws:rds:dbinstance
          OptionName: DBPassword
          Value: dbpassword1
  Pipeline:
    Type: AWS::CodePipeline::Pipeline
    Properties:
      RoleArn: arn:aws:iam::111111111111:role/p
      Stages:
        - Name: Source
          Actions:
            - Name: GitHub
              ActionTypeId: { Category: Source, Owner: ThirdParty, Provider: GitHub, Version: '1' }
              Configuration: { Owner: me, Repo: app, Branch: main, OAuthToken: ghp_0123456789abcdef }
`,
      errors: [
        { messageId: 'literal', line: 5, resource: 'User' },
        { messageId: 'literal', line: 10, resource: 'Cache' },
        { messageId: 'literal', line: 18, resource: 'Broker' },
        { messageId: 'literal', line: 26, resource: 'Env' },
        { messageId: 'literal', line: 36, resource: 'Pipeline' },
      ],
    },
    {
      name: 'JSON',
      code: '{\n  "Resources": {\n    "Dir": {\n      "Type": "AWS::DirectoryService::SimpleAD",\n      "Properties": { "Name": "corp.example.com", "Size": "Small", "Password": "P@ssw0rd" }\n    }\n  }\n}',
      errors: [{ messageId: 'literal', line: 5, resource: 'Dir' }],
    },
  ],
});

describe('PASSWORD_PROPERTIES', () => {
  const spec = specIndex();
  /** The type code at `path` of a resource type, or undefined when a segment is unknown; stops at JSON. */
  function typeAt(type: string, path: readonly string[]): TypeCode | undefined {
    let props = spec.resource(type)?.p;
    let code: TypeCode | undefined;
    for (const segment of path) {
      if (segment === '*') continue;
      if (code === 'j') return code;
      code = props?.[segment]?.t;
      if (code === undefined) return undefined;
      let inner: TypeCode = code;
      while (typeof inner === 'object' && ('l' in inner || 'm' in inner)) inner = 'l' in inner ? inner.l : inner.m;
      props = typeof inner === 'string' && inner.startsWith('#') ? spec.propertyType(inner.slice(1)) : undefined;
    }
    return code;
  }

  it.each(PASSWORD_PROPERTIES.map((p) => [`${p.type} ${p.path.join('.')}`, p] as const))('%s is a string property of the spec', (_n, p) => {
    const code = typeAt(p.type, p.path);
    expect(code === 's' || code === 'j' || (typeof code === 'object' && 'l' in code && code.l === 's')).toBe(true);
  });
});

/** Templates written as a new user would, independently of cfnkit's generators (issue 4). */
describe('tried as a new user: test/fixtures/practices/password-literal', () => {
  const dir = join(__dirname, '..', 'fixtures', 'practices', 'password-literal');
  const AREA = ['password-literal', 'secret-parameter'];
  const BAD: BadExpectations = {
    'bad-parameters-without-noecho.yaml': [
      { ruleId: 'secret-parameter', messageId: 'noEchoByUse', line: 10, resource: 'DBPassword' },
      { ruleId: 'secret-parameter', messageId: 'literalDefault', line: 18, resource: 'BrokerAdminPassword' },
      { ruleId: 'secret-parameter', messageId: 'noEchoByUse', line: 19, resource: 'GitHubWebhookSecret' },
    ],
    'bad-rds-mysql-literal-password.yaml': [
      { ruleId: 'password-literal', messageId: 'literal', line: 22, resource: 'ReportingDatabase' },
      { ruleId: 'password-literal', messageId: 'literal', line: 34, resource: 'ReportingCache' },
    ],
  };

  practiceFixtureTests(dir, AREA, BAD);
});
