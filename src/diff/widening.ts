/**
 * Security-sensitive changes: IAM policies that grant more and security groups that admit more.
 * Works on normalised resource entries (see `normalize.ts`); a resource that is added counts as
 * widening from nothing, as in cdk diff's "IAM Statement Changes" and "Security Group Changes".
 */
import { Intrinsic, TemplateValue } from '../model/intrinsics';
import { isPlainMap, showValue, valuesEqual } from './normalize';
import type { Risk } from './types';

type Entry = { [key: string]: TemplateValue } | undefined;

// ---------------------------------------------------------------------------------------------
// IAM

/** A policy statement in comparable form: list-or-scalar fields as sorted lists. */
type Statement = { [key: string]: TemplateValue };

const SET_FIELDS = ['Action', 'NotAction', 'Resource', 'NotResource'];

function canonicalStatement(s: Statement): Statement {
  const out: Statement = {};
  for (const key of Object.keys(s).sort()) {
    const v = s[key];
    if (SET_FIELDS.includes(key)) out[key] = asSortedList(v);
    else if ((key === 'Principal' || key === 'NotPrincipal') && isPlainMap(v)) {
      const p: Statement = {};
      for (const k of Object.keys(v).sort()) p[k] = asSortedList(v[k]);
      out[key] = p;
    } else out[key] = v;
  }
  return out;
}

function asSortedList(v: TemplateValue): TemplateValue {
  if (v instanceof Intrinsic) return v;
  const list = Array.isArray(v) ? v : [v];
  return [...list].sort((a, b) => (showValue(a, 1e6) < showValue(b, 1e6) ? -1 : showValue(a, 1e6) > showValue(b, 1e6) ? 1 : 0));
}

/** Policy documents anywhere in `value`: mappings with a `Statement` key, or JSON strings holding one. */
function policyStatements(value: TemplateValue | undefined, out: Statement[] = []): Statement[] {
  if (typeof value === 'string') {
    if (value.includes('"Statement"')) {
      try {
        policyStatements(JSON.parse(value) as TemplateValue, out);
      } catch {
        // Not JSON: not a policy document.
      }
    }
    return out;
  }
  if (value === null || value === undefined || typeof value !== 'object' || value instanceof Intrinsic) return out;
  if (Array.isArray(value)) {
    for (const item of value) policyStatements(item, out);
    return out;
  }
  if (Object.hasOwn(value, 'Statement')) {
    const st = value.Statement;
    for (const s of Array.isArray(st) ? st : [st]) if (isPlainMap(s)) out.push(canonicalStatement(s));
    return out;
  }
  for (const key of Object.keys(value)) policyStatements(value[key], out);
  return out;
}

function describeStatement(s: Statement): string {
  const parts = [`${showValue(s.Effect ?? 'Allow')}`];
  const actions = s.Action ?? s.NotAction;
  if (actions !== undefined) parts.push(`${s.Action === undefined ? 'everything except ' : ''}${list(actions)}`);
  const principal = s.Principal ?? s.NotPrincipal;
  if (principal !== undefined) parts.push(`to ${showValue(principal, 60)}`);
  const resources = s.Resource ?? s.NotResource;
  if (resources !== undefined) parts.push(`on ${list(resources)}`);
  if (s.Condition !== undefined) parts.push('(with conditions)');
  return parts.join(' ');
}

function list(v: TemplateValue): string {
  const items = Array.isArray(v) ? v : [v];
  const shown = items.slice(0, 3).map((x) => showValue(x, 60));
  return shown.join(', ') + (items.length > 3 ? ` and ${items.length - 3} more` : '');
}

function stringList(v: TemplateValue | undefined): TemplateValue[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function props(entry: Entry): { [key: string]: TemplateValue } {
  const p = entry?.Properties;
  return isPlainMap(p) ? p : {};
}

/** `iam-widening` flags for one resource, old and new entries normalised (undefined when absent). */
export function iamWidening(type: string, before: Entry, after: Entry): Risk[] {
  if (!after) return [];
  const risks: Risk[] = [];
  const oldProps = props(before);
  const newProps = props(after);
  const oldStatements = policyStatements(oldProps);
  const newStatements = policyStatements(newProps);
  for (const s of newStatements) {
    if (showValue(s.Effect ?? 'Allow') !== 'Deny' && !oldStatements.some((o) => valuesEqual(o, s))) {
      risks.push({ code: 'iam-widening', message: `adds policy statement: ${describeStatement(s)}` });
    }
  }
  for (const s of oldStatements) {
    if (showValue(s.Effect ?? 'Allow') === 'Deny' && !newStatements.some((n) => valuesEqual(n, s))) {
      risks.push({ code: 'iam-widening', message: `removes policy statement: ${describeStatement(s)}` });
    }
  }
  for (const key of ['ManagedPolicyArns', 'Roles', 'Users', 'Groups']) {
    if (key !== 'ManagedPolicyArns' && !/^AWS::IAM::(Managed)?Policy$/.test(type)) continue;
    const old = stringList(oldProps[key]);
    for (const v of stringList(newProps[key])) {
      if (!old.some((o) => valuesEqual(o, v))) {
        risks.push({ code: 'iam-widening', message: key === 'ManagedPolicyArns' ? `attaches managed policy ${showValue(v)}` : `attaches the policy to ${key.slice(0, -1).toLowerCase()} ${showValue(v)}` });
      }
    }
  }
  if (oldProps.PermissionsBoundary !== undefined && !valuesEqual(oldProps.PermissionsBoundary, newProps.PermissionsBoundary)) {
    risks.push({ code: 'iam-widening', message: `${newProps.PermissionsBoundary === undefined ? 'removes' : 'changes'} the permissions boundary ${showValue(oldProps.PermissionsBoundary)}` });
  }
  if (type === 'AWS::Lambda::Permission' && !valuesEqual(before, after)) {
    risks.push({ code: 'iam-widening', message: `lets ${showValue(newProps.Principal)} call ${showValue(newProps.Action)} on ${showValue(newProps.FunctionName)}` });
  }
  return risks;
}

// ---------------------------------------------------------------------------------------------
// Security groups

const WORLD = new Set(['0.0.0.0/0', '::/0']);

function describeRule(direction: 'ingress' | 'egress', rule: { [key: string]: TemplateValue }): string {
  const proto = showValue(rule.IpProtocol);
  const traffic =
    proto === '-1' || proto === 'all'
      ? 'all traffic'
      : `${proto} ${rule.FromPort === undefined ? 'all ports' : showValue(rule.FromPort) === showValue(rule.ToPort) || rule.ToPort === undefined ? showValue(rule.FromPort) : `${showValue(rule.FromPort)}-${showValue(rule.ToPort)}`}`;
  const peerKey = ['CidrIp', 'CidrIpv6', 'SourceSecurityGroupId', 'SourceSecurityGroupName', 'SourcePrefixListId', 'DestinationSecurityGroupId', 'DestinationPrefixListId'].find(
    (k) => rule[k] !== undefined,
  );
  const peer = peerKey ? showValue(rule[peerKey]) : 'anywhere';
  const open = peerKey && WORLD.has(peer) ? ' (open to the internet)' : '';
  return `${direction} ${traffic} ${direction === 'ingress' ? 'from' : 'to'} ${peer}${open}`;
}

/** Rules as compared: a rule's `Description` admits no traffic, so it is left out. */
function rules(value: TemplateValue | undefined): Array<{ [key: string]: TemplateValue }> {
  return (Array.isArray(value) ? value : []).filter(isPlainMap).map(withoutDescription);
}

function withoutDescription(rule: { [key: string]: TemplateValue }): { [key: string]: TemplateValue } {
  const { Description: _, ...rest } = rule;
  return rest;
}

/**
 * True when rule `wide` admits everything rule `narrow` admits: the same peer (an IPv4 CIDR block that
 * contains the other's, or an equal value), the same protocol or all traffic, and a port range that
 * contains the other's. Values computed at deploy time only cover equal values.
 */
function covers(wide: { [key: string]: TemplateValue }, narrow: { [key: string]: TemplateValue }): boolean {
  if (valuesEqual(wide, narrow)) return true;
  const proto = (r: { [key: string]: TemplateValue }) => showValue(r.IpProtocol ?? '-1').toLowerCase();
  const all = (p: string) => p === '-1' || p === 'all';
  if (!all(proto(wide)) && proto(wide) !== proto(narrow)) return false;
  if (!all(proto(wide))) {
    const range = (r: { [key: string]: TemplateValue }): [number, number] => [Number(showValue(r.FromPort ?? '-1')), Number(showValue(r.ToPort ?? r.FromPort ?? '-1'))];
    const [wf, wt] = range(wide);
    const [nf, nt] = range(narrow);
    const everything = wf === -1 && (wt === -1 || wt === 65535);
    if (!everything && !(Number.isFinite(wf) && Number.isFinite(nf) && wf <= nf && wt >= nt)) return false;
  }
  const peers = ['CidrIp', 'CidrIpv6', 'SourceSecurityGroupId', 'SourceSecurityGroupName', 'SourceSecurityGroupOwnerId', 'SourcePrefixListId', 'DestinationSecurityGroupId', 'DestinationPrefixListId', 'GroupId', 'GroupName'];
  return peers.every((k) => {
    if (wide[k] === undefined && narrow[k] === undefined) return true;
    if (k === 'CidrIp' && typeof wide[k] === 'string' && typeof narrow[k] === 'string') return cidrContains(wide[k] as string, narrow[k] as string);
    return valuesEqual(wide[k], narrow[k]);
  });
}

/** True when IPv4 block `outer` contains block `inner` (both `a.b.c.d/n`); false when either is not one. */
function cidrContains(outer: string, inner: string): boolean {
  const parse = (c: string): [number, number] | undefined => {
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(c);
    if (!m) return undefined;
    const bits = Number(m[5]);
    if (bits > 32 || m.slice(1, 5).some((o) => Number(o) > 255)) return undefined;
    return [((Number(m[1]) << 24) | (Number(m[2]) << 16) | (Number(m[3]) << 8) | Number(m[4])) >>> 0, bits];
  };
  const o = parse(outer);
  const i = parse(inner);
  if (!o || !i || i[1] < o[1]) return false;
  const mask = o[1] === 0 ? 0 : (~0 << (32 - o[1])) >>> 0;
  return ((o[0] & mask) >>> 0) === ((i[0] & mask) >>> 0);
}

/** `security-group-widening` flags for one resource, old and new entries normalised. */
export function securityGroupWidening(type: string, before: Entry, after: Entry): Risk[] {
  if (!after) return [];
  const oldProps = props(before);
  const newProps = props(after);
  const risks: Risk[] = [];
  if (type === 'AWS::EC2::SecurityGroup') {
    for (const [key, direction] of [
      ['SecurityGroupIngress', 'ingress'],
      ['SecurityGroupEgress', 'egress'],
    ] as const) {
      const old = rules(oldProps[key]);
      for (const rule of rules(newProps[key])) {
        if (!old.some((o) => covers(o, rule))) risks.push({ code: 'security-group-widening', message: `adds ${describeRule(direction, rule)}` });
      }
    }
    if (rules(oldProps.SecurityGroupEgress).length > 0 && newProps.SecurityGroupEgress === undefined) {
      risks.push({ code: 'security-group-widening', message: 'removes every egress rule: the default rule allows all outbound traffic' });
    }
  } else if (type === 'AWS::EC2::SecurityGroupIngress' || type === 'AWS::EC2::SecurityGroupEgress') {
    if (!before || !covers(withoutDescription(oldProps), withoutDescription(newProps))) {
      const direction = type.endsWith('Ingress') ? 'ingress' : 'egress';
      risks.push({ code: 'security-group-widening', message: `${before ? 'changes the rule to' : 'adds'} ${describeRule(direction, newProps)}` });
    }
  }
  return risks;
}
