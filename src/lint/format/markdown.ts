/**
 * The Markdown report for a pull-request comment, rendered from `templates/lint-report.md.hbs`: a title
 * with the counts, then per file a table (severity icon, line, rule linked to its docs page, message),
 * folded into `<details>` when the file has many findings. Every value is escaped here, for GitHub
 * Flavored Markdown table cells; the template prints them as they are.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../paths';
import type { Severity } from '../types';
import { buildReport, controlEscape, plural, ruleDocsUrl, summaryText, TOOL_NAME, wellFormed, type Report } from './report';
import type { Formatter } from './types';

/** A file's table is folded into `<details>` when it has more findings than this. */
export const MARKDOWN_COLLAPSE_ABOVE = 10;

/**
 * At most this many table rows in one report; the rest are counted, not listed, so the comment stays
 * under GitHub's 65,536-character limit for a comment body.
 */
export const MARKDOWN_MAX_ROWS = 250;

/** The hidden marker a CI job can look for to update its previous comment instead of adding one. */
export const MARKDOWN_MARKER = '<!-- cfnkit-lint-report -->';

const ICON: { readonly [s in Severity]: string } = { error: '❌', warning: '⚠️', info: 'ℹ️' };

/** What the template receives. */
interface View {
  readonly marker: string;
  readonly title: string;
  readonly clean: boolean;
  readonly checked: string;
  readonly summary: string;
  readonly files: readonly FileView[];
  readonly footer: string;
}

interface FileView {
  readonly headingPath: string;
  readonly summaryPath: string;
  readonly count: string;
  readonly collapsed: boolean;
  readonly rows: readonly RowView[];
  readonly omitted: string;
}

interface RowView {
  readonly icon: string;
  readonly line: number;
  readonly rule: string;
  readonly message: string;
}

let template: ((view: View) => string) | undefined;

function compiled(): (view: View) => string {
  if (!template) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Handlebars = require('handlebars') as typeof import('handlebars');
    const source = readFileSync(join(packageRoot(), 'templates', 'lint-report.md.hbs'), 'utf8');
    template = Handlebars.compile<View>(source, { noEscape: true, strict: true });
  }
  return template;
}

/** Renders findings as a Markdown pull-request comment. */
export const formatMarkdown: Formatter = (input, options) => compiled()(view(buildReport(input, options)));

function view(report: Report): View {
  let budget = MARKDOWN_MAX_ROWS;
  const files = report.filesWithFindings.map((file): FileView => {
    const shown = file.findings.slice(0, Math.max(0, budget));
    budget -= shown.length;
    const hidden = file.findings.length - shown.length;
    return {
      headingPath: codeSpan(file.file),
      summaryPath: escapeHtml(file.file),
      count: plural(file.findings.length, 'finding'),
      collapsed: file.findings.length > MARKDOWN_COLLAPSE_ABOVE,
      rows: shown.map((f) => ({
        icon: ICON[f.severity],
        line: f.line,
        rule: report.rules.has(f.ruleId) ? `[${escapeMarkdown(f.ruleId)}](${ruleDocsUrl(f.ruleId)})` : escapeMarkdown(f.ruleId),
        message: escapeMarkdown(f.message),
      })),
      omitted: hidden > 0 ? `… and ${plural(hidden, 'more finding')} not shown here.` : '',
    };
  });
  const clean = report.findings.length === 0;
  return {
    marker: MARKDOWN_MARKER,
    title: clean ? `${TOOL_NAME} lint: no problems` : `${TOOL_NAME} lint: ${summaryText(report)}`,
    clean,
    checked: plural(report.files.length, 'file'),
    summary: summaryLead(report),
    files,
    footer: `${TOOL_NAME} ${escapeMarkdown(report.toolVersion)}`,
  };
}

function summaryLead(report: Report): string {
  const { errors, warnings, infos } = report.counts;
  const parts = [
    errors > 0 ? `${ICON.error} ${plural(errors, 'error')}` : '',
    warnings > 0 ? `${ICON.warning} ${plural(warnings, 'warning')}` : '',
    infos > 0 ? `${ICON.info} ${plural(infos, 'info')}` : '',
  ].filter((p) => p !== '');
  return parts.join(' · ');
}

/**
 * Escapes text for a GFM table cell: HTML-active `&`, `<`, `>` as entities; with a backslash the cell
 * separator `|` and the punctuation that can open emphasis, code, links, strikethrough or math (`$`:
 * GitHub renders `$…$` as LaTeX, and CloudFormation's `${AWS::Region}` would trigger it); line breaks as
 * `<br>`, keeping the next line's indentation as `&nbsp;`; control characters as `\xNN`. Block syntax
 * (`#`, `-`, `1.`) needs nothing: a cell never starts a line.
 */
export function escapeMarkdown(text: string): string {
  return wellFormed(text)
    .split(/\r\n|\r|\n/)
    .map((line, i) => {
      // eslint-disable-next-line no-control-regex
      const escaped = line.replace(/[\u0000-\u001f\u007f-\u009f]|[\\`*_[\]|~$&<>]/g, escapeMarkdownChar);
      return i === 0 ? escaped : escaped.replace(/^ +/, (spaces) => '&nbsp;'.repeat(spaces.length));
    })
    .join('<br>');
}

function escapeMarkdownChar(c: string): string {
  if (c === '&') return '&amp;';
  if (c === '<') return '&lt;';
  if (c === '>') return '&gt;';
  const code = c.charCodeAt(0);
  // A control character as the text `\xNN`, its backslash escaped for Markdown.
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return `\\${controlEscape(c)}`;
  return `\\${c}`;
}

/** Escapes text for HTML element content. */
function escapeHtml(text: string): string {
  return wellFormed(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** A code span around `text`, its fence longer than any run of backticks inside. */
function codeSpan(text: string): string {
  const flat = wellFormed(text).replace(/[\r\n]+/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
