/** The body of `cfnkit lint`, loaded only when that command runs. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../rules';
import { packageRoot } from '../paths';
import { ConfigError, findConfig, loadConfig } from '../lint/config';
import { expandInputs } from '../lint/files';
import { formatReport, shouldColor } from '../lint/format';
import { lintTargetsAuto } from '../lint/parallel';
import { DEFAULT_TIMEOUT_MS } from '../lint/run';
import type { Finding, Severity } from '../lint/types';
import { sortFindings } from '../lint/engine';
import { CliError } from './errors';
import { STDIN_MARK, exitCodeFor, writeReport } from './lint';

/** Parsed `cfnkit lint` arguments. */
export interface LintArgs {
  readonly paths: string[];
  readonly format: string;
  readonly output?: string;
  readonly failOn: Severity | 'none';
  readonly config?: string;
  readonly cfnLint: boolean;
  readonly color?: boolean;
  /** Per-file time budget in seconds; 0 for none. */
  readonly timeout?: number;
}

/** Runs `cfnkit lint`; resolves to the exit code. */
export async function runLint(args: LintArgs): Promise<number> {
  const cwd = process.cwd();
  const timeout = args.timeout ?? DEFAULT_TIMEOUT_MS / 1000;
  if (!(timeout >= 0)) throw new CliError('usage', 'cfnkit lint: --timeout must be a number of seconds (0 for no limit)');
  let config;
  try {
    config = loadConfig(args.config ?? findConfig(cwd), RULES, cwd);
  } catch (e) {
    if (e instanceof ConfigError) throw new CliError('usage', `cfnkit lint: ${e.message}`, 1, { cause: e });
    throw e;
  }
  const paths = args.paths.map((p) => (p === STDIN_MARK ? '-' : p));
  const { targets, missing } = expandInputs(paths, { cwd, ignore: config.ignore, root: config.root });
  const run = await lintTargetsAuto([...targets, ...missing.map((file) => ({ file, sniff: false }))], { rules: RULES, config, timeoutMs: timeout * 1000 });
  let findings: Finding[] = run.findings;
  if (args.cfnLint) {
    const { runCfnLint, mergeCfnLint } = await import('../lint/cfn-lint');
    const files = run.files.filter((f) => f !== '-');
    const theirs = runCfnLint(files, 'cfn-lint', timeout * 1000 * files.length);
    findings = mergeCfnLint(findings, theirs, RULES);
  }
  findings = sortFindings(findings);
  const color = args.color ?? shouldColor(args.output ? undefined : process.stdout, process.env);
  const report = formatReport(args.format, { findings, files: run.files, rules: RULES.map((r) => r.meta), toolVersion: version() }, { color, cwd });
  writeReport(report, args.output);
  return exitCodeFor(findings, args.failOn);
}

function version(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
