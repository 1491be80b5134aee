/**
 * Network ACLs per subnet tier: the entries as plain data, numbered per direction, then one
 * `AWS::EC2::NetworkAcl` with its `AWS::EC2::NetworkAclEntry` resources and subnet associations.
 *
 * Network ACLs are stateless, so every allowed request needs an entry for its response in the other
 * direction; responses go to the client's ephemeral port (1024-65535 covers Linux, Windows, NAT
 * gateways and Elastic Load Balancing). Traffic no entry allows hits the implicit final `*` deny entry.
 * See https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html
 */
import type { ResourceHandle, TemplateBuilder } from '../../src/model/builder';
import { ref, sub } from '../../src/model/intrinsics';

/** IP protocol numbers CloudFormation takes in `Protocol` (`-1` is all protocols). */
export const PROTOCOL = { all: -1, tcp: 6, udp: 17 } as const;

/** Ephemeral port range for response traffic. */
export const EPHEMERAL_PORTS: readonly [number, number] = [1024, 65535];

/** First rule number in each direction. */
export const RULE_NUMBER_START = 100;
/** Gap between rule numbers (100, 110, 120, …), leaving room to insert entries later. */
export const RULE_NUMBER_STEP = 10;
/** Highest rule number CloudFormation accepts (32767 is reserved for the default entry). */
export const RULE_NUMBER_MAX = 32766;

/** One network ACL entry before numbering. */
export interface AclRule {
  /** `true` for an outbound (egress) entry. */
  readonly egress: boolean;
  readonly protocol: keyof typeof PROTOCOL;
  readonly cidr: string;
  /** Inclusive port range; omitted for `all`. */
  readonly ports?: readonly [number, number];
}

/** An {@link AclRule} with its rule number. */
export interface NumberedAclRule extends AclRule {
  readonly ruleNumber: number;
}

const ANYWHERE = '0.0.0.0/0';
const tcp = (egress: boolean, cidr: string, from: number, to = from): AclRule => ({ egress, protocol: 'tcp', cidr, ports: [from, to] });

/**
 * Public tier: HTTP and HTTPS in from anywhere, HTTP and HTTPS out to anywhere, and ephemeral ports in
 * both directions for the responses (to inbound requests, and to requests the tier — or its NAT
 * gateways on behalf of the private tier — sends out).
 */
export function publicTierRules(): AclRule[] {
  return [
    tcp(false, ANYWHERE, 80),
    tcp(false, ANYWHERE, 443),
    tcp(false, ANYWHERE, ...EPHEMERAL_PORTS),
    tcp(true, ANYWHERE, 80),
    tcp(true, ANYWHERE, 443),
    tcp(true, ANYWHERE, ...EPHEMERAL_PORTS),
  ];
}

/**
 * Private tier: any traffic to and from the VPC CIDR block (which carries the responses to intra-VPC
 * requests both ways), ephemeral ports in from anywhere for the responses to outbound requests, and
 * HTTP/HTTPS out to anywhere — reachable through NAT gateways (`--nat`) or VPC gateway endpoints only.
 */
export function privateTierRules(vpcCidr: string): AclRule[] {
  return [
    { egress: false, protocol: 'all', cidr: vpcCidr },
    tcp(false, ANYWHERE, ...EPHEMERAL_PORTS),
    { egress: true, protocol: 'all', cidr: vpcCidr },
    tcp(true, ANYWHERE, 80),
    tcp(true, ANYWHERE, 443),
  ];
}

/** Numbers rules 100, 110, … per direction, keeping their order; throws past {@link RULE_NUMBER_MAX}. */
export function numberRules(rules: readonly AclRule[]): NumberedAclRule[] {
  const next = { inbound: RULE_NUMBER_START, outbound: RULE_NUMBER_START };
  return rules.map((rule) => {
    const direction = rule.egress ? 'outbound' : 'inbound';
    const ruleNumber = next[direction];
    if (ruleNumber > RULE_NUMBER_MAX) throw new Error(`network ACL rule number ${ruleNumber} exceeds ${RULE_NUMBER_MAX}`);
    next[direction] += RULE_NUMBER_STEP;
    return { ...rule, ruleNumber };
  });
}

/**
 * Adds network ACL `logicalId` to `vpc` with `rules` (all `allow`; anything else meets the implicit
 * deny) and associates it with `subnets`. Entries are `<logicalId>Inbound<n>` / `<logicalId>Outbound<n>`.
 */
export function addNetworkAcl(
  b: TemplateBuilder,
  logicalId: string,
  vpc: ResourceHandle<'AWS::EC2::VPC'>,
  subnets: ReadonlyArray<ResourceHandle<'AWS::EC2::Subnet'>>,
  rules: readonly AclRule[],
  name: string,
): ResourceHandle<'AWS::EC2::NetworkAcl'> {
  const acl = b.resource(logicalId, 'AWS::EC2::NetworkAcl', { VpcId: ref(vpc), Tags: [{ Key: 'Name', Value: sub(`\${AWS::StackName}-${name}`) }] });
  for (const rule of numberRules(rules)) {
    b.resource(`${logicalId}${rule.egress ? 'Outbound' : 'Inbound'}${rule.ruleNumber}`, 'AWS::EC2::NetworkAclEntry', {
      NetworkAclId: ref(acl),
      RuleNumber: rule.ruleNumber,
      Egress: rule.egress,
      Protocol: PROTOCOL[rule.protocol],
      RuleAction: 'allow',
      CidrBlock: rule.cidr,
      PortRange: rule.ports ? { From: rule.ports[0], To: rule.ports[1] } : undefined,
    });
  }
  for (const subnet of subnets) {
    b.resource(`${subnet.logicalId}NetworkAclAssociation`, 'AWS::EC2::SubnetNetworkAclAssociation', { SubnetId: ref(subnet), NetworkAclId: ref(acl) });
  }
  return acl;
}
