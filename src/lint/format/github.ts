/**
 * GitHub Actions workflow-command annotations, one line per finding:
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=cfnkit <ruleId>::<message>`, then the
 * summary line as plain log text. Escaping follows @actions/core (packages/core/src/command.ts):
 * data escapes `%`, CR and LF; property values also `:` and `,`.
 * https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions#setting-an-error-message
 */
import type { Severity } from '../types';
import { buildReport, summaryText, TOOL_NAME, wellFormed } from './report';
import type { Formatter } from './types';

const COMMAND: { readonly [s in Severity]: string } = { error: 'error', warning: 'warning', info: 'notice' };

/** Escapes a workflow command's message. */
export function escapeData(text: string): string {
  return wellFormed(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Renders findings as GitHub Actions annotations. */
export const formatGithub: Formatter = (input, options) => {
  const report = buildReport(input, options);
  const lines = report.findings.map((f) => {
    const properties: Array<[string, string | number]> = [
      ['file', f.file],
      ['line', f.line],
      ['col', f.column],
      ['endLine', f.endLine],
      ['endColumn', f.endColumn],
      ['title', `${TOOL_NAME} ${f.ruleId}`],
    ];
    const props = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
    return `::${COMMAND[f.severity]} ${props}::${escapeData(f.message)}`;
  });
  lines.push(`${TOOL_NAME}: ${summaryText(report)}`);
  return `${lines.join('\n')}\n`;
};
