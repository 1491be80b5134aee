/**
 * The report model every formatter renders: findings with display paths in a total order, grouped by
 * file, with the counts of the summary line. Sorting here, not in each formatter, keeps the formats in
 * agreement and the output independent of the input order.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Finding, RuleMeta, Severity } from '../types';
import type { FormatInput, FormatOptions } from './types';

/** The tool's name in reports. */
export const TOOL_NAME = 'cfnkit';

/** cfnkit's home page. */
export const INFORMATION_URI = 'https://github.com/cfnkit/cfnkit';

/** Where rule docs pages live; a page is `<id>.md` below it. */
export const RULE_DOCS_BASE = `${INFORMATION_URI}/blob/main/docs/rules/`;

/** The docs page of rule `ruleId`. */
export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE}${encodeURIComponent(ruleId)}.md`;
}

/** A finding as reports show it: `file` is the display path. */
export interface ReportFinding extends Finding {
  /** The path as the finding named it. */
  readonly sourceFile: string;
}

/** One file of the report. */
export interface FileReport {
  /** Display path: relative to `cwd` with forward slashes when inside it, else as given. */
  readonly file: string;
  /** Its findings, sorted. */
  readonly findings: readonly ReportFinding[];
}

/** Counts by severity. */
export interface Counts {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

/** What a formatter renders. */
export interface Report {
  /** Every finding, sorted by file, line, column, rule, end, message, path. */
  readonly findings: readonly ReportFinding[];
  /** Every file checked, sorted by display path; files with findings that were not listed are added. */
  readonly files: readonly FileReport[];
  /** Files that have findings, in order. */
  readonly filesWithFindings: readonly FileReport[];
  readonly counts: Counts;
  /** Rule metadata by id. */
  readonly rules: ReadonlyMap<string, RuleMeta>;
  readonly toolVersion: string;
}

/**
 * The display path of `file`: relative to `cwd` with `/` separators when it lies inside `cwd`; else
 * the name as given (`-` for stdin stays `-`).
 */
export function displayPath(file: string, cwd: string | undefined): string {
  if (cwd === undefined || file === '-') return file;
  const rel = relative(cwd, resolve(cwd, file));
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return file;
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/** Code-unit order: the same on every machine and locale, unlike `localeCompare`. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareFindings(a: ReportFinding, b: ReportFinding): number {
  return (
    compareStrings(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareStrings(a.ruleId, b.ruleId) ||
    a.endLine - b.endLine ||
    a.endColumn - b.endColumn ||
    compareStrings(a.message, b.message) ||
    compareStrings(a.path, b.path)
  );
}

/** Builds the report model of `input`. */
export function buildReport(input: FormatInput, options: FormatOptions): Report {
  const findings = input.findings
    .map((f): ReportFinding => ({ ...f, file: displayPath(f.file, options.cwd), sourceFile: f.file }))
    .sort(compareFindings);
  const byFile = new Map<string, ReportFinding[]>();
  for (const file of input.files) byFile.set(displayPath(file, options.cwd), []);
  for (const f of findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  const files = [...byFile.keys()].sort(compareStrings).map((file): FileReport => ({ file, findings: byFile.get(file)! }));
  const rules = new Map<string, RuleMeta>();
  for (const meta of input.rules) rules.set(meta.id, meta);
  return {
    findings,
    files,
    filesWithFindings: files.filter((f) => f.findings.length > 0),
    counts: countSeverities(findings),
    rules,
    toolVersion: input.toolVersion,
  };
}

/** Counts `findings` by severity. */
export function countSeverities(findings: readonly Finding[]): Counts {
  const n: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) n[f.severity]++;
  return { errors: n.error, warnings: n.warning, infos: n.info };
}

/** `1 error`, `2 errors`. */
export function plural(count: number, singular: string): string {
  return `${count} ${singular}${count === 1 ? '' : 's'}`;
}

/**
 * The summary line: `3 errors, 1 warning, 0 infos in 2 files (12 files checked)`, or
 * `no problems in 12 files` when clean.
 */
export function summaryText(report: Report): string {
  const { errors, warnings, infos } = report.counts;
  if (report.findings.length === 0) return `no problems in ${plural(report.files.length, 'file')}`;
  return (
    `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')} ` +
    `in ${plural(report.filesWithFindings.length, 'file')} (${plural(report.files.length, 'file')} checked)`
  );
}

/** Replaces unpaired UTF-16 surrogates with U+FFFD, so the text encodes (URIs, XML, UTF-8). */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** `\x1b`-style text for a control character, so it shows instead of acting on a terminal or parser. */
export function controlEscape(char: string): string {
  return `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`;
}
