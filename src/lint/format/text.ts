/**
 * The text report: a header line per file with findings, then one `file:line:col: severity ruleId
 * message` line per finding (the shape editors and problem matchers pick up), then the summary line.
 */
import type { Severity } from '../types';
import { palette, type Paint, type Palette } from './color';
import { buildReport, controlEscape, summaryText, wellFormed } from './report';
import type { Formatter } from './types';

/** Renders findings as text, in ANSI colour when `options.color`. */
export const formatText: Formatter = (input, options) => {
  const report = buildReport(input, options);
  const paint = palette(options.color);
  const severityPaint: { readonly [s in Severity]: Paint } = { error: paint.red, warning: paint.yellow, info: paint.blue };
  const lines: string[] = [];
  for (const file of report.filesWithFindings) {
    lines.push(paint.bold(paint.underline(textSafe(file.file))));
    for (const f of file.findings) {
      lines.push(
        `${paint.dim(`${textSafe(f.file)}:${f.line}:${f.column}:`)} ${severityPaint[f.severity](f.severity)} ` +
          `${paint.dim(f.ruleId)} ${textMessage(f.message)}`,
      );
    }
    lines.push('');
  }
  lines.push(summaryPaint(report.counts, paint)(summaryText(report)));
  return `${lines.join('\n')}\n`;
};

function summaryPaint(counts: { errors: number; warnings: number; infos: number }, paint: Palette): Paint {
  if (counts.errors > 0) return (t) => paint.bold(paint.red(t));
  if (counts.warnings > 0) return (t) => paint.bold(paint.yellow(t));
  if (counts.infos > 0) return (t) => paint.bold(paint.blue(t));
  return paint.green;
}

/**
 * Control characters shown as `\xNN`, so a message quoting template text cannot move the cursor or
 * recolour the terminal.
 */
function textSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return wellFormed(text).replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g, controlEscape);
}

/** A message on its finding's line; later lines of a multi-line message are indented beneath it. */
function textMessage(message: string): string {
  return message
    .split(/\r\n|\r|\n/)
    .map((line) => textSafe(line))
    .join('\n    ');
}
