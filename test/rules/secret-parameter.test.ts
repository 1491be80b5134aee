import { isSecretName, nameWords, rule } from '../../rules/secret-parameter';
import { ruleTester } from '../support/rule-tester';

const params = (body: string, resources = '  Topic:\n    Type: AWS::SNS::Topic\n') => `Parameters:\n${body}Resources:\n${resources}`;

ruleTester(rule, {
  valid: [
    { name: 'NoEcho password', code: params('  DBPassword:\n    Type: String\n    NoEcho: true\n') },
    { name: 'NoEcho "true"', code: params("  ApiToken:\n    Type: String\n    NoEcho: 'true'\n") },
    {
      name: 'names about a secret, not a secret',
      code: params(
        [
          '  TokenExpiryMinutes:\n    Type: String\n    Default: "30"\n',
          '  DbSecretArn:\n    Type: String\n',
          '  GitHubTokenSecretName:\n    Type: String\n    Default: github/token\n',
          '  DbPasswordParameter:\n    Type: String\n',
          '  PasswordLength:\n    Type: Number\n    Default: 16\n',
          '  KeyName:\n    Type: AWS::EC2::KeyPair::KeyName\n',
          '  ApiKeyId:\n    Type: String\n',
          '  Compass:\n    Type: String\n',
          '  Bypass:\n    Type: String\n',
        ].join(''),
      ),
    },
    { name: 'Number and AWS-specific types', code: params('  PinSecret:\n    Type: Number\n  DbPassword:\n    Type: AWS::SSM::Parameter::Value<String>\n    Default: /app/db/password\n') },
    { name: 'default is an SSM parameter path or an ARN', code: params('  DbPassword:\n    Type: String\n    Default: /prod/db/password\n  ClientSecret:\n    Type: String\n    Default: arn:aws:secretsmanager:us-east-1:111111111111:secret:client\n') },
    { name: 'description says it names the secret', code: params('  DbSecret:\n    Type: String\n    Description: Name of the Secrets Manager secret holding the database credentials\n') },
    {
      name: 'a variable of a dynamic reference names the secret',
      code: params(
        '  DbCredentials:\n    Type: String\n',
        "  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MasterUserPassword: !Sub '{{resolve:secretsmanager:${DbCredentials}:SecretString:password}}'\n",
      ),
    },
    {
      name: 'a parameter that names the secret of a dynamic reference built with Fn::Join and Fn::ImportValue',
      code: params(
        '  ParentSecretStack:\n    Type: String\n  MasterUserPassword:\n    Type: String\n    NoEcho: true\n',
        `  Db:
    Type: AWS::DocDB::DBCluster
    Properties:
      MasterUserPassword: !If
        - HasSecret
        - !Join ['', ['{{resolve:secretsmanager:', { 'Fn::ImportValue': !Sub '\${ParentSecretStack}-SecretArn' }, ':SecretString:password}}']]
        - !Ref MasterUserPassword
`,
      ),
    },
    { name: 'a choice among AllowedValues is not a secret', code: params("  AllowUsersToChangePassword:\n    Type: String\n    AllowedValues: ['true', 'false']\n    Default: 'true'\n") },
    { name: 'empty default of a NoEcho token', code: params("  GitHubToken:\n    Type: String\n    NoEcho: true\n    Default: ''\n") },
  ],
  invalid: [
    {
      name: 'password without NoEcho, reported on the parameter',
      code: params('  DBPassword:\n    Type: String\n    MinLength: 8\n'),
      errors: [{ messageId: 'noEchoByName', line: 2, column: 3, resource: 'DBPassword' }],
    },
    {
      name: 'NoEcho false, reported on NoEcho',
      code: params('  db_password:\n    Type: String\n    NoEcho: false\n'),
      errors: [{ messageId: 'noEchoByName', line: 4, resource: 'db_password' }],
    },
    {
      name: 'secret, token and key names',
      code: params(
        [
          '  ClientSecret:\n    Type: String\n',
          '  GITHUB_OAUTH_TOKEN:\n    Type: String\n',
          '  SecretAccessKey:\n    Type: String\n',
          '  ApiKey:\n    Type: CommaDelimitedList\n',
          '  AdminPassword2:\n    Type: String\n',
        ].join(''),
      ),
      errors: [
        { messageId: 'noEchoByName', line: 2, resource: 'ClientSecret' },
        { messageId: 'noEchoByName', line: 4, resource: 'GITHUB_OAUTH_TOKEN' },
        { messageId: 'noEchoByName', line: 6, resource: 'SecretAccessKey' },
        { messageId: 'noEchoByName', line: 8, resource: 'ApiKey' },
        { messageId: 'noEchoByName', line: 10, resource: 'AdminPassword2' },
      ],
    },
    {
      name: 'a parameter used as a password property, whatever its name',
      code: params('  MasterCredential:\n    Type: String\n', '  Db:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-mysql\n      MasterUserPassword: !Ref MasterCredential\n'),
      errors: [{ messageId: 'noEchoByUse', line: 2, resource: 'MasterCredential' }],
    },
    {
      name: 'passed through Fn::If, Fn::Join and a Fn::Sub variable map',
      code: params(
        '  A:\n    Type: String\n  B:\n    Type: String\n  C:\n    Type: String\n',
        `  Cache:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: x
      AuthToken: !If [Always, !Ref A, !Ref AWS::NoValue]
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      MasterUserPassword: !Join ['', [!Ref B, !Sub ['\${X}', { X: !Ref C }]]]
`,
      ),
      errors: [
        { messageId: 'noEchoByUse', line: 2, resource: 'A' },
        { messageId: 'noEchoByUse', line: 4, resource: 'B' },
        { messageId: 'noEchoByUse', line: 6, resource: 'C' },
      ],
    },
    {
      name: 'a literal Default, even with NoEcho',
      code: params('  DBPassword:\n    Type: String\n    NoEcho: true\n    Default: changeme\n'),
      errors: [{ messageId: 'literalDefault', line: 5, resource: 'DBPassword' }],
    },
  ],
});

describe('nameWords and isSecretName', () => {
  it.each([
    ['DBPassword', ['db', 'password']],
    ['GitHubOAuthToken', ['git', 'hub', 'o', 'auth', 'token']],
    ['db_password_2', ['db', 'password']],
    ['SecretAccessKey', ['secret', 'access', 'key']],
  ])('%s', (name, words) => expect(nameWords(name)).toEqual(words));

  it.each(['Password', 'MasterUserPassword', 'Dbpassword', 'RedisAuthToken', 'JwtSecret', 'SshPrivateKey', 'adminPwd', 'Passphrase'])('%s is a secret', (name) =>
    expect(isSecretName(name)).toBe(true),
  );
  it.each(['TokenExpiryMinutes', 'SecretArn', 'PasswordPolicy', 'KeyName', 'AccessKeyId', 'EncryptionKey', 'Bypass', 'SecretsManagerEndpoint', ''])('%s is not', (name) =>
    expect(isSecretName(name)).toBe(false),
  );
});
