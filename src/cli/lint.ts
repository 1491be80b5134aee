/** `cfnkit lint`: lint templates and report in the chosen format, with cfn-lint's exit-code bitmask. */
import type { Argv } from 'yargs';
import { CliError } from './errors';
import { writeFilesAtomically } from './write';
import type { Finding, Severity } from '../lint/types';

/** Stands for a `-` argument (stdin) while yargs parses; yargs would drop a bare `-`. */
export const STDIN_MARK = '\u0000stdin';

/** Output formats of `cfnkit lint`. */
export const LINT_FORMATS = ['text', 'json', 'sarif', 'junit', 'github', 'markdown'] as const;

/** `--fail-on` levels. */
export const FAIL_ON = ['error', 'warning', 'info', 'none'] as const;

const BITS: { readonly [s in Severity]: number } = { error: 2, warning: 4, info: 8 };
const RANK: { readonly [s in Severity | 'none']: number } = { error: 0, warning: 1, info: 2, none: -1 };

/**
 * The exit code for `findings`: cfn-lint's bitmask (2 error, 4 warning, 8 info, OR-ed), counting only
 * severities at or above `failOn`.
 */
export function exitCodeFor(findings: readonly Finding[], failOn: Severity | 'none'): number {
  let code = 0;
  for (const f of findings) if (RANK[f.severity] <= RANK[failOn]) code |= BITS[f.severity];
  return code;
}

/** Registers `lint` on a yargs instance; `setExit` receives the exit code. */
export function lintCommand(yargs: Argv, setExit: (code: number) => void): Argv {
  return yargs.command(
    'lint <paths..>',
    'Lint CloudFormation templates (files, directories, globs; - for stdin)',
    (y) =>
      y
        .positional('paths', { type: 'string', array: true, describe: 'template files, directories or globs; - reads stdin' })
        .option('format', { alias: 'f', type: 'string', choices: LINT_FORMATS, default: 'text', describe: 'report format' })
        .option('output', { alias: 'o', type: 'string', describe: 'write the report to this file instead of stdout' })
        .option('fail-on', { type: 'string', choices: FAIL_ON, default: 'info', describe: 'lowest severity that makes the exit code non-zero' })
        .option('config', { alias: 'c', type: 'string', describe: 'configuration file (default: nearest .cfnkit.yaml upward)' })
        .option('cfn-lint', { type: 'boolean', default: false, describe: 'also run cfn-lint on the same files and merge its findings' })
        .option('color', { type: 'boolean', describe: 'force colour on or off in text output (default: on a TTY unless NO_COLOR)' })
        .option('timeout', { type: 'number', default: 30, describe: 'seconds one file may take before it is stopped and reported as internal-error; 0 for no limit' }),
    async (argv) => {
      // Loaded here, not at start-up: `cfnkit gen` never pays for the lint engine.
      const { runLint } = await import('./lint-run');
      setExit(await runLint(argv as never));
    },
  );
}

/** Writes `content` to `file` atomically, or to stdout. */
export function writeReport(content: string, file: string | undefined): void {
  if (file === undefined) {
    process.stdout.write(content);
    return;
  }
  const { dirname, basename } = require('node:path') as typeof import('node:path');
  try {
    writeFilesAtomically(dirname(file) || '.', [{ name: basename(file), content }]);
  } catch (e) {
    throw new CliError('write-failed', (e as Error).message.replace('--out', '--output'));
  }
}
