/**
 * The SARIF 2.1.0 report, in the shape GitHub code scanning ingests: one run, the rules that fired as
 * `tool.driver.rules`, results located by `%SRCROOT%`-relative URIs, and partial fingerprints that do
 * not depend on the line, so an alert follows its finding across edits.
 * https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 * https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning
 */
import { isAbsolute, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RuleMeta, Severity } from '../types';
import { buildReport, compareStrings, INFORMATION_URI, ruleDocsUrl, TOOL_NAME, wellFormed, type Report, type ReportFinding } from './report';
import type { FormatOptions, Formatter } from './types';

/** The `$schema` the log names. */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The URI base id of result locations; GitHub resolves it to the repository checkout. */
export const SRCROOT = '%SRCROOT%';

/** Key of cfnkit's fingerprint in `result.partialFingerprints`; bump the version if the recipe changes. */
export const FINGERPRINT_KEY = 'cfnkitFindingHash/v1';

const LEVEL: { readonly [s in Severity]: 'error' | 'warning' | 'note' } = { error: 'error', warning: 'warning', info: 'note' };

/** Renders findings as a SARIF 2.1.0 log. */
export const formatSarif: Formatter = (input, options) => {
  const report = buildReport(input, options);
  const rules = driverRules(report);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const occurrences = new Map<string, number>();
  const results = report.findings.map((f) => {
    const key = fingerprint(f);
    const n = (occurrences.get(key) ?? 0) + 1;
    occurrences.set(key, n);
    return {
      ruleId: f.ruleId,
      ruleIndex: index.get(f.ruleId)!,
      level: LEVEL[f.severity],
      message: { text: messageText(f.message) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(f, options),
            region: region(f),
          },
        },
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: `${key}:${n}` },
      properties: { resource: f.resource, path: f.path },
    };
  });
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: report.toolVersion,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        // Columns count UTF-16 code units: the parser's offsets are JavaScript string indices.
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

interface DriverRule {
  readonly id: string;
  readonly name: string;
  readonly shortDescription: { readonly text: string };
  readonly fullDescription?: { readonly text: string };
  readonly helpUri?: string;
  readonly defaultConfiguration: { readonly level: 'error' | 'warning' | 'note' };
  readonly properties: { readonly tags: readonly string[] };
}

/** The rules that fired, sorted by id; a rule without metadata (`internal-error`) gets a minimal one. */
function driverRules(report: Report): DriverRule[] {
  const fired = new Map<string, ReportFinding>();
  for (const f of report.findings) if (!fired.has(f.ruleId)) fired.set(f.ruleId, f);
  return [...fired.keys()].sort(compareStrings).map((id) => {
    const meta = report.rules.get(id);
    return meta ? describeRule(meta) : unknownRule(id, fired.get(id)!.severity);
  });
}

function describeRule(meta: RuleMeta): DriverRule {
  return {
    id: meta.id,
    name: ruleName(meta.id),
    shortDescription: { text: meta.description },
    ...(meta.cfnLint.length > 0
      ? { fullDescription: { text: `${meta.description}. Overlaps cfn-lint ${meta.cfnLint.join(', ')}.` } }
      : {}),
    helpUri: ruleDocsUrl(meta.id),
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: { tags: [meta.category] },
  };
}

function unknownRule(id: string, severity: Severity): DriverRule {
  return {
    id,
    name: ruleName(id),
    shortDescription: { text: id },
    defaultConfiguration: { level: LEVEL[severity] },
    properties: { tags: ['internal'] },
  };
}

/** `parse-duplicate-key` → `ParseDuplicateKey`: SARIF's rule name is an identifier-like friendly name. */
function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

/**
 * Plain-text message: `{` and `}` doubled, as SARIF §3.11.5 requires of every message string (single
 * braces delimit placeholders), so `${AWS::Region}` is not taken for one.
 */
function messageText(message: string): string {
  const text = wellFormed(message).replace(/[{}]/g, (brace) => brace + brace);
  return text === '' ? '(no message)' : text;
}

/**
 * Where the finding's file is: a `%SRCROOT%`-relative URI reference (segments percent-encoded) when its
 * display path is relative and stays below the root, else an absolute `file:` URI.
 */
function artifactLocation(f: ReportFinding, options: FormatOptions): { uri: string; uriBaseId?: string } {
  const file = sep === '\\' ? f.file.replace(/\\/g, '/') : f.file;
  if (!isAbsolute(f.file) && file !== '..' && !file.startsWith('../')) {
    return { uri: file.split('/').map((segment) => encodeURIComponent(wellFormed(segment))).join('/'), uriBaseId: SRCROOT };
  }
  return { uri: pathToFileURL(resolve(options.cwd ?? process.cwd(), wellFormed(f.sourceFile))).href };
}

/** The region; SARIF needs positive numbers and an end that does not precede the start. */
function region(f: ReportFinding): { startLine: number; startColumn: number; endLine: number; endColumn: number } {
  const startLine = Math.max(1, f.line);
  const startColumn = Math.max(1, f.column);
  const endLine = Math.max(startLine, f.endLine);
  const endColumn = endLine === startLine ? Math.max(startColumn, f.endColumn) : Math.max(1, f.endColumn);
  return { startLine, startColumn, endLine, endColumn };
}

/**
 * A hash of rule, file, template path and message — not the line, so an alert keeps its identity when
 * lines above it move. Identical findings in one file get `:1`, `:2`… in report order.
 */
function fingerprint(f: ReportFinding): string {
  // node:crypto loads a dozen internal modules: only when a SARIF report is written (issue 3, cold start)
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(`${f.ruleId}\u0000${f.file}\u0000${f.path}\u0000${f.message}`, 'utf8').digest('hex').slice(0, 32);
}
