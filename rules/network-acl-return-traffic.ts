import { cidrContains } from '../src/lint/network';
import type { Protocol } from '../src/lint/network';
import { may, networkAcls, numberText, single, some } from '../src/lint/network-acl';
import type { Entry } from '../src/lint/network-acl';
import type { Rule, RuleContext } from '../src/lint/types';

/**
 * Reports allow entries of a custom network ACL (one associated with subnets) whose responses the ACL
 * drops: network ACLs are stateless, so traffic allowed in one direction needs an ephemeral-port rule in
 * the other. See https://docs.aws.amazon.com/vpc/latest/userguide/nacl-ephemeral-ports.html
 */
export const rule: Rule = {
  meta: {
    id: 'network-acl-return-traffic',
    severity: 'warning',
    category: 'practice',
    description: 'Require a custom network ACL to allow the return traffic of what it allows',
    cfnLint: [],
    options: {
      ephemeralPortsFrom: { default: 1024, description: 'lowest port a return-traffic rule must open (it must reach 65535); 1024 covers NAT gateways, load balancers and every OS' },
    },
    messages: {
      noReturn:
        '{{direction}} rule {{number}} allows {{traffic}} {{fromTo}} {{cidr}}, but network ACL {{acl}} has no {{other}} rule allowing {{returnProtocol}} ports {{ephemeral}}-65535 {{toFrom}} {{cidr}}, so the responses are dropped (network ACLs are stateless); add one',
    },
  },
  create(context) {
    return {
      template(template) {
        const { entries, associated } = networkAcls(template);
        for (const acl of associated) checkReturnTraffic(context, acl, entries);
      },
    };
  },
};

/**
 * For each allow entry of an associated custom NACL, the other direction must let the responses back:
 * an allow (not deny) entry for the same transport protocol (or all) on ports `ephemeralPortsFrom`–65535
 * whose CIDR holds the peer. Entries that open every port up to 65535 may be return rules themselves
 * and need no return of their own. Anything unknown counts as covering.
 */
function checkReturnTraffic(context: RuleContext, acl: string, entries: readonly Entry[]): void {
  const option = context.options.ephemeralPortsFrom;
  const ephemeral = typeof option === 'number' && Number.isInteger(option) ? option : 1024;
  const members = entries.filter((e) => e.acls === 'unknown' || e.acls.includes(acl));
  for (const e of members) {
    if (e.acls === 'unknown' || e.acls.some((a) => a !== acl)) continue;
    const egress = single(e.egress);
    const protocol = single(e.protocol)?.value;
    if (!egress || e.action === 'unknown' || !e.action.values.every((a) => a.value === 'allow')) continue;
    // An entry that opens every port up to 65535 (all traffic, 1024-65535, 0-65535) may itself be the
    // return rule for the other direction; only entries for service ports need a return of their own.
    if (protocol !== 'tcp' && protocol !== 'udp') continue;
    const range = single(e.ports)?.value;
    if (range === undefined || range.to === 65535) continue;
    const traffic = `${protocol.toUpperCase()} ${range.from === range.to ? `port ${range.from}` : `ports ${range.from}-${range.to}`}`;
    const peers = e.cidr === 'unknown' ? [undefined] : e.cidr.values.map((c) => c.value);
    const transport: Protocol = protocol;

    for (const [i, peer] of peers.entries()) {
      const covered = members.some(
        (r) =>
          r !== e &&
          may(r.egress, (v) => v !== egress.value) &&
          may(r.action, (v) => v === 'allow') &&
          may(r.protocol, (p) => p === 'all' || p === transport) &&
          (some(r.protocol, (p) => p === 'all') || may(r.ports, (p) => p === undefined || (p.from <= ephemeral && p.to >= 65535))) &&
          (peer === undefined || may(r.cidr, (c) => cidrContains(c, peer))),
      );
      if (covered) continue;
      const cidrPath = e.cidr === 'unknown' ? [...e.path, 'Properties', 'RuleAction'] : e.cidr.values[i].path;
      const inbound = !egress.value;
      context.report({
        path: cidrPath,
        messageId: 'noReturn',
        data: {
          direction: inbound ? 'Inbound' : 'Outbound',
          number: numberText(e),
          traffic,
          fromTo: inbound ? 'from' : 'to',
          toFrom: inbound ? 'to' : 'from',
          cidr: peer?.text ?? "the entry's CIDR",
          acl,
          other: inbound ? 'outbound' : 'inbound',
          returnProtocol: transport.toUpperCase(),
          ephemeral,
        },
      });
    }
  }
}
