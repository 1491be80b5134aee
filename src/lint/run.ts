/**
 * Lints many files: reads each (stdin for `-`), skips quietly what a directory search found that is not
 * a template, and isolates failures — an unreadable file, a crash inside the engine or a file that
 * runs out of its time budget becomes one finding for that file and the run goes on (issue 6).
 */
import { parseTemplate } from '../parse';
import { readTemplateBytes } from '../parse/read-file';
import { specIndex } from '../spec';
import { BudgetExceeded, withinBudget } from './budget';
import type { LintConfig } from './config';
import { INTERNAL_ERROR, lintParsed } from './engine';
import type { LintTarget } from './files';
import { looksLikeTemplate } from './files';
import type { Finding, Rule } from './types';

/** Result of linting several files. */
export interface LintRun {
  readonly findings: Finding[];
  /** Every file linted (clean ones included), in order. */
  readonly files: string[];
}

/** Default of {@link RunOptions.timeoutMs}: 30 s, a hundred times what the largest real templates take. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** Options of {@link lintTargets}. */
export interface RunOptions {
  readonly rules: readonly Rule[];
  readonly config: LintConfig;
  /**
   * Time budget per file in milliseconds (reading excluded); a file over it gets one `internal-error`
   * finding (message id `timeout`). 0 turns the budget off. Default {@link DEFAULT_TIMEOUT_MS}.
   */
  readonly timeoutMs?: number;
  /** Reads a file (stdin is `-`); tests inject failures here. */
  readonly read?: (file: string) => Buffer;
}

const decoder = new TextDecoder('utf-8', { fatal: false });

/** Lints `targets` one after the other. */
export function lintTargets(targets: readonly LintTarget[], options: RunOptions): LintRun {
  const findings: Finding[] = [];
  const files: string[] = [];
  const read = options.read ?? readTemplateBytes;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (timeoutMs > 0) specIndex().resourceTypes(); // loaded outside the budget: a stop half-way would leave it half-built
  for (const target of targets) {
    let bytes: Buffer;
    try {
      bytes = read(target.file);
    } catch (e) {
      files.push(target.file);
      findings.push(fileFinding(target.file, 'parse-syntax', 'unreadable', `cannot read ${target.file}: ${describeReadError(e)}`));
      continue;
    }
    if (target.sniff && !looksLikeTemplate(decoder.decode(bytes.subarray(0, 200_000)))) continue;
    files.push(target.file);
    for (const f of lintFile(bytes, target.file, options.rules, options.config, timeoutMs)) findings.push(f);
  }
  return { findings, files };
}

/** One file's findings; a crash or a blown budget is one `internal-error` finding. */
function lintFile(bytes: Buffer, file: string, rules: readonly Rule[], config: LintConfig, timeoutMs: number): Finding[] {
  try {
    return withinBudget(timeoutMs, () => lintParsed(parseTemplate(bytes), file, { rules, settings: config.rules }));
  } catch (e) {
    if (e instanceof BudgetExceeded) return [timeoutFinding(file, timeoutMs)];
    return [fileFinding(file, INTERNAL_ERROR, 'crash', `cfnkit failed on this file: ${e instanceof Error ? e.message : String(e)}`)];
  }
}

/** The finding for a file that ran out of its time budget. */
export function timeoutFinding(file: string, timeoutMs: number): Finding {
  return fileFinding(file, INTERNAL_ERROR, 'timeout', `linting this file took longer than ${timeoutMs / 1000} s and was stopped (--timeout)`);
}

/** A finding about a whole file, at 1:1. */
export function fileFinding(file: string, ruleId: string, messageId: string, message: string): Finding {
  return { file, ruleId, severity: 'error', message, messageId, resource: null, path: '', line: 1, column: 1, endLine: 1, endColumn: 1 };
}

function describeReadError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return err.code ?? err.message;
  }
}
