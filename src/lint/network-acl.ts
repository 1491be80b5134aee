/**
 * Network ACL entries as the network ACL rules read them: every `AWS::EC2::NetworkAclEntry` of a
 * template with its properties resolved as far as they can be for sure (each `Fn::If` branch; a value
 * behind any other intrinsic is `unknown`), and the network ACLs associated with subnets.
 */
import { alternatives, integerOf, resourceTarget } from './alternatives';
import { Intrinsic } from '../model/intrinsics';
import type { Template } from '../model/template';
import { parseCidr, portOf, protocolOf } from './network';
import type { Cidr, PortRange, Protocol } from './network';
import { isPlainObject } from './walk';
import type { TemplatePath } from '../parse';

/** What a property of an entry may be: the values it can take, or `unknown` when one is behind an intrinsic. */
export type Known<T> = { readonly values: ReadonlyArray<{ readonly value: T; readonly path: TemplatePath }> } | 'unknown';

/** One `AWS::EC2::NetworkAclEntry`, its properties resolved as far as they can be for sure. */
export interface Entry {
  readonly id: string;
  readonly path: TemplatePath;
  readonly condition: string | undefined;
  /** The network ACLs it may belong to, one per Fn::If branch: a template NACL's logical id, `<vpc>.DefaultNetworkAcl`, or {@link OUTSIDE}. */
  readonly acls: readonly string[] | 'unknown';
  readonly egress: Known<boolean>;
  readonly action: Known<string>;
  readonly protocol: Known<Protocol>;
  readonly cidr: Known<Cidr>;
  /** Port range; `undefined` value when the entry has none (all ports, for protocols other than tcp/udp). */
  readonly ports: Known<PortRange | undefined>;
  readonly number: Known<number>;
}

/** A template's network ACL entries, in template order, and the NACLs a subnet association names. */
export interface NetworkAcls {
  readonly entries: readonly Entry[];
  /** Logical ids of template NACLs that an `AWS::EC2::SubnetNetworkAclAssociation` names. */
  readonly associated: ReadonlySet<string>;
}

const cache = new WeakMap<Template, NetworkAcls>();

/** The {@link NetworkAcls} of `template`, computed once and shared by the network ACL rules. */
export function networkAcls(template: Template): NetworkAcls {
  let found = cache.get(template);
  if (!found) {
    found = collect(template);
    cache.set(template, found);
  }
  return found;
}

function collect(template: Template): NetworkAcls {
  const entries: Entry[] = [];
  const associated = new Set<string>();
  const resources = template.Resources;
  if (!isPlainObject(resources)) return { entries, associated };
  for (const [id, res] of Object.entries(resources)) {
    if (!isPlainObject(res) || !isPlainObject(res.Properties)) continue;
    const path = ['Resources', id];
    if (res.Type === 'AWS::EC2::NetworkAclEntry') entries.push(readEntry(template, id, res.Properties, path, typeof res.Condition === 'string' ? res.Condition : undefined));
    if (res.Type === 'AWS::EC2::SubnetNetworkAclAssociation') {
      const acls = aclIds(template, res.Properties.NetworkAclId, [...path, 'Properties', 'NetworkAclId']);
      if (acls !== 'unknown') for (const a of acls) if (a !== OUTSIDE && !a.includes('.')) associated.add(a);
    }
  }
  return { entries, associated };
}

function readEntry(template: Template, id: string, props: { [key: string]: unknown }, path: TemplatePath, condition: string | undefined): Entry {
  const at = (key: string) => [...path, 'Properties', key];
  const read = <T>(key: string, convert: (v: unknown) => T | undefined, absent?: T): Known<T> => {
    const values: Array<{ value: T; path: TemplatePath }> = [];
    for (const alt of alternatives(props[key], at(key), template)) {
      if (alt.value === undefined && absent !== undefined) {
        values.push({ value: absent, path: alt.path });
        continue;
      }
      const value = convert(alt.value);
      if (value === undefined) return 'unknown';
      values.push({ value, path: alt.path });
    }
    return { values };
  };
  const cidrs: Array<{ value: Cidr; path: TemplatePath }> = [];
  let cidrUnknown = false;
  for (const key of ['CidrBlock', 'Ipv6CidrBlock']) {
    for (const alt of alternatives(props[key], at(key), template)) {
      if (alt.value === undefined) continue;
      const cidr = parseCidr(alt.value);
      if (cidr) cidrs.push({ value: cidr, path: alt.path });
      else cidrUnknown = true;
    }
  }
  const ports: Known<PortRange | undefined> = (() => {
    const values: Array<{ value: PortRange | undefined; path: TemplatePath }> = [];
    for (const alt of alternatives(props.PortRange, at('PortRange'), template)) {
      if (alt.value === undefined) {
        values.push({ value: undefined, path: alt.path });
        continue;
      }
      if (!isPlainObject(alt.value)) return 'unknown';
      const from = portOf(alt.value.From);
      const to = portOf(alt.value.To);
      if (from === undefined || to === undefined) return 'unknown';
      values.push({ value: { from, to }, path: alt.path });
    }
    return { values };
  })();
  return {
    id,
    path,
    condition,
    acls: aclIds(template, props.NetworkAclId, at('NetworkAclId')),
    egress: read('Egress', booleanOf, false),
    action: read('RuleAction', (v) => (typeof v === 'string' ? v.trim().toLowerCase() : undefined)),
    protocol: read('Protocol', protocolOf),
    cidr: cidrUnknown ? 'unknown' : { values: cidrs },
    ports,
    number: read('RuleNumber', integerOf),
  };
}

/** Stands for a NACL the template does not create (a literal id, a parameter, an import). */
export const OUTSIDE = '';

/**
 * The network ACLs a `NetworkAclId` names: template NACLs (Ref, or GetAtt .Id) and template VPCs' default
 * NACLs (`<vpc>.DefaultNetworkAcl`). A literal id, a parameter, an import or another attribute names a
 * NACL outside the template ({@link OUTSIDE}); any other intrinsic makes the answer `unknown`.
 */
function aclIds(template: Template, value: unknown, path: TemplatePath): readonly string[] | 'unknown' {
  const ids: string[] = [];
  for (const alt of alternatives(value, path, template)) {
    const v = alt.value;
    const acl = resourceTarget(v, template, ['Id']);
    if (acl !== undefined && (template.Resources[acl] as { Type?: unknown } | undefined)?.Type === 'AWS::EC2::NetworkAcl') ids.push(acl);
    else if (v instanceof Intrinsic && v.fn === 'Fn::GetAtt' && Array.isArray(v.args) && v.args[1] === 'DefaultNetworkAcl' && typeof v.args[0] === 'string') ids.push(`${v.args[0]}.DefaultNetworkAcl`);
    else if (v instanceof Intrinsic && v.fn !== 'Ref' && v.fn !== 'Fn::GetAtt' && v.fn !== 'Fn::ImportValue') return 'unknown';
    else ids.push(OUTSIDE);
  }
  return ids;
}

function booleanOf(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
  return undefined;
}

/** The one value a property surely has, or undefined (unknown, or different in different Fn::If branches). */
export function single<T>(known: Known<T>): { value: T; path: TemplatePath } | undefined {
  if (known === 'unknown' || known.values.length === 0) return undefined;
  const first = known.values[0];
  return known.values.every((v) => v.value === first.value) ? first : undefined;
}

/** True when some branch may have a value matching `test` (an unknown value may). */
export function may<T>(known: Known<T>, test: (value: T) => boolean): boolean {
  return known === 'unknown' || known.values.some((v) => test(v.value));
}

/** True when some branch surely has a value matching `test`. */
export function some<T>(known: Known<T>, test: (value: T) => boolean): boolean {
  return known !== 'unknown' && known.values.some((v) => test(v.value));
}

/** The entry's rule number for messages (its logical id when the number is not known). */
export function numberText(e: Entry): string {
  const n = single(e.number);
  return n ? String(n.value) : `${e.id}`;
}
