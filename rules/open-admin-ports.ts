import { alternatives, listItems, resourceTarget } from '../src/lint/alternatives';
import { templateReferences } from '../src/lint/refs';
import type { Template } from '../src/model/template';
import { coversPort, isWorld, parseCidr, portOf, protocolOf } from '../src/lint/network';
import type { Rule } from '../src/lint/types';
import { isPlainObject } from '../src/lint/walk';
import type { TemplatePath } from '../src/parse';

/**
 * Administration ports. SSH and RDP both run over TCP; RDP's UDP 3389 transport only carries sessions
 * a TCP 3389 connection opened, so UDP rules are not reported.
 */
const ADMIN_PORTS: ReadonlyArray<{ readonly port: number; readonly service: string }> = [
  { port: 22, service: 'SSH' },
  { port: 3389, service: 'RDP' },
];

const CIDR_KEYS = ['CidrIp', 'CidrIpv6'] as const;

/** Resource types whose references to a security group are rules, not attachments. */
const RULE_TYPES: ReadonlySet<string> = new Set(['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress', 'AWS::EC2::SecurityGroupEgress']);

/** Classic load balancer listener protocols that pass raw TCP through to the instances. */
const PASS_THROUGH: ReadonlySet<string> = new Set(['tcp', 'ssl']);

/**
 * Reports security group ingress that opens SSH (22) or RDP (3389) to every address: internet-wide
 * scanners find such ports within minutes and brute-force them. See
 * https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-13
 */
export const rule: Rule = {
  meta: {
    id: 'open-admin-ports',
    // A warning, not an error: the template deploys; the exposure is a risk to fix (CI still fails on
    // warnings unless --fail-on error). Raise it to error in .cfnkit.yaml to make it block.
    severity: 'warning',
    category: 'practice',
    description: 'Disallow security group ingress that opens SSH or RDP to 0.0.0.0/0 or ::/0',
    cfnLint: [],
    options: {},
    messages: {
      open: 'Ingress from {{cidr}} opens {{ports}} to the whole internet; allow only your administrators\' network (a narrow CIDR or a prefix list), or use Systems Manager Session Manager instead of an open port',
    },
  },
  create(context) {
    const template = context.template;
    let shielded: ReadonlySet<string> | undefined;

    const checkRule = (value: unknown, path: TemplatePath, group: string | undefined) => {
      shielded ??= loadBalancerOnlyGroups(template);
      if (group !== undefined && shielded.has(group)) return;
      for (const alt of alternatives(value, path, template)) {
        if (!isPlainObject(alt.value)) continue;
        const ingress = alt.value;
        const open = exposedAdminPorts(ingress, alt.path);
        if (open.length === 0) continue;
        const ports = open.map((a) => `${a.port} (${a.service})`).join(' and ');
        for (const key of CIDR_KEYS) {
          for (const cidr of alternatives(ingress[key], [...alt.path, key], template)) {
            const block = parseCidr(cidr.value);
            if (isWorld(block)) context.report({ path: cidr.path, messageId: 'open', data: { cidr: block!.text, ports: `port${open.length > 1 ? 's' : ''} ${ports}` } });
          }
        }
      }
    };

    /** The admin ports an ingress rule lets in, over every branch of its protocol and ports. */
    const exposedAdminPorts = (ingress: { [key: string]: unknown }, path: TemplatePath) => {
      const found = new Set<number>();
      for (const proto of alternatives(ingress.IpProtocol, [...path, 'IpProtocol'], template)) {
        const protocol = protocolOf(proto.value);
        if (protocol === 'all') ADMIN_PORTS.forEach((a) => found.add(a.port));
        if (protocol !== 'tcp') continue;
        for (const from of alternatives(ingress.FromPort, [...path, 'FromPort'], template)) {
          for (const to of alternatives(ingress.ToPort, [...path, 'ToPort'], template)) {
            const range = { from: portOf(from.value) ?? NaN, to: portOf(to.value) ?? NaN };
            for (const a of ADMIN_PORTS) if (coversPort(range, a.port)) found.add(a.port);
          }
        }
      }
      return ADMIN_PORTS.filter((a) => found.has(a.port));
    };

    return {
      resource: {
        'AWS::EC2::SecurityGroup': (visit) => {
          const props = visit.resource.Properties;
          if (!isPlainObject(props)) return;
          const base = [...visit.path, 'Properties', 'SecurityGroupIngress'];
          for (const list of alternatives(props.SecurityGroupIngress, base, template)) {
            if (Array.isArray(list.value)) list.value.forEach((item, i) => checkRule(item, [...list.path, i], visit.logicalId));
          }
        },
        'AWS::EC2::SecurityGroupIngress': (visit) => {
          const props = visit.resource.Properties;
          const group = isPlainObject(props) ? resourceTarget(props.GroupId, template, ['GroupId']) : undefined;
          checkRule(props, [...visit.path, 'Properties'], group);
        },
      },
    };
  },
};

/**
 * Security groups of the template that only load balancers use, where an open SSH or RDP port reaches
 * nothing: an Application Load Balancer only speaks HTTP and HTTPS on its listeners, and a Classic Load
 * Balancer only forwards its listener ports (checked: none may pass TCP through on 22 or 3389). A group
 * that anything else references — an instance, a launch template, a service, an output (another stack
 * may attach it) — is not shielded; neither is one a Network Load Balancer uses (it passes TCP through
 * on whatever ports its listeners, possibly in another stack, name).
 */
function loadBalancerOnlyGroups(template: Template): Set<string> {
  const resources = template.Resources as { [id: string]: { Type?: unknown; Properties?: unknown } };
  const typeOf = (id: string | undefined) => (id !== undefined && isPlainObject(resources[id]) ? resources[id].Type : undefined);
  const users = new Map<string, { balancers: Set<string>; other: boolean }>();
  for (const r of templateReferences(template).targets) {
    if (r.via === 'DependsOn' || typeOf(r.target) !== 'AWS::EC2::SecurityGroup') continue;
    if (r.attribute !== undefined && r.attribute !== 'GroupId' && r.attribute !== 'Id') continue;
    const use = users.get(r.target) ?? { balancers: new Set<string>(), other: false };
    users.set(r.target, use);
    if (r.section === 'Metadata' || (r.section === 'Resources' && r.path[2] === 'Metadata')) continue;
    const fromType = typeOf(r.from);
    if (typeof fromType === 'string' && RULE_TYPES.has(fromType)) continue;
    if (r.from !== undefined && r.path[2] === 'Properties' && r.path[3] === 'SecurityGroups' && isShieldingBalancer(template, r.from, String(fromType))) use.balancers.add(r.from);
    else use.other = true;
  }
  const out = new Set<string>();
  for (const [group, use] of users) if (use.balancers.size > 0 && !use.other) out.add(group);
  return out;
}

/** True for an Application Load Balancer, or a Classic Load Balancer none of whose listeners passes TCP through on an admin port. */
function isShieldingBalancer(template: Template, id: string, type: string): boolean {
  const props = (template.Resources[id] as { Properties?: unknown }).Properties;
  if (!isPlainObject(props)) return false;
  if (type === 'AWS::ElasticLoadBalancingV2::LoadBalancer') {
    return alternatives(props.Type, [], template).every((t) => t.value === undefined || (typeof t.value === 'string' && t.value.toLowerCase() === 'application'));
  }
  if (type !== 'AWS::ElasticLoadBalancing::LoadBalancer') return false;
  const listeners = listItems(props.Listeners, [], template);
  return (
    listeners.length > 0 &&
    listeners.every((l) => {
      if (!isPlainObject(l.value)) return false;
      const listener = l.value;
      return alternatives(listener.Protocol, [], template).every((p) => {
        if (typeof p.value !== 'string') return false;
        if (!PASS_THROUGH.has(p.value.toLowerCase())) return true;
        return alternatives(listener.LoadBalancerPort, [], template).every((port) => {
          const n = portOf(port.value);
          return n !== undefined && !ADMIN_PORTS.some((a) => a.port === n);
        });
      });
    })
  );
}
