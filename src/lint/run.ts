/**
 * Lints many files: reads each (stdin for `-`), skips quietly what a directory search found that is not
 * a template, and isolates failures — an unreadable file or a crash inside the engine becomes one
 * finding for that file and the run goes on.
 */
import { readFileSync } from 'node:fs';
import { parseTemplate } from '../parse';
import { LineIndex } from '../parse/source';
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

/** Options of {@link lintTargets}. */
export interface RunOptions {
  readonly rules: readonly Rule[];
  readonly config: LintConfig;
  /** Reads a file (stdin is `-`); tests inject failures here. */
  readonly read?: (file: string) => Buffer;
}

const decoder = new TextDecoder('utf-8', { fatal: false });

/** Lints `targets` one after the other. */
export function lintTargets(targets: readonly LintTarget[], options: RunOptions): LintRun {
  const findings: Finding[] = [];
  const files: string[] = [];
  const read = options.read ?? ((file: string) => readFileSync(file === '-' ? 0 : file));
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
    try {
      findings.push(...lintParsed(parseTemplate(bytes), target.file, { rules: options.rules, settings: options.config.rules }));
    } catch (e) {
      findings.push(fileFinding(target.file, INTERNAL_ERROR, 'crash', `cfnkit failed on this file: ${e instanceof Error ? e.message : String(e)}`));
    }
  }
  return { findings, files };
}

function fileFinding(file: string, ruleId: string, messageId: string, message: string): Finding {
  const at = new LineIndex('').position(0);
  return { file, ruleId, severity: 'error', message, messageId, resource: null, path: '', line: at.line, column: at.column, endLine: at.line, endColumn: at.column };
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
