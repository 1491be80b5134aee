import { outcomes } from '../src/lint/certain';
import type { Rule } from '../src/lint/types';
import { isPlainObject } from '../src/lint/walk';

/**
 * A property that holds a password, token or secret key: its path below `Properties` (`*` for every
 * list item) and, for name/value lists, the entry's name.
 */
interface PasswordProperty {
  readonly type: string;
  readonly path: readonly string[];
  /** Key/value an entry must have (Elastic Beanstalk option settings). */
  readonly where?: { readonly key: string; readonly value: string };
}

/** Password properties by resource type (their paths are checked against the spec by the rule's test). */
export const PASSWORD_PROPERTIES: readonly PasswordProperty[] = [
  { type: 'AWS::AmazonMQ::Broker', path: ['LdapServerMetadata', 'ServiceAccountPassword'] },
  { type: 'AWS::AmazonMQ::Broker', path: ['Users', '*', 'Password'] },
  { type: 'AWS::Amplify::App', path: ['AccessToken'] },
  { type: 'AWS::Amplify::App', path: ['BasicAuthConfig', 'Password'] },
  { type: 'AWS::Amplify::App', path: ['OauthToken'] },
  { type: 'AWS::Amplify::Branch', path: ['BasicAuthConfig', 'Password'] },
  { type: 'AWS::CodeBuild::SourceCredential', path: ['Token'] },
  { type: 'AWS::CodePipeline::Pipeline', path: ['Stages', '*', 'Actions', '*', 'Configuration', 'OAuthToken'] },
  { type: 'AWS::CodePipeline::Webhook', path: ['AuthenticationConfiguration', 'SecretToken'] },
  { type: 'AWS::DMS::Endpoint', path: ['Password'] },
  { type: 'AWS::DataSync::LocationFSxWindows', path: ['Password'] },
  { type: 'AWS::DataSync::LocationObjectStorage', path: ['SecretKey'] },
  { type: 'AWS::DataSync::LocationSMB', path: ['Password'] },
  { type: 'AWS::DirectoryService::MicrosoftAD', path: ['Password'] },
  { type: 'AWS::DirectoryService::SimpleAD', path: ['Password'] },
  { type: 'AWS::DocDB::DBCluster', path: ['MasterUserPassword'] },
  { type: 'AWS::DocDBElastic::Cluster', path: ['AdminUserPassword'] },
  { type: 'AWS::EMR::Cluster', path: ['KerberosAttributes', 'ADDomainJoinPassword'] },
  { type: 'AWS::EMR::Cluster', path: ['KerberosAttributes', 'CrossRealmTrustPrincipalPassword'] },
  { type: 'AWS::EMR::Cluster', path: ['KerberosAttributes', 'KdcAdminPassword'] },
  { type: 'AWS::ElastiCache::ReplicationGroup', path: ['AuthToken'] },
  { type: 'AWS::ElastiCache::User', path: ['Passwords', '*'] },
  { type: 'AWS::ElasticBeanstalk::ConfigurationTemplate', path: ['OptionSettings', '*', 'Value'], where: { key: 'OptionName', value: 'DBPassword' } },
  { type: 'AWS::ElasticBeanstalk::Environment', path: ['OptionSettings', '*', 'Value'], where: { key: 'OptionName', value: 'DBPassword' } },
  { type: 'AWS::Elasticsearch::Domain', path: ['AdvancedSecurityOptions', 'MasterUserOptions', 'MasterUserPassword'] },
  { type: 'AWS::FSx::FileSystem', path: ['OntapConfiguration', 'FsxAdminPassword'] },
  { type: 'AWS::FSx::FileSystem', path: ['WindowsConfiguration', 'SelfManagedActiveDirectoryConfiguration', 'Password'] },
  { type: 'AWS::FSx::StorageVirtualMachine', path: ['ActiveDirectoryConfiguration', 'SelfManagedActiveDirectoryConfiguration', 'Password'] },
  { type: 'AWS::FSx::StorageVirtualMachine', path: ['SvmAdminPassword'] },
  { type: 'AWS::Glue::Connection', path: ['ConnectionInput', 'ConnectionProperties', 'PASSWORD'] },
  { type: 'AWS::IAM::User', path: ['LoginProfile', 'Password'] },
  { type: 'AWS::Lightsail::Database', path: ['MasterUserPassword'] },
  { type: 'AWS::MemoryDB::User', path: ['AuthenticationMode', 'Passwords', '*'] },
  { type: 'AWS::OpenSearchService::Domain', path: ['AdvancedSecurityOptions', 'MasterUserOptions', 'MasterUserPassword'] },
  { type: 'AWS::OpsWorks::App', path: ['AppSource', 'Password'] },
  { type: 'AWS::OpsWorks::Stack', path: ['CustomCookbooksSource', 'Password'] },
  { type: 'AWS::QuickSight::DataSource', path: ['Credentials', 'CredentialPair', 'Password'] },
  { type: 'AWS::RDS::DBCluster', path: ['MasterUserPassword'] },
  { type: 'AWS::RDS::DBInstance', path: ['MasterUserPassword'] },
  { type: 'AWS::Redshift::Cluster', path: ['MasterUserPassword'] },
  { type: 'AWS::RedshiftServerless::Namespace', path: ['AdminUserPassword'] },
];

const BY_TYPE = new Map<string, PasswordProperty[]>();
for (const p of PASSWORD_PROPERTIES) BY_TYPE.set(p.type, [...(BY_TYPE.get(p.type) ?? []), p]);

/** Types whose resource can keep its own password in Secrets Manager instead. */
const MANAGED_PASSWORD: ReadonlySet<string> = new Set(['AWS::RDS::DBCluster', 'AWS::RDS::DBInstance', 'AWS::Redshift::Cluster', 'AWS::DocDB::DBCluster']);

/** One password value of a resource: its path below `Properties`, its value and a display name. */
export interface PasswordValue {
  readonly path: ReadonlyArray<string | number>;
  readonly value: unknown;
  readonly property: string;
}

/** The password values `properties` of a `type` resource hold (literal or not). */
export function passwordValues(type: string, properties: unknown): PasswordValue[] {
  const out: PasswordValue[] = [];
  for (const p of BY_TYPE.get(type) ?? []) {
    const visit = (value: unknown, i: number, at: Array<string | number>, parent: unknown): void => {
      if (i === p.path.length) {
        if (p.where && !(isPlainObject(parent) && parent[p.where.key] === p.where.value)) return;
        out.push({ path: at, value, property: p.where ? `${p.path[0]} ${p.where.value}` : p.path.filter((s) => s !== '*').join('.') });
        return;
      }
      const segment = p.path[i];
      if (segment === '*') {
        if (Array.isArray(value)) value.forEach((item, n) => visit(item, i + 1, [...at, n], value));
      } else if (isPlainObject(value) && value[segment] !== undefined) visit(value[segment], i + 1, [...at, segment], value);
    };
    visit(properties, 0, [], undefined);
  }
  return out;
}

/**
 * True for a dynamic reference (`{{resolve:secretsmanager:…}}`, `{{resolve:ssm-secure:…}}`, also
 * `{{resolve:ssm:…}}`): the value is stored elsewhere, not in the template.
 */
function isDynamicReference(text: string): boolean {
  return /\{\{resolve:[a-z-]+:/.test(text);
}

/**
 * Reports a password, token or secret key written into the template (a literal, or a literal reached
 * through Fn::If, Fn::Join, Fn::Sub without variables or Fn::FindInMap): anyone who can read the
 * template, the stack's template in CloudFormation or its change sets reads the password.
 */
export const rule: Rule = {
  meta: {
    id: 'password-literal',
    severity: 'error',
    category: 'practice',
    description: 'Disallow passwords, tokens and secret keys written into the template',
    cfnLint: ['W2501'],
    options: {},
    messages: {
      literal:
        '{{property}} of {{type}} is written into the template, where anyone who can read the template or the stack reads it. Use a dynamic reference to Secrets Manager (resolve:secretsmanager) or an SSM SecureString (resolve:ssm-secure){{managed}}',
    },
  },
  create(context) {
    return {
      resource: {
        '*': ({ resource, path }) => {
          const type = resource.Type;
          if (typeof type !== 'string' || !BY_TYPE.has(type)) return;
          for (const p of passwordValues(type, resource.Properties)) {
            const literal = outcomes(p.value, context.template).some(
              (o) => o.kind === 'known' && ((typeof o.value === 'string' && o.value !== '' && !isDynamicReference(o.value)) || typeof o.value === 'number'),
            );
            if (!literal) continue;
            const managed = MANAGED_PASSWORD.has(type) ? ', or let the service keep it: ManageMasterUserPassword: true' : '';
            context.report({ path: [...path, 'Properties', ...p.path], messageId: 'literal', data: { property: p.property, type, managed } });
          }
        },
      },
    };
  },
};
