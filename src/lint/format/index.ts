/**
 * Lint report formatters: pure functions from findings (plain data) to one string per format, and the
 * registry the CLI picks from.
 *
 * ```ts
 * const out = formatFindings('sarif', { findings, files, rules: RULES.map((r) => r.meta), toolVersion }, { color: false, cwd });
 * ```
 */
import { formatGithub } from './github';
import { formatJson } from './json';
import { formatJunit } from './junit';
import { formatMarkdown } from './markdown';
import { formatSarif } from './sarif';
import { formatText } from './text';
import type { FormatInput, FormatOptions, Formatter } from './types';

/** Every report format by name. */
export const FORMATS = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  junit: formatJunit,
  github: formatGithub,
  markdown: formatMarkdown,
} as const satisfies { readonly [name: string]: Formatter };

/** A report format's name. */
export type FormatName = keyof typeof FORMATS;

/** The format names, in registry order (`text` first: the default). */
export const FORMAT_NAMES = Object.keys(FORMATS) as readonly FormatName[];

/** Whether `name` is a report format. */
export function isFormatName(name: string): name is FormatName {
  return Object.prototype.hasOwnProperty.call(FORMATS, name);
}

/** Renders `input` in format `name`. */
export function formatFindings(name: FormatName, input: FormatInput, options: FormatOptions): string {
  return FORMATS[name](input, options);
}

/**
 * Renders `input` in the format named by a string (a CLI argument); throws a `RangeError` naming the
 * known formats for any other name.
 */
export function formatReport(name: string, input: FormatInput, options: FormatOptions): string {
  if (!isFormatName(name)) throw new RangeError(`unknown report format "${name}" (expected one of: ${FORMAT_NAMES.join(', ')})`);
  return FORMATS[name](input, options);
}

export { shouldColor } from './color';
export type { OutputStream } from './color';
export { escapeData, escapeProperty } from './github';
export { escapeMarkdown, MARKDOWN_COLLAPSE_ABOVE, MARKDOWN_MARKER, MARKDOWN_MAX_ROWS } from './markdown';
export { displayPath, INFORMATION_URI, RULE_DOCS_BASE, ruleDocsUrl, summaryText } from './report';
export { FINGERPRINT_KEY, SARIF_SCHEMA_URI } from './sarif';
export { formatGithub, formatJson, formatJunit, formatMarkdown, formatSarif, formatText };
export type { FormatInput, FormatOptions, Formatter } from './types';
