/** Option validators shared by the patterns; each throws {@link PatternOptionError} naming the option. */
import { PatternOptionError, kebab } from './pattern';

/** An IPv4 CIDR block `a.b.c.d/n` with `min <= n <= max` and no host bits set. */
export function checkCidr(option: string, value: unknown, min = 16, max = 28): string {
  const flag = `--${kebab(option)}`;
  const m = typeof value === 'string' ? /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(value) : null;
  if (!m) throw new PatternOptionError(flag, `"${String(value)}" is not an IPv4 CIDR block (expected a.b.c.d/n, e.g. 10.0.0.0/16)`);
  const octets = m.slice(1, 5).map(Number);
  const bits = Number(m[5]);
  if (octets.some((o) => o > 255)) throw new PatternOptionError(flag, `"${value}" has an octet above 255`);
  if (bits < min || bits > max) throw new PatternOptionError(flag, `"${value}": prefix length must be /${min} to /${max}`);
  const addr = ((octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3]) >>> 0;
  const hostMask = bits === 0 ? 0xffffffff : (2 ** (32 - bits) - 1) >>> 0;
  if ((addr & hostMask) !== 0) throw new PatternOptionError(flag, `"${value}" has host bits set (the network address must end the prefix)`);
  return value as string;
}

/** An integer in `[min, max]`. */
export function checkInt(option: string, value: unknown, min: number, max: number): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
    throw new PatternOptionError(`--${kebab(option)}`, `"${String(value)}" is not an integer from ${min} to ${max}`);
  }
  return n;
}

/** One of `choices`. */
export function checkChoice<T extends string | number>(option: string, value: unknown, choices: readonly T[]): T {
  const hit = choices.find((c) => String(c) === String(value));
  if (hit === undefined) throw new PatternOptionError(`--${kebab(option)}`, `"${String(value)}" is not one of ${choices.join(', ')}`);
  return hit;
}

/** A name usable in logical ids and resource names: letters and digits, starting with a letter. */
export function checkName(option: string, value: unknown, maxLength = 32): string {
  if (typeof value !== 'string' || !/^[A-Za-z][A-Za-z0-9]*$/.test(value) || value.length > maxLength) {
    throw new PatternOptionError(`--${kebab(option)}`, `"${String(value)}" must be 1-${maxLength} letters and digits, starting with a letter`);
  }
  return value;
}
