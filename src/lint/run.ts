/**
 * Lints many files: reads each (stdin for `-`), skips quietly what a directory search found that is not
 * a template, and isolates failures — an unreadable file, a crash inside the engine or a file that
 * runs out of its time budget becomes one finding for that file and the run goes on (issue 6).
 */
import { parseTemplate } from '../parse';
import { readTemplateBytes } from '../parse/read-file';
import { BudgetExceeded, withinBudget } from './budget';
import type { LintConfig } from './config';
import { INTERNAL_ERROR, fileFinding, lintParsed, timeoutFinding } from './engine';
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

/**
 * Files are read this far ahead of the one being linted (at most this many, or this many bytes): the
 * budget is armed once for several files (see {@link lintBatch}), and reading stays outside it.
 */
const READ_AHEAD_FILES = 64;
const READ_AHEAD_BYTES = 8 << 20;

/** Lints `targets` one after the other. */
export function lintTargets(targets: readonly LintTarget[], options: RunOptions): LintRun {
  const findings: Finding[] = [];
  const files: string[] = [];
  const read = options.read ?? readTemplateBytes;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let batch: Array<{ file: string; bytes: Buffer }> = [];
  let batchBytes = 0;
  const flush = () => {
    for (const result of lintBatch(batch, options.rules, options.config, timeoutMs)) for (const f of result) findings.push(f);
    batch = [];
    batchBytes = 0;
  };
  for (const target of targets) {
    let bytes: Buffer;
    try {
      bytes = read(target.file);
    } catch (e) {
      flush(); // findings stay in file order
      files.push(target.file);
      findings.push(fileFinding(target.file, 'parse-syntax', 'unreadable', `cannot read ${target.file}: ${describeReadError(e)}`));
      continue;
    }
    if (target.sniff && !looksLikeTemplate(decoder.decode(bytes.subarray(0, 200_000)))) continue;
    files.push(target.file);
    batch.push({ file: target.file, bytes });
    batchBytes += bytes.length;
    if (batch.length >= READ_AHEAD_FILES || batchBytes >= READ_AHEAD_BYTES) flush();
  }
  flush();
  return { findings, files };
}

/**
 * Each file's findings, in order, under one time budget for several files: arming the budget (a `vm`
 * watchdog thread) for every file cost 0.5–0.8 ms a file on a 2-core machine, a tenth of a
 * 369-template run. The budget is armed for `timeoutMs` plus {@link batchSlack}, and no file starts
 * once the slack has been used, so every file still gets at least its whole `timeoutMs` (and at most
 * the slack more). A file that runs out of it gets one timeout finding; the next file starts a new
 * budget.
 */
function lintBatch(batch: ReadonlyArray<{ file: string; bytes: Buffer }>, rules: readonly Rule[], config: LintConfig, timeoutMs: number): Finding[][] {
  const results: Finding[][] = [];
  if (!(timeoutMs > 0)) return batch.map(({ file, bytes }) => lintFile(bytes, file, rules, config));
  const slack = batchSlack(timeoutMs);
  while (results.length < batch.length) {
    try {
      withinBudget(timeoutMs + slack, () => {
        const start = process.hrtime.bigint(); // not performance.now(): the perf_hooks modules cost a one-file run 1 ms
        const slackNs = BigInt(Math.round(slack * 1e6));
        do {
          const { file, bytes } = batch[results.length];
          results.push(lintFile(bytes, file, rules, config));
        } while (results.length < batch.length && process.hrtime.bigint() - start <= slackNs);
      });
    } catch (e) {
      if (!(e instanceof BudgetExceeded)) throw e;
      results.push([timeoutFinding(batch[results.length].file, timeoutMs)]);
    }
  }
  return results;
}

/** How long files may share one budget: a tenth of the budget, at most a second. */
export function batchSlack(timeoutMs: number): number {
  return Math.min(1000, timeoutMs / 10);
}

/** One file's findings; a crash is one `internal-error` finding (a blown budget passes through). */
function lintFile(bytes: Buffer, file: string, rules: readonly Rule[], config: LintConfig): Finding[] {
  try {
    return lintParsed(parseTemplate(bytes), file, { rules, settings: config.rules });
  } catch (e) {
    return [fileFinding(file, INTERNAL_ERROR, 'crash', `cfnkit failed on this file: ${e instanceof Error ? e.message : String(e)}`)];
  }
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
