/**
 * Route 53 records of a template, in one list: each `AWS::Route53::RecordSet` and each record of an
 * `AWS::Route53::RecordSetGroup` (its `RecordSets`, `Fn::If` branches included), with the keys Route 53
 * compares them by (hosted zone, name, type). Shared by the route53-* rules and twin-database-source.
 * See https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/routing-policy.html
 */
import { Intrinsic, TemplateValue } from '../model/intrinsics';
import type { Template } from '../model/template';
import type { TemplatePath } from '../parse';
import { branches, expressionKey, Presence, presence } from './if-branches';
import { subVariables } from './refs';
import { isPlainObject } from './walk';

/** One record: a RecordSet resource's properties or an entry of a RecordSetGroup's RecordSets. */
export interface RecordEntry {
  /** Logical id of the RecordSet or RecordSetGroup. */
  readonly logicalId: string;
  /** Path of the record's mapping (`Resources/<id>/Properties` or `…/RecordSets/<i>`). */
  readonly path: TemplatePath;
  readonly record: { readonly [key: string]: TemplateValue };
  /** The resource's `Condition`, when it has one. */
  readonly condition: string | undefined;
  /** Hosted zone key (`id:…` or `name:…`), '' when the record names none. */
  readonly zone: string;
  /** Name key (case-insensitive, trailing dot dropped), undefined without a Name. */
  readonly name: string | undefined;
  /** Type key (upper case), undefined without a Type. */
  readonly type: string | undefined;
}

/** Properties that give a record a routing policy (besides SetIdentifier, which each of them requires). */
const ROUTING_PROPERTIES = ['SetIdentifier', 'Weight', 'Failover', 'Region', 'GeoLocation', 'GeoProximityLocation', 'MultiValueAnswer', 'CidrRoutingConfig'];

const cache = new WeakMap<Template, RecordEntry[]>();

/** Every Route 53 record of `template`, in template order (computed once per template). */
export function recordEntries(template: Template): readonly RecordEntry[] {
  let entries = cache.get(template);
  if (!entries) {
    entries = collect(template);
    cache.set(template, entries);
  }
  return entries;
}

function collect(template: Template): RecordEntry[] {
  const out: RecordEntry[] = [];
  const resources: unknown = template.Resources;
  if (!isPlainObject(resources)) return out;
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (!isPlainObject(resource) || !isPlainObject(resource.Properties)) continue;
    const condition = typeof resource.Condition === 'string' ? resource.Condition : undefined;
    const props = resource.Properties;
    const base = ['Resources', logicalId, 'Properties'];
    if (resource.Type === 'AWS::Route53::RecordSet') {
      out.push(entry(logicalId, base, props, condition, zoneKey(props)));
    } else if (resource.Type === 'AWS::Route53::RecordSetGroup') {
      const groupZone = zoneKey(props);
      for (const list of branches(props.RecordSets, [...base, 'RecordSets'])) {
        if (!Array.isArray(list.value)) continue;
        list.value.forEach((item, i) => {
          for (const b of branches(item, [...list.path, i])) {
            if (isPlainObject(b.value)) out.push(entry(logicalId, b.path, b.value, condition, zoneKey(b.value) || groupZone));
          }
        });
      }
    }
  }
  return out;
}

function entry(logicalId: string, path: TemplatePath, record: { [key: string]: TemplateValue }, condition: string | undefined, zone: string): RecordEntry {
  const type = record.Type;
  return {
    logicalId,
    path,
    record,
    condition,
    zone,
    name: dnsNameKey(record.Name),
    type: typeof type === 'string' ? type.trim().toUpperCase() : type instanceof Intrinsic ? expressionKey(type) : undefined,
  };
}

function zoneKey(props: { readonly [key: string]: TemplateValue }): string {
  const id = props.HostedZoneId;
  if (typeof id === 'string') return `id:${id.replace(/^\/?hostedzone\//i, '').trim().toUpperCase()}`;
  if (id instanceof Intrinsic) return `id:${expressionKey(id)}`;
  const name = dnsNameKey(props.HostedZoneName);
  return name === undefined ? '' : `name:${name}`;
}

/**
 * A DNS name's comparison key: Route 53 compares names case-insensitively and with or without the final
 * dot. Intrinsics compare by their expression (an `Fn::Sub` without variables or an `Fn::Join` of
 * literals is the literal it builds).
 */
export function dnsNameKey(value: unknown): string | undefined {
  if (typeof value === 'string') return `s:${normalizeName(value)}`;
  if (!(value instanceof Intrinsic)) return undefined;
  const args: unknown = value.args;
  if (value.fn === 'Fn::Sub' && typeof args === 'string') {
    if (subVariables(args).length === 0) return `s:${normalizeName(args.replace(/\$\{!/g, '${'))}`;
    return `sub:${normalizeName(args.replace(/([^$]*)(\$\{[^}]*\})?/g, (_all, text: string, variable: string | undefined) => text.toLowerCase() + (variable ?? '')))}`;
  }
  if (value.fn === 'Fn::Join' && Array.isArray(args) && args[0] === '' && Array.isArray(args[1]) && args[1].every((p) => typeof p === 'string')) {
    return `s:${normalizeName((args[1] as string[]).join(''))}`;
  }
  return `x:${expressionKey(value)}`;
}

function normalizeName(name: string): string {
  const trimmed = name.trim();
  return (trimmed.endsWith('.') ? trimmed.slice(0, -1) : trimmed).toLowerCase();
}

/** Key of the group Route 53 keeps together: hosted zone, name and type. Undefined without a name or type. */
export function groupKey(r: RecordEntry): string | undefined {
  return r.name === undefined || r.type === undefined ? undefined : `${r.zone}|${r.name}|${r.type}`;
}

/** A record's name in messages: the logical id, with the RecordSets index inside a RecordSetGroup. */
export function recordLabel(r: RecordEntry): string {
  const at = r.path.indexOf('RecordSets');
  return at < 0 ? r.logicalId : `${r.logicalId} (RecordSets ${String(r.path[at + 1])})`;
}

/** Records grouped by {@link groupKey}, in template order. */
export function recordGroups(template: Template): ReadonlyMap<string, readonly RecordEntry[]> {
  const groups = new Map<string, RecordEntry[]>();
  for (const r of recordEntries(template)) {
    const key = groupKey(r);
    if (key === undefined) continue;
    const list = groups.get(key) ?? [];
    list.push(r);
    groups.set(key, list);
  }
  return groups;
}

/** False when the two records belong to resources with different Conditions (they may never coexist). */
export function mayCoexist(a: RecordEntry, b: RecordEntry): boolean {
  return a.condition === undefined || b.condition === undefined || a.condition === b.condition;
}

/** Whether the record has a routing policy (SetIdentifier, Weight, Failover, …). */
export function routing(r: RecordEntry): Presence {
  let result: Presence = 'no';
  for (const key of ROUTING_PROPERTIES) {
    const p = presence(r.record, key);
    if (p === 'yes') return 'yes';
    if (p === 'maybe') result = 'maybe';
  }
  return result;
}

/** A resource attribute an expression reads: `Fn::GetAtt` or a dotted `${Res.Attr}` Fn::Sub variable. */
export interface AttributeUse {
  readonly target: string;
  readonly attribute: string;
}

/** The resource attributes `value` reads, anywhere inside it. */
export function attributeUses(value: unknown): AttributeUse[] {
  const out: AttributeUse[] = [];
  const visit = (v: unknown): void => {
    if (v instanceof Intrinsic) {
      const args: unknown = v.args;
      if (v.fn === 'Fn::GetAtt') {
        if (Array.isArray(args) && typeof args[0] === 'string' && typeof args[1] === 'string') out.push({ target: args[0], attribute: args[1] });
        else if (typeof args === 'string' && args.includes('.')) out.push({ target: args.slice(0, args.indexOf('.')), attribute: args.slice(args.indexOf('.') + 1) });
        return;
      }
      if (v.fn === 'Fn::Sub') {
        const text = typeof args === 'string' ? args : Array.isArray(args) && typeof args[0] === 'string' ? args[0] : undefined;
        const vars = Array.isArray(args) && isPlainObject(args[1]) ? args[1] : {};
        for (const name of text === undefined ? [] : subVariables(text)) {
          const dot = name.indexOf('.');
          if (dot > 0 && !(name in vars)) out.push({ target: name.slice(0, dot), attribute: name.slice(dot + 1) });
        }
        if (Array.isArray(args)) visit(args[1]);
        return;
      }
      visit(args);
    } else if (Array.isArray(v)) {
      v.forEach(visit);
    } else if (isPlainObject(v)) {
      Object.values(v).forEach(visit);
    }
  };
  visit(value);
  return out;
}

/** What a DNS name in a record points at, when the template says for sure. */
export type DnsTarget = 'load balancer' | 'CloudFront distribution' | 'Elastic Beanstalk environment';

const LITERAL_TARGETS: ReadonlyArray<[RegExp, DnsTarget]> = [
  [/\.elb\.([a-z0-9-]+\.)?amazonaws\.com(\.cn)?\.?$/i, 'load balancer'],
  [/\.cloudfront\.net\.?$/i, 'CloudFront distribution'],
  [/\.elasticbeanstalk\.com\.?$/i, 'Elastic Beanstalk environment'],
];

/** Attribute of a resource type that is a DNS name of a load balancer or distribution. */
const ATTRIBUTE_TARGETS: { readonly [type: string]: readonly [string, DnsTarget] } = {
  'AWS::ElasticLoadBalancing::LoadBalancer': ['DNSName', 'load balancer'],
  'AWS::ElasticLoadBalancingV2::LoadBalancer': ['DNSName', 'load balancer'],
  'AWS::CloudFront::Distribution': ['DomainName', 'CloudFront distribution'],
  'AWS::ElasticBeanstalk::Environment': ['EndpointURL', 'Elastic Beanstalk environment'],
};

/**
 * What `value` (a record's ResourceRecords or alias DNSName) points at: a literal name under
 * `elb.amazonaws.com`, `cloudfront.net` or `elasticbeanstalk.com`, or the DNS name attribute of such a
 * resource of the template. Undefined when nothing says so for sure.
 */
export function dnsTarget(value: unknown, resourceTypes: ReadonlyMap<string, string>): DnsTarget | undefined {
  const literals: string[] = [];
  const collect = (v: unknown): void => {
    if (typeof v === 'string') literals.push(v);
    else if (Array.isArray(v)) v.forEach(collect);
    else if (v instanceof Intrinsic && (v.fn === 'Fn::If' || v.fn === 'Fn::Join')) collect(v.args);
    else if (v instanceof Intrinsic && v.fn === 'Fn::Sub') {
      const args: unknown = v.args;
      if (typeof args === 'string') literals.push(args);
      else if (Array.isArray(args) && typeof args[0] === 'string') literals.push(args[0]);
    }
  };
  collect(value);
  for (const text of literals) {
    for (const [pattern, target] of LITERAL_TARGETS) if (pattern.test(text.trim())) return target;
  }
  for (const use of attributeUses(value)) {
    const known = ATTRIBUTE_TARGETS[resourceTypes.get(use.target) ?? ''];
    if (known && known[0] === use.attribute) return known[1];
  }
  return undefined;
}
