import { isWorld } from '../src/lint/network';
import { networkAcls, numberText, OUTSIDE, single, some } from '../src/lint/network-acl';
import type { Entry } from '../src/lint/network-acl';
import type { Rule, RuleContext } from '../src/lint/types';

/** Rule numbers CloudFormation accepts for network ACL entries (32767 is the default deny). */
const RULE_NUMBERS = { min: 1, max: 32766 };

/**
 * Reports network ACL entries that defeat the point of a custom network ACL or break its deployment: an
 * inbound allow of every protocol from the whole internet, and rule numbers that are taken twice in one
 * direction or out of range. See https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html
 */
export const rule: Rule = {
  meta: {
    id: 'network-acl-entries',
    severity: 'error',
    // An allow-all entry is a risk the deploy accepts (a warning); reused or out-of-range numbers fail it.
    severities: { openInbound: 'warning' },
    category: 'practice',
    description: 'Disallow network ACL entries that allow all traffic from the internet or reuse rule numbers',
    cfnLint: [],
    options: {},
    messages: {
      openInbound: 'Inbound rule {{number}} allows every protocol and port from {{cidr}}, as the default network ACL does; allow only the protocols and ports the subnets serve, plus ephemeral ports for return traffic',
      duplicateNumber: '{{direction}} rule number {{number}} is already used by {{other}} in network ACL {{acl}}; give each {{directionLower}} entry of the network ACL its own number',
      numberRange: 'Rule number {{number}} is outside {{min}}-{{max}}; CloudFormation rejects it',
    },
  },
  create(context) {
    return {
      template(template) {
        const { entries } = networkAcls(template);
        for (const e of entries) {
          checkOpenInbound(context, e);
          checkNumberRange(context, e);
        }
        checkDuplicates(context, entries);
      },
    };
  },
};

function checkOpenInbound(context: RuleContext, e: Entry): void {
  if (!some(e.egress, (v) => v === false) || !some(e.action, (v) => v === 'allow')) return;
  const world = e.cidr === 'unknown' ? undefined : e.cidr.values.find((c) => isWorld(c.value));
  if (!world || e.protocol === 'unknown') return;
  const all = e.protocol.values.find((p) => p.value === 'all');
  if (all) context.report({ path: all.path, messageId: 'openInbound', data: { number: numberText(e), cidr: world.value.text } });
}

function checkNumberRange(context: RuleContext, e: Entry): void {
  if (e.number === 'unknown') return;
  for (const n of e.number.values) {
    if (n.value < RULE_NUMBERS.min || n.value > RULE_NUMBERS.max) context.report({ path: n.path, messageId: 'numberRange', data: { number: n.value, ...RULE_NUMBERS } });
  }
}

/** Two entries of one NACL and direction with one rule number, unless different conditions may keep them apart. */
function checkDuplicates(context: RuleContext, entries: readonly Entry[]): void {
  const seen = new Map<string, Entry[]>();
  for (const e of entries) {
    const egress = single(e.egress);
    const number = single(e.number);
    if (e.acls === 'unknown' || new Set(e.acls).size !== 1 || e.acls[0] === OUTSIDE || !egress || !number) continue;
    const key = `${e.acls[0]}\u0000${egress.value}\u0000${number.value}`;
    const earlier = seen.get(key) ?? [];
    const clash = earlier.find((o) => o.condition === undefined || e.condition === undefined || o.condition === e.condition);
    if (clash) {
      const direction = egress.value ? 'Outbound' : 'Inbound';
      context.report({
        path: number.path,
        messageId: 'duplicateNumber',
        data: { direction, directionLower: direction.toLowerCase(), number: number.value, other: clash.id, acl: e.acls[0] },
      });
    }
    seen.set(key, [...earlier, e]);
  }
}
