/**
 * The JUnit XML report that GitLab, Jenkins and Azure Pipelines read: a `<testsuite>` per file checked,
 * a `<testcase>` per rule that fired in it (its findings in one `<failure>`, as several `<failure>`s
 * in one test case are dropped or garbled by some readers), and one passing `<testcase>` for a clean
 * file. No timestamps or host names: the same findings give the same bytes.
 */
import type { Severity } from '../types';
import { buildReport, plural, TOOL_NAME, type FileReport, type ReportFinding } from './report';
import type { Formatter } from './types';
import { xmlAttr, xmlText } from './xml';

/** Name of the passing test case of a clean file. */
export const JUNIT_CLEAN_CASE = 'no problems';

const RANK: { readonly [s in Severity]: number } = { error: 0, warning: 1, info: 2 };

/** Renders findings as JUnit XML. */
export const formatJunit: Formatter = (input, options) => {
  const report = buildReport(input, options);
  const suites = report.files.map(suite);
  const tests = suites.reduce((n, s) => n + s.tests, 0);
  const failures = suites.reduce((n, s) => n + s.failures, 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${TOOL_NAME}" tests="${tests}" failures="${failures}" errors="0" time="0">`,
    ...suites.flatMap((s) => s.lines),
    '</testsuites>',
  ];
  return `${lines.join('\n')}\n`;
};

function suite(file: FileReport): { tests: number; failures: number; lines: string[] } {
  const byRule = new Map<string, ReportFinding[]>();
  for (const f of file.findings) {
    const list = byRule.get(f.ruleId);
    if (list) list.push(f);
    else byRule.set(f.ruleId, [f]);
  }
  const name = xmlAttr(file.file);
  const cases =
    byRule.size === 0
      ? [`    <testcase name="${xmlAttr(JUNIT_CLEAN_CASE)}" classname="${name}" time="0"/>`]
      : [...byRule.keys()].sort().flatMap((ruleId) => failingCase(file.file, ruleId, byRule.get(ruleId)!));
  const tests = Math.max(1, byRule.size);
  return {
    tests,
    failures: byRule.size,
    lines: [
      `  <testsuite name="${name}" tests="${tests}" failures="${byRule.size}" errors="0" skipped="0" time="0">`,
      ...cases,
      '  </testsuite>',
    ],
  };
}

function failingCase(file: string, ruleId: string, findings: readonly ReportFinding[]): string[] {
  const first = findings[0]!;
  const worst = findings.reduce((w, f) => (RANK[f.severity] < RANK[w] ? f.severity : w), first.severity);
  const message = `${first.line}:${first.column} ${first.message}${findings.length > 1 ? ` (and ${plural(findings.length - 1, 'more finding')})` : ''}`;
  const body = findings.map((f) => `${file}:${f.line}:${f.column}: ${f.severity} ${f.ruleId} ${f.message}`).join('\n');
  return [
    `    <testcase name="${xmlAttr(ruleId)}" classname="${xmlAttr(file)}" time="0">`,
    `      <failure type="${worst}" message="${xmlAttr(message)}">${xmlText(body)}</failure>`,
    '    </testcase>',
  ];
}
