/**
 * Suppressions a template carries itself, applied after the rules ran:
 * - `Metadata: {cfnkit: {ignore: [ids]}}` at template level (whole file) or on a resource (its findings);
 *   an entry may be `{rule: id, reason: "…"}` to record why;
 * - cfn-lint's `Metadata: {cfn-lint: {config: {ignore_checks: [E3002, …]}}}`, for rules that declare the
 *   cfn-lint ids they overlap (prefix match, as cfn-lint does);
 * - comments `# cfnkit-disable-next-line id[, id]` and `# cfnkit-disable-line id` (no id: every rule).
 */
import type { ParsedTemplate } from '../parse';
import type { Finding, Rule } from './types';
import { isPlainObject } from './walk';

interface IgnoreSet {
  readonly ids: ReadonlySet<string>;
  readonly cfnLint: readonly string[];
}

/** Drops findings suppressed by the template itself. */
export function applySuppressions(findings: Finding[], parsed: ParsedTemplate, rules: readonly Rule[]): Finding[] {
  const template = parsed.template;
  if (findings.length === 0) return findings;
  const overlaps = new Map(rules.map((r) => [r.meta.id, r.meta.cfnLint]));
  const top = template ? ignoresOf(template.Metadata) : undefined;
  const perResource = new Map<string, IgnoreSet>();
  if (template && isPlainObject(template.Resources)) {
    for (const [id, res] of Object.entries(template.Resources)) {
      if (isPlainObject(res)) perResource.set(id, ignoresOf((res as { Metadata?: unknown }).Metadata));
    }
  }
  const lines = parsed.text.includes('cfnkit-disable') ? commentDirectives(parsed.text) : undefined;

  const ignoredBy = (set: IgnoreSet | undefined, f: Finding) =>
    set !== undefined && (set.ids.has(f.ruleId) || set.ids.has('*') || (overlaps.get(f.ruleId) ?? []).some((id) => set.cfnLint.some((c) => id.startsWith(c))));

  return findings.filter((f) => {
    if (ignoredBy(top, f)) return false;
    if (f.resource !== null && f.path.startsWith('Resources/') && ignoredBy(perResource.get(f.resource), f)) return false;
    const onLine = lines?.get(f.line);
    if (onLine && (onLine.has('*') || onLine.has(f.ruleId))) return false;
    return true;
  });
}

function ignoresOf(metadata: unknown): IgnoreSet {
  const ids = new Set<string>();
  const cfnLint: string[] = [];
  if (isPlainObject(metadata)) {
    const own = metadata.cfnkit;
    if (isPlainObject(own) && Array.isArray(own.ignore)) {
      for (const entry of own.ignore) {
        if (typeof entry === 'string') ids.add(entry);
        else if (isPlainObject(entry) && typeof entry.rule === 'string') ids.add(entry.rule);
      }
    }
    const theirs = metadata['cfn-lint'];
    if (isPlainObject(theirs) && isPlainObject(theirs.config)) {
      const checks = theirs.config.ignore_checks;
      if (Array.isArray(checks)) for (const c of checks) if (typeof c === 'string') cfnLint.push(c);
    }
  }
  return { ids, cfnLint };
}

const DIRECTIVE = /#\s*cfnkit-disable-(next-line|line)\b([^\n#]*)/;

/** Line number → rule ids (or '*') disabled there by comments. */
function commentDirectives(text: string): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, i) => {
    const m = DIRECTIVE.exec(line);
    if (!m) return;
    const words = m[2].split(/[\s,]+/).filter(Boolean);
    const reasonAt = words.indexOf('--'); // `# cfnkit-disable-line id -- reason` keeps the reason out of the ids
    const list = reasonAt >= 0 ? words.slice(0, reasonAt) : words;
    const target = m[1] === 'line' ? i + 1 : i + 2;
    const set = out.get(target) ?? new Set<string>();
    if (list.length === 0) set.add('*');
    for (const id of list) set.add(id);
    out.set(target, set);
  });
  return out;
}
