/** What every lint report formatter takes and returns: plain data in, one string out. */
import type { Finding, RuleMeta } from '../types';

/** The data a report is rendered from. */
export interface FormatInput {
  /** Findings of every file, in any order: formatters sort them. */
  readonly findings: readonly Finding[];
  /** Every file linted, clean ones included. */
  readonly files: readonly string[];
  /** Metadata of the rules, to describe the rules that fired (SARIF, docs links). */
  readonly rules: readonly RuleMeta[];
  /** cfnkit's version, as package.json has it. */
  readonly toolVersion: string;
}

/** How a report is rendered. */
export interface FormatOptions {
  /** ANSI colour in the text format; the CLI decides it with {@link shouldColor}. Other formats ignore it. */
  readonly color: boolean;
  /**
   * Directory that file names are shown relative to (SARIF URIs, annotations, headings). Files outside
   * it, and every file when it is not given, are shown as the findings name them.
   */
  readonly cwd?: string;
}

/** A report formatter: a pure function of its input, byte-identical for equal input. */
export type Formatter = (input: FormatInput, options: FormatOptions) => string;
