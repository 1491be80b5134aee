/**
 * `.cfnkit.yaml`: rules on/off, severity overrides, rule options, ignored paths. Found by searching
 * upward from the working directory, or named with `--config`.
 *
 * ```yaml
 * rules:
 *   unused-parameter: off
 *   long-dns-ttl: [warning, { maxWeightedTtl: 30 }]
 *   resource-type: { options: { allowTypes: ["MyOrg::*"] } }
 * ignore:
 *   - "vendor/**"
 * ```
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import type { RuleSetting } from './engine';
import type { Rule, Severity } from './types';

/** Configuration file names, in lookup order. */
export const CONFIG_NAMES = ['.cfnkit.yaml', '.cfnkit.yml'] as const;

/** A loaded configuration. */
export interface LintConfig {
  /** The file it came from, or undefined for defaults. */
  readonly file?: string;
  /** Rule settings by id. */
  readonly rules: { readonly [ruleId: string]: RuleSetting };
  /** Glob patterns (relative to the config file's folder) of paths not to lint. */
  readonly ignore: readonly string[];
  /** The folder `ignore` patterns are relative to. */
  readonly root: string;
}

/** A configuration file that cannot be used; the CLI exits 1 with this message. */
export class ConfigError extends Error {
  readonly code = 'invalid-config';
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** The config file that applies to `cwd`: the nearest `.cfnkit.yaml` at or above it. */
export function findConfig(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const file = join(dir, name);
      if (existsSync(file)) return file;
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

const SEVERITIES: ReadonlySet<string> = new Set(['error', 'warning', 'info']);

/** Loads and validates `file` against the known rules. Throws {@link ConfigError} naming file:line:col. */
export function loadConfig(file: string | undefined, rules: readonly Rule[], cwd: string = process.cwd()): LintConfig {
  if (file === undefined) return { rules: {}, ignore: [], root: cwd };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`cannot read config ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const doc = parseDocument(text, { prettyErrors: false });
  const where = (node: unknown) => {
    const range = (node as { range?: [number, number] } | undefined)?.range;
    if (!range) return file;
    const before = text.slice(0, range[0]).split('\n');
    return `${file}:${before.length}:${before[before.length - 1].length + 1}`;
  };
  if (doc.errors.length) {
    const e = doc.errors[0];
    throw new ConfigError(`${file}:${e.linePos?.[0].line ?? 1}:${e.linePos?.[0].col ?? 1}: invalid YAML: ${e.message.split('\n')[0]}`);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (e) {
    // e.g. an alias bomb: the yaml package refuses to expand it
    throw new ConfigError(`${file}: cannot read the config: ${(e as Error).message.split('\n')[0]}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ConfigError(`${file}: the config must be a mapping`);
  const known = new Map(rules.map((r) => [r.meta.id, r]));
  const out: { [id: string]: RuleSetting } = {};
  const top = data as { [key: string]: unknown };
  for (const key of Object.keys(top)) {
    if (key !== 'rules' && key !== 'ignore') throw new ConfigError(`${where(keyNode(doc.contents, key))}: unknown config key "${key}" (known: rules, ignore)`);
  }
  const ruleMap = top.rules ?? {};
  if (typeof ruleMap !== 'object' || ruleMap === null || Array.isArray(ruleMap)) throw new ConfigError(`${where(doc.get('rules', true))}: "rules" must be a mapping of rule id to setting`);
  for (const [id, raw] of Object.entries(ruleMap as { [id: string]: unknown })) {
    const rule = known.get(id);
    if (!rule) throw new ConfigError(`${where(keyNode(doc.get('rules', true), id))}: unknown rule "${id}" (see cfnkit rules)`);
    out[id] = ruleSetting(rule, raw, where(doc.getIn(['rules', id], true)));
  }
  const ignore = top.ignore ?? [];
  if (!Array.isArray(ignore) || !ignore.every((g) => typeof g === 'string')) throw new ConfigError(`${where(doc.get('ignore', true))}: "ignore" must be a list of glob patterns`);
  return { file, rules: out, ignore: ignore as string[], root: dirname(resolve(file)) };
}

/** The key node of `key` in a YAML mapping node (for positions), or the mapping itself. */
function keyNode(map: unknown, key: string): unknown {
  const items = (map as { items?: Array<{ key?: { value?: unknown } }> } | undefined)?.items;
  return items?.find((p) => p.key?.value === key)?.key ?? map;
}

function ruleSetting(rule: Rule, raw: unknown, at: string): RuleSetting {
  if (raw === 'off' || raw === false) return { enabled: false };
  if (raw === 'on' || raw === true) return { enabled: true };
  if (typeof raw === 'string') {
    if (!SEVERITIES.has(raw)) throw new ConfigError(`${at}: "${raw}" is not off, error, warning or info`);
    return { enabled: true, severity: raw as Severity };
  }
  if (Array.isArray(raw) && raw.length >= 1 && raw.length <= 2) {
    const base = ruleSetting(rule, raw[0], at);
    return raw.length === 2 ? { ...base, options: ruleOptions(rule, raw[1], at) } : base;
  }
  if (typeof raw === 'object' && raw !== null) {
    const { severity, options, ...rest } = raw as { severity?: unknown; options?: unknown };
    if (Object.keys(rest).length) throw new ConfigError(`${at}: unknown key "${Object.keys(rest)[0]}" (known: severity, options)`);
    const base = severity === undefined ? { enabled: true } : ruleSetting(rule, severity, at);
    return options === undefined ? base : { ...base, options: ruleOptions(rule, options, at) };
  }
  throw new ConfigError(`${at}: a rule setting is off, error, warning, info, [severity, options] or {severity, options}`);
}

function ruleOptions(rule: Rule, raw: unknown, at: string): { [name: string]: unknown } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(`${at}: options of ${rule.meta.id} must be a mapping`);
  for (const name of Object.keys(raw)) {
    if (!(name in rule.meta.options)) {
      const known = Object.keys(rule.meta.options);
      throw new ConfigError(`${at}: ${rule.meta.id} has no option "${name}"${known.length ? ` (known: ${known.join(', ')})` : ''}`);
    }
  }
  return raw as { [name: string]: unknown };
}
