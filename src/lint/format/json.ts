/**
 * The JSON report: `{"findings":[…],"summary":{…}}` with a fixed key order, 2-space indent and a
 * trailing newline. `messageId` stays out: it is the rule's internal key, not part of the contract.
 */
import { buildReport } from './report';
import type { Formatter } from './types';

/** Renders findings as JSON. */
export const formatJson: Formatter = (input, options) => {
  const report = buildReport(input, options);
  const out = {
    findings: report.findings.map((f) => ({
      file: f.file,
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      resource: f.resource,
      path: f.path,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
    })),
    summary: {
      files: report.files.length,
      errors: report.counts.errors,
      warnings: report.counts.warnings,
      infos: report.counts.infos,
    },
  };
  return `${JSON.stringify(out, null, 2)}\n`;
};
