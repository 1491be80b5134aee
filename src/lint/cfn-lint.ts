/**
 * `--cfn-lint`: runs the real cfn-lint on the same files and merges its findings into cfnkit's, as
 * `cfn-lint/<id>`. A cfn-lint finding is dropped when a cfnkit rule that declares the overlap already
 * reported on the same file and line.
 */
import { spawnSync } from 'node:child_process';
import { CliError } from '../cli/errors';
import type { Finding, Rule, Severity } from './types';

interface CfnLintMatch {
  readonly Rule: { readonly Id: string };
  readonly Level: string;
  readonly Message: string;
  readonly Filename: string;
  readonly Location: {
    readonly Start: { readonly LineNumber: number; readonly ColumnNumber: number };
    readonly End: { readonly LineNumber: number; readonly ColumnNumber: number };
    readonly Path?: ReadonlyArray<string | number> | null;
  };
}

const LEVELS: { readonly [level: string]: Severity } = { Error: 'error', Warning: 'warning', Informational: 'info' };

/**
 * Runs `cfn-lint --format json` on `files`; throws {@link CliError} when cfn-lint is missing, fails or
 * runs past `timeoutMs` (0: no limit) — it takes minutes and GBs on condition-heavy templates (issue 6).
 */
export function runCfnLint(files: readonly string[], command = 'cfn-lint', timeoutMs = 0): Finding[] {
  if (files.length === 0) return [];
  const r = spawnSync(command, ['--format', 'json', '--', ...files], { encoding: 'utf8', maxBuffer: 256 << 20, ...(timeoutMs > 0 ? { timeout: timeoutMs } : {}) });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new CliError('usage', `cfnkit lint --cfn-lint: ${command} is not installed or not on PATH (install it with: pip install cfn-lint)`);
  }
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') {
    throw new CliError('usage', `cfnkit lint --cfn-lint: cfn-lint did not finish within ${timeoutMs / 1000} s (--timeout per file) and was stopped`);
  }
  let matches: CfnLintMatch[];
  try {
    matches = JSON.parse(r.stdout || '[]') as CfnLintMatch[];
  } catch {
    const why = (r.stderr || r.stdout || '').trim().split('\n').pop() ?? '';
    throw new CliError('usage', `cfnkit lint --cfn-lint: cfn-lint exited ${r.status} without a JSON report${why ? `: ${why}` : ''}`);
  }
  return matches.map((m) => {
    const path = m.Location.Path ?? [];
    return {
      file: m.Filename,
      ruleId: `cfn-lint/${m.Rule.Id}`,
      severity: LEVELS[m.Level] ?? 'info',
      message: m.Message,
      messageId: m.Rule.Id,
      resource: path.length >= 2 && (path[0] === 'Resources' || path[0] === 'Parameters' || path[0] === 'Outputs') ? String(path[1]) : null,
      path: path.join('/'),
      line: m.Location.Start.LineNumber,
      column: m.Location.Start.ColumnNumber,
      endLine: m.Location.End.LineNumber,
      endColumn: m.Location.End.ColumnNumber,
    };
  });
}

/** cfnkit's findings plus those of cfn-lint's that no overlapping cfnkit rule already reported at the same place. */
export function mergeCfnLint(ours: readonly Finding[], theirs: readonly Finding[], rules: readonly Rule[]): Finding[] {
  const overlaps = new Map(rules.map((r) => [r.meta.id, r.meta.cfnLint]));
  const covered = new Set<string>();
  for (const f of ours) for (const id of overlaps.get(f.ruleId) ?? []) covered.add(`${f.file}\u0000${f.line}\u0000${id}`);
  return [...ours, ...theirs.filter((t) => !covered.has(`${t.file}\u0000${t.line}\u0000${t.messageId}`))];
}
