import { alternatives } from '../src/lint/alternatives';
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

/**
 * Reports security group ingress that opens SSH (22) or RDP (3389) to every address: internet-wide
 * scanners find such ports within minutes and brute-force them. See
 * https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-13
 */
export const rule: Rule = {
  meta: {
    id: 'open-admin-ports',
    severity: 'error',
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

    const checkRule = (value: unknown, path: TemplatePath) => {
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
            if (Array.isArray(list.value)) list.value.forEach((item, i) => checkRule(item, [...list.path, i]));
          }
        },
        'AWS::EC2::SecurityGroupIngress': (visit) => checkRule(visit.resource.Properties, [...visit.path, 'Properties']),
      },
    };
  },
};
