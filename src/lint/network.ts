/**
 * Protocols, ports and CIDR blocks as security group rules and network ACL entries state them, for the
 * rules that reason about what traffic a template lets through.
 */
import { integerOf } from './alternatives';

/** An IP protocol in a normal form: `all` (-1), `tcp`, `udp`, `icmp`, `icmpv6`, or `other`. */
export type Protocol = 'all' | 'tcp' | 'udp' | 'icmp' | 'icmpv6' | 'other';

const PROTOCOL_NAMES: { readonly [name: string]: Protocol } = { '-1': 'all', all: 'all', tcp: 'tcp', '6': 'tcp', udp: 'udp', '17': 'udp', icmp: 'icmp', '1': 'icmp', icmpv6: 'icmpv6', '58': 'icmpv6' };

/**
 * The protocol a literal `IpProtocol` / `Protocol` value names: -1 (number or string) and `all` are every
 * protocol; names and numbers for tcp (6), udp (17), icmp (1) and icmpv6 (58), case-insensitive; other
 * protocol numbers are `other`. Undefined for anything that is not a literal protocol.
 */
export function protocolOf(value: unknown): Protocol | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const key = String(value).trim().toLowerCase();
  const known = PROTOCOL_NAMES[key];
  if (known) return known;
  return integerOf(key) !== undefined && Number(key) >= 0 && Number(key) <= 255 ? 'other' : undefined;
}

/** A parsed CIDR block: its address family, the address as a bigint and the prefix length. */
export interface Cidr {
  readonly family: 4 | 6;
  readonly address: bigint;
  readonly prefix: number;
  readonly text: string;
}

/** Parses an IPv4 or IPv6 CIDR block (`10.0.0.0/16`, `::/0`, `2001:db8::/32`); undefined when it is not one. */
export function parseCidr(value: unknown): Cidr | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const m = /^([^/\s]+)\/(\d{1,3})$/.exec(text);
  if (!m) return undefined;
  const prefix = Number(m[2]);
  if (m[1].includes(':')) {
    const address = parseIpv6(m[1]);
    return address === undefined || prefix > 128 ? undefined : { family: 6, address, prefix, text };
  }
  const parts = m[1].split('.');
  if (parts.length !== 4 || prefix > 32) return undefined;
  let address = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    address = (address << 8n) | BigInt(Number(p));
  }
  return { family: 4, address, prefix, text };
}

function parseIpv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  const fill = 8 - head.length - tail.length;
  if (halves.length === 1 ? head.length !== 8 : fill < 1) return undefined;
  const all = [...head, ...Array<string>(halves.length === 2 ? fill : 0).fill('0'), ...tail];
  let address = 0n;
  for (const g of all) {
    if (!/^[0-9a-f]{1,4}$/i.test(g)) return undefined;
    address = (address << 16n) | BigInt(parseInt(g, 16));
  }
  return address;
}

/** True for a block that holds every address of its family (`0.0.0.0/0`, `::/0`). */
export function isWorld(cidr: Cidr | undefined): boolean {
  return cidr !== undefined && cidr.prefix === 0;
}

/** True when block `outer` holds every address of block `inner` (same family only). */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  if (outer.family !== inner.family || outer.prefix > inner.prefix) return false;
  const bits = BigInt(outer.family === 4 ? 32 : 128);
  const shift = bits - BigInt(outer.prefix);
  return outer.address >> shift === inner.address >> shift;
}

/** An inclusive port range. */
export interface PortRange {
  readonly from: number;
  readonly to: number;
}

/** True when `range` holds `port`. */
export function coversPort(range: PortRange, port: number): boolean {
  return range.from <= port && port <= range.to;
}

/** A literal port (integer 0–65535, or a string holding one); undefined otherwise. */
export function portOf(value: unknown): number | undefined {
  const n = integerOf(value);
  return n !== undefined && n >= 0 && n <= 65535 ? n : undefined;
}
