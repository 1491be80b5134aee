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
        if (!old.some((o) => valuesEqual(o, rule))) risks.push({ code: 'security-group-widening', message: `adds ${describeRule(direction, rule)}` });
      }
    }
    if (rules(oldProps.SecurityGroupEgress).length > 0 && newProps.SecurityGroupEgress === undefined) {
      risks.push({ code: 'security-group-widening', message: 'removes every egress rule: the default rule allows all outbound traffic' });
    }
  } else if (type === 'AWS::EC2::SecurityGroupIngress' || type === 'AWS::EC2::SecurityGroupEgress') {
    if (!before || !valuesEqual(withoutDescription(oldProps), withoutDescription(newProps))) {
      const direction = type.endsWith('Ingress') ? 'ingress' : 'egress';
      risks.push({ code: 'security-group-widening', message: `${before ? 'changes the rule to' : 'adds'} ${describeRule(direction, newProps)}` });
    }
  }
  return risks;
}
