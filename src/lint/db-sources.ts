/**
 * Where an environment reads its database endpoint from: launch template, launch configuration and
 * instance UserData (Fn::Base64 of Fn::Sub, its variable map and `${…}` references, or Fn::Join),
 * cfn-init metadata, Elastic Beanstalk environment properties (aws:elasticbeanstalk:application:environment)
 * and ECS container Environment / Secrets. A source is an Fn::ImportValue (by its export name
 * expression), a parameter, an attribute of an RDS resource, a dynamic reference, or a literal host.
 */
import { Intrinsic, PSEUDO_PARAMETERS } from '../model/intrinsics';
import type { TemplatePath } from '../parse';
import type { Environment } from './environments';
import { expressionKey, renderExpression } from './if-branches';
import { subVariables } from './refs';
import { isPlainObject } from './walk';

/** One place an environment takes its database endpoint from. */
export interface DbSource {
  /** The variable's name, normalized (`DB_HOST`, `DbHost` → `dbhost`); '' when the source is found by value alone. */
  readonly role: string;
  /** Equal keys: the same source. */
  readonly key: string;
  /** The source in messages (`!ImportValue !Sub '${DataStackName}-DbEndpoint'`). */
  readonly label: string;
  /** The host, when the source is a literal. */
  readonly host?: string;
  /** Where it is written. */
  readonly path: TemplatePath;
}

/** What the scan needs to know about the template. */
export interface ScanContext {
  /** Logical id → resource type. */
  readonly types: ReadonlyMap<string, string>;
  readonly parameters: ReadonlySet<string>;
  /** Resource entries by logical id (Properties and Metadata are read). */
  readonly resources: { readonly [id: string]: { readonly Type: string; readonly Properties: { readonly [key: string]: unknown }; readonly Metadata?: unknown } };
}

/** Database resource types whose endpoint attributes are a database source. */
const DATABASE_TYPES = new Set([
  'AWS::RDS::DBInstance',
  'AWS::RDS::DBCluster',
  'AWS::RDS::DBProxy',
  'AWS::RDS::DBProxyEndpoint',
  'AWS::DocDB::DBCluster',
  'AWS::DocDB::DBInstance',
  'AWS::Neptune::DBCluster',
  'AWS::Neptune::DBInstance',
]);

const DB_WORDS = new Set(['db', 'database', 'rds', 'aurora', 'mysql', 'postgres', 'postgresql', 'pg', 'jdbc', 'sql', 'mssql', 'mariadb', 'datasource', 'oracle']);
const ENDPOINT_WORDS = new Set(['host', 'hostname', 'endpoint', 'url', 'uri', 'address', 'addr', 'server', 'dsn', 'connection', 'conn']);
const NOT_RELATIONAL = new Set(['dynamo', 'dynamodb', 'redis', 'cache', 'memcached', 'elasticache', 'dax']);
const CREDENTIAL_WORDS = new Set(['pass', 'password', 'pwd', 'secret', 'user', 'username', 'login', 'port', 'token', 'key', 'name']);
/** An RDS endpoint: `<name>.<id>.<region>.rds.amazonaws.com` (not a service principal like `monitoring.rds.amazonaws.com`). */
const RDS_HOST = /[a-z0-9][a-z0-9.-]*\.[a-z]{2}(?:-[a-z]+)+-\d+\.rds\.amazonaws\.com/gi;
const ENV_NAMESPACE = 'aws:elasticbeanstalk:application:environment';

/** The words of a name (`DB_HOST`, `DbEndpoint`, `spring.datasource.url`), lower case. */
export function words(name: string): string[] {
  return (name.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g) ?? []).map((w) => w.toLowerCase());
}

/** True when a variable name says it holds a relational database's endpoint (`DB_HOST`, `DatabaseUrl`, `PGHOST`…). */
export function isDbEndpointName(name: string): boolean {
  const w = words(name);
  if (w.some((x) => NOT_RELATIONAL.has(x))) return false;
  if (w.length === 1 && /^(pg|mysql|db|rds|postgres)(host|hostname|endpoint|url|uri)$/.test(w[0])) return true;
  return w.some((x) => DB_WORDS.has(x)) && w.some((x) => ENDPOINT_WORDS.has(x));
}

/** The database sources of `env`, in template order. */
export function dbSources(env: Environment, context: ScanContext): DbSource[] {
  const scan = new Scan(context, env.id);
  for (const id of env.parts) {
    const r = context.resources[id];
    if (!r) continue;
    const base = ['Resources', id];
    const props = r.Properties;
    if (isPlainObject(r.Metadata) && 'AWS::CloudFormation::Init' in r.Metadata) scan.value(r.Metadata['AWS::CloudFormation::Init'], [...base, 'Metadata', 'AWS::CloudFormation::Init']);
    if (r.Type === 'AWS::EC2::LaunchTemplate' && isPlainObject(props.LaunchTemplateData)) scan.value(props.LaunchTemplateData.UserData, [...base, 'Properties', 'LaunchTemplateData', 'UserData']);
    if (r.Type === 'AWS::AutoScaling::LaunchConfiguration' || r.Type === 'AWS::EC2::Instance') scan.value(props.UserData, [...base, 'Properties', 'UserData']);
    if (r.Type === 'AWS::ECS::TaskDefinition') scan.value(props.ContainerDefinitions, [...base, 'Properties', 'ContainerDefinitions']);
    if (r.Type === 'AWS::ElasticBeanstalk::Environment' || r.Type === 'AWS::ElasticBeanstalk::ConfigurationTemplate') scan.optionSettings(props.OptionSettings, [...base, 'Properties', 'OptionSettings']);
  }
  return scan.sources;
}

class Scan {
  readonly sources: DbSource[] = [];

  constructor(
    private readonly context: ScanContext,
    private readonly env: string,
  ) {}

  /** Elastic Beanstalk OptionSettings: environment properties, and a database the environment creates itself. */
  optionSettings(value: unknown, path: TemplatePath): void {
    if (!Array.isArray(value)) return;
    value.forEach((o, i) => {
      if (!isPlainObject(o) || typeof o.Namespace !== 'string') return;
      if (o.Namespace === ENV_NAMESPACE && typeof o.OptionName === 'string') this.assignment(o.OptionName, o.Value, [...path, i, 'Value']);
      else if (o.Namespace.startsWith('aws:rds:dbinstance') && !this.sources.some((s) => s.key.startsWith('coupled:'))) {
        this.add({ role: '', key: `coupled:${this.env}`, label: `the RDS instance Elastic Beanstalk creates in ${this.env} (aws:rds:dbinstance)`, path: [...path, i] });
      }
    });
  }

  /** Any value that may carry settings: UserData, cfn-init metadata, container definitions. */
  value(v: unknown, path: TemplatePath): void {
    if (typeof v === 'string') this.text(v, undefined, path, {});
    else if (Array.isArray(v)) v.forEach((item, i) => this.value(item, [...path, i]));
    else if (v instanceof Intrinsic) this.intrinsic(v, path);
    else if (isPlainObject(v)) {
      // ECS Environment / Secrets entries: {Name, Value} / {Name, ValueFrom}
      if (typeof v.Name === 'string' && ('Value' in v || 'ValueFrom' in v)) {
        const key = 'Value' in v ? 'Value' : 'ValueFrom';
        this.assignment(v.Name, v[key], [...path, key]);
        return;
      }
      for (const [k, item] of Object.entries(v)) {
        if (isDbEndpointName(k)) this.assignment(k, item, [...path, k]);
        else this.value(item, [...path, k]);
      }
    }
  }

  private intrinsic(v: Intrinsic, path: TemplatePath): void {
    const args: unknown = v.args;
    const at = [...path, v.fn];
    if (v.fn === 'Fn::Base64') this.value(args, at);
    else if (v.fn === 'Fn::If' && Array.isArray(args)) [1, 2].forEach((i) => this.value(args[i], [...at, i]));
    else if (v.fn === 'Fn::Sub') {
      if (typeof args === 'string') this.text(args, {}, at, {});
      else if (Array.isArray(args) && typeof args[0] === 'string') {
        const vars = isPlainObject(args[1]) ? args[1] : {};
        const varPaths: { [name: string]: TemplatePath } = {};
        for (const name of Object.keys(vars)) varPaths[name] = [...at, 1, name];
        this.text(args[0], vars, [...at, 0], varPaths);
      }
    } else if (v.fn === 'Fn::Join' && Array.isArray(args) && typeof args[0] === 'string' && Array.isArray(args[1])) {
      // The joined text, with each intrinsic part standing in as a Sub variable.
      const vars: { [name: string]: unknown } = {};
      const varPaths: { [name: string]: TemplatePath } = {};
      const text = args[1]
        .map((part, i) => {
          if (typeof part === 'string' || typeof part === 'number') return String(part);
          vars[`join.part${i}`] = part;
          varPaths[`join.part${i}`] = [...at, 1, i];
          return `\${join.part${i}}`;
        })
        .join(args[0]);
      this.text(text, vars, at, varPaths);
    }
  }

  /**
   * Settings in text: `NAME=value` / `NAME: value` assignments of a database endpoint variable, a
   * variable of the Fn::Sub map named like one, `${Db.Endpoint.Address}` and literal RDS hosts anywhere.
   * `vars` is undefined for plain text (no `${…}` is CloudFormation's there).
   */
  private text(text: string, vars: { readonly [name: string]: unknown } | undefined, path: TemplatePath, varPaths: { readonly [name: string]: TemplatePath }): void {
    if (vars) {
      for (const [name, value] of Object.entries(vars)) {
        // A part of an Fn::Join has no name of its own: it counts by its value.
        if (name.startsWith('join.part')) {
          if (this.isDbByValue(value)) this.assignment('', value, varPaths[name] ?? path, true);
        } else if (isDbEndpointName(name) || this.isDbByValue(value)) this.assignment(name, value, varPaths[name] ?? path);
      }
    }
    const assignment = /(?:^|[\s;{,"'])(?:export\s+)?["']?([A-Za-z_][A-Za-z0-9_.-]*)["']?\s*[=:]\s*("[^"\n]*"|'[^'\n]*'|(?:\$\{[^}\n]*\}|[^\s,;"'}])+)/g;
    for (const m of text.matchAll(assignment)) {
      if (!isDbEndpointName(m[1])) continue;
      this.valueText(m[1], m[2].replace(/^["']|["']$/g, ''), vars, path, varPaths);
    }
    if (vars) {
      for (const name of subVariables(text)) {
        const dot = name.indexOf('.');
        if (dot > 0 && !(name in vars) && this.isDbAttribute(name.slice(0, dot), name.slice(dot + 1))) this.add(this.attribute(name.slice(0, dot), name.slice(dot + 1), '', path));
      }
    }
    const literalText = vars ? text.replace(/\$\{[^}]*\}/g, ' ') : text;
    for (const m of literalText.matchAll(RDS_HOST)) this.add(literal(m[0], '', path));
  }

  /** The value of `NAME=value` in text: the CloudFormation variables it uses, else its literal host. */
  private valueText(name: string, value: string, vars: { readonly [name: string]: unknown } | undefined, path: TemplatePath, varPaths: { readonly [name: string]: TemplatePath }): void {
    const role = normalize(name);
    const used = vars ? subVariables(value).filter((v) => !isCredential(v) && !(PSEUDO_PARAMETERS as readonly string[]).includes(v)) : [];
    if (used.length > 0) {
      for (const v of used) {
        if (v in (vars ?? {})) this.assignment(name, vars![v], varPaths[v] ?? path, true);
        else if (v.includes('.')) this.add(this.attribute(v.slice(0, v.indexOf('.')), v.slice(v.indexOf('.') + 1), role, path));
        else this.add(this.ref(v, role, path));
      }
      return;
    }
    if (!vars && /\$\{?[A-Za-z_]/.test(value)) return; // a shell variable: set elsewhere
    const host = hostOf(vars ? value.replace(/\$\{[^}]*\}/g, '') : value);
    if (host) this.add(literal(host, role, path));
  }

  /** A named setting: `name` holds the database endpoint when its name or its value says so. */
  private assignment(name: string, value: unknown, path: TemplatePath, named = false): void {
    if (words(name).some((w) => NOT_RELATIONAL.has(w))) return;
    if (!named && !isDbEndpointName(name) && !this.isDbByValue(value)) return;
    const role = normalize(name);
    if (typeof value === 'string') {
      if (value.includes('{{resolve:')) this.add({ role, key: `resolve:${value.trim()}`, label: JSON.stringify(value.trim()), path });
      else {
        const host = hostOf(value);
        if (host) this.add(literal(host, role, path));
      }
      return;
    }
    if (!(value instanceof Intrinsic)) return;
    const args: unknown = value.args;
    if (value.fn === 'Ref' && typeof args === 'string') this.add(this.ref(args, role, path));
    else if (value.fn === 'Fn::GetAtt' && Array.isArray(args) && typeof args[0] === 'string' && typeof args[1] === 'string') this.add(this.attribute(args[0], args[1], role, path));
    else if (value.fn === 'Fn::Sub' && typeof args === 'string' && /^\s*\$\{[^}]+\}\s*$/.test(args)) {
      const v = args.trim().slice(2, -1).trim();
      this.add(v.includes('.') ? this.attribute(v.slice(0, v.indexOf('.')), v.slice(v.indexOf('.') + 1), role, path) : this.ref(v, role, path));
    } else if (value.fn === 'Fn::Sub' && typeof args === 'string' && subVariables(args).length === 0) {
      const host = hostOf(args);
      if (host) this.add(literal(host, role, path));
    } else if (value.fn === 'Fn::ImportValue') {
      this.add({ role, key: `import:${expressionKey(args)}`, label: renderExpression(value), path });
    } else {
      this.add({ role, key: `expr:${expressionKey(value)}`, label: renderExpression(value), path });
    }
  }

  private ref(name: string, role: string, path: TemplatePath): DbSource | undefined {
    if ((PSEUDO_PARAMETERS as readonly string[]).includes(name)) return undefined;
    const kind = this.context.parameters.has(name) ? 'parameter' : this.context.types.has(name) ? 'resource' : undefined;
    return kind ? { role, key: `ref:${name}`, label: `!Ref ${name} (${kind})`, path } : undefined;
  }

  private attribute(target: string, attribute: string, role: string, path: TemplatePath): DbSource | undefined {
    if (!this.context.types.has(target)) return undefined;
    return { role, key: `getatt:${target}.${attribute}`, label: `!GetAtt ${target}.${attribute}`, path };
  }

  private isDbAttribute(target: string, attribute: string): boolean {
    return DATABASE_TYPES.has(this.context.types.get(target) ?? '') && /endpoint/i.test(attribute);
  }

  /** True for a value that is a database endpoint whatever its variable is called. */
  private isDbByValue(value: unknown): boolean {
    if (typeof value === 'string') return new RegExp(RDS_HOST.source, 'i').test(value);
    if (!(value instanceof Intrinsic)) return false;
    const args: unknown = value.args;
    if (value.fn === 'Fn::GetAtt' && Array.isArray(args) && typeof args[0] === 'string' && typeof args[1] === 'string') return this.isDbAttribute(args[0], args[1]);
    if (value.fn === 'Fn::ImportValue') {
      const text = typeof args === 'string' ? args : args instanceof Intrinsic && args.fn === 'Fn::Sub' && typeof args.args === 'string' ? args.args : '';
      return isDbEndpointName(text.replace(/\$\{[^}]*\}/g, ' '));
    }
    if (value.fn === 'Ref' && typeof args === 'string') return this.context.parameters.has(args) && isDbEndpointName(args);
    return false;
  }

  private add(source: DbSource | undefined): void {
    if (!source) return;
    if (this.sources.some((s) => s.key === source.key && (s.role === source.role || source.role === ''))) return;
    this.sources.push(source);
  }
}

function literal(host: string, role: string, path: TemplatePath): DbSource {
  return { role, key: `literal:${host.toLowerCase()}`, label: `"${host}"`, host, path };
}

/** A name that says it is a credential, port or database name, unless it also says host or endpoint. */
function isCredential(name: string): boolean {
  const w = words(name);
  return w.some((x) => CREDENTIAL_WORDS.has(x)) && !w.some((x) => ENDPOINT_WORDS.has(x) && x !== 'url' && x !== 'uri');
}

function normalize(name: string): string {
  return words(name).join('');
}

/** The host of a literal endpoint or URL (`mydb.abc.eu-west-1.rds.amazonaws.com`, `postgres://u@db.internal:5432/app`). */
export function hostOf(value: string): string | undefined {
  let v = value.trim();
  const scheme = v.indexOf('://');
  if (scheme >= 0) v = v.slice(scheme + 3);
  else if (/^jdbc:/i.test(v)) return undefined;
  v = v.slice(v.lastIndexOf('@') + 1);
  const host = v.split(/[:/?;]/)[0];
  if (!/^[A-Za-z0-9.-]+$/.test(host)) return undefined;
  return host.includes('.') || host === 'localhost' ? host : undefined;
}
