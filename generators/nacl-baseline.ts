/**
 * `nacl-baseline`: a VPC with public and private subnets over 2 or 3 Availability Zones, an internet
 * gateway, route tables, optional NAT gateways, a custom network ACL per subnet tier and a baseline
 * security group; exports the VPC and subnet ids for application stacks.
 */
import { TemplateBuilder } from '../src/model/builder';
import type { Template } from '../src/model/template';
import { addNetworkAcl, privateTierRules, publicTierRules } from './builders/nacl';
import { addVpc, addVpcOutputs, MAX_VPC_PREFIX } from './builders/vpc';
import { kebab, Pattern, PatternOptionError, withDefaults } from './pattern';
import { checkChoice, checkCidr } from './validate';

/** Options of the `nacl-baseline` pattern. */
export interface NaclBaselineOptions {
  /** IPv4 CIDR block of the VPC, /16 to /25. Default `10.0.0.0/16`. */
  readonly vpcCidr: string;
  /** Availability Zones: 2 or 3. Default 2. */
  readonly azs: number;
  /** One NAT gateway per AZ for the private subnets. Default `false` (each costs per hour and per GB). */
  readonly nat: boolean;
}

const AZ_CHOICES = [2, 3] as const;

/** The `nacl-baseline` pattern. */
export const naclBaselinePattern: Pattern<NaclBaselineOptions> = {
  name: 'nacl-baseline',
  description: 'VPC with public/private subnets, a custom network ACL per tier and a baseline security group',
  options: {
    vpcCidr: { type: 'string', description: `IPv4 CIDR block of the VPC (/16 to /${MAX_VPC_PREFIX}); subnets are carved from it`, default: '10.0.0.0/16' },
    // No yargs `choices`: checkChoice compares as text, so `--azs 4` gets the same one-line error from the
    // CLI and the library whether the CLI passes the number or its text.
    azs: { type: 'number', description: `Availability Zones to spread the subnets over: ${AZ_CHOICES.join(' or ')}`, default: 2 },
    nat: {
      type: 'boolean',
      description: 'add one NAT gateway per AZ so private subnets reach the internet (off by default: NAT gateways are billed per hour and per GB)',
      default: false,
    },
  },
  build: (o) => [{ name: 'nacl-baseline', template: naclBaseline(o) }],
};

/** Validated options with defaults applied; throws `PatternOptionError` naming the bad option. */
function resolve(options: Partial<NaclBaselineOptions>): NaclBaselineOptions {
  const o = withDefaults(naclBaselinePattern, options);
  return {
    vpcCidr: checkCidr('vpcCidr', o.vpcCidr, 16, MAX_VPC_PREFIX),
    azs: checkChoice('azs', o.azs, AZ_CHOICES),
    nat: checkBoolean('nat', o.nat),
  };
}

function checkBoolean(option: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new PatternOptionError(`--${kebab(option)}`, `"${String(value)}" is not true or false`);
  return value;
}

function build(options: Partial<NaclBaselineOptions>, withNetworkAcls: boolean): Template {
  const o = resolve(options);
  const b = new TemplateBuilder(
    `VPC ${o.vpcCidr} over ${o.azs} AZs: public and private subnets${o.nat ? ', NAT gateways' : ''}` +
      (withNetworkAcls ? ', a network ACL per tier' : ' (without network ACLs)') +
      ' and a baseline security group (cfnkit nacl-baseline)',
  );
  const vpc = addVpc(b, { cidr: o.vpcCidr, azCount: o.azs, natGateways: o.nat });
  if (withNetworkAcls) {
    addNetworkAcl(b, 'PublicNetworkAcl', vpc.vpc, vpc.publicSubnets, publicTierRules(), 'public');
    addNetworkAcl(b, 'PrivateNetworkAcl', vpc.vpc, vpc.privateSubnets, privateTierRules(o.vpcCidr), 'private');
  }
  addVpcOutputs(b, vpc);
  return b.build();
}

/** Builds the `nacl-baseline` template. */
export function naclBaseline(options: Partial<NaclBaselineOptions> = {}): Template {
  return build(options, true);
}

/**
 * The `nacl-baseline` template without its network ACLs (same VPC, subnets, routes, security group and
 * exports). For deploy tests on emulators without `AWS::EC2::NetworkAcl`; not a CLI option.
 */
export function naclBaselineVpcOnly(options: Partial<NaclBaselineOptions> = {}): Template {
  return build(options, false);
}
