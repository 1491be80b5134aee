/**
 * `cfnkit diff OLD NEW`: what deploying NEW over a stack built from OLD would add, update, replace or
 * remove, offline. Exit codes: 0 done (no change, or no change `--fail-on` names), 1 usage or input
 * error, 2 a change `--fail-on` names is present.
 */
import type { Argv } from 'yargs';
import { FAIL_ON, FailOn, failures } from '../diff/summary';
import type { ResourceChange } from '../diff/types';
import { REPORT_FORMATS, ReportFormat } from '../report/types';
import { CliError } from './errors';
import { parseKeyValues, readParametersFile } from './key-values';

/** Exit code when `--fail-on` matches. */
export const FAIL_ON_EXIT_CODE = 2;

/** Registers `diff` on a yargs instance. */
export function diffCommand(yargs: Argv): Argv {
  return yargs.command(
    'diff <old> <new>',
    'Show what deploying a template over another would add, update, replace or remove (offline)',
    (y) =>
      reportOptions(
        y
          .positional('old', { type: 'string', describe: 'template deployed now (YAML or JSON)' })
          .positional('new', { type: 'string', describe: 'template to deploy (YAML or JSON)' })
          .option('parameters', { type: 'string', array: true, describe: 'deploy-time parameter values for NEW, Key=Value …' })
          .option('parameters-file', { type: 'string', describe: 'JSON file of parameter values for NEW' }),
      )
        .example('$0 diff deployed.yaml new.yaml', 'text report of the changes')
        .example('$0 diff old.json new.yaml --format markdown --fail-on data-loss', 'PR comment; exit 2 when data would be lost'),
    (argv) => runDiff(argv as unknown as DiffArgs),
  );
}

/** `--format`, `--fail-on` and `--color`, shared with `preview`. */
export function reportOptions(y: Argv): Argv {
  return y
    .option('format', { type: 'string', choices: [...REPORT_FORMATS], default: 'text', describe: 'output format' })
    .option('fail-on', {
      type: 'string',
      array: true,
      choices: [...FAIL_ON],
      describe: `exit ${FAIL_ON_EXIT_CODE} when a change of this kind is present: replace (incl. may replace), remove (incl. orphan), data-loss, any`,
    })
    .option('color', { type: 'boolean', describe: 'colour the text output (default: when stdout is a terminal and NO_COLOR is unset)' });
}

interface DiffArgs {
  old: string;
  new: string;
  format: ReportFormat;
  'fail-on'?: FailOn[];
  parameters?: string[];
  'parameters-file'?: string;
  color?: boolean;
}

async function runDiff(argv: DiffArgs): Promise<void> {
  // Loaded here, not at start-up: `cfnkit gen` and `cfnkit lint` never pay for the diff engine.
  const [{ diffTemplates }, { renderReport }, { readTemplateFile }] = await Promise.all([
    import('../diff/engine'),
    import('../report'),
    import('./template-file'),
  ]);
  const command = 'cfnkit diff';
  const before = readTemplateFile(command, argv.old);
  const after = readTemplateFile(command, argv.new);
  const newParameters = {
    ...(argv['parameters-file'] ? readParametersFile(command, argv['parameters-file']) : {}),
    ...parseKeyValues(command, '--parameters', argv.parameters),
  };
  const diff = diffTemplates(before.template, after.template, { newParameters });
  process.stdout.write(renderReport({ command: 'diff', ...diff }, argv.format, { color: useColor(argv.color) }));
  checkFailOn(command, diff.changes, argv['fail-on']);
}

/** Colour when asked, else when stdout is a terminal and NO_COLOR is unset (https://no-color.org). */
export function useColor(option: boolean | undefined): boolean {
  if (option !== undefined) return option;
  return process.stdout.isTTY === true && !process.env.NO_COLOR;
}

/** Throws the `fail-on` CliError (exit 2) when `changes` contain a kind `--fail-on` names. */
export function checkFailOn(command: string, changes: readonly ResourceChange[], failOn: readonly FailOn[] | undefined): void {
  const hits = failures(changes, failOn ?? []);
  if (hits.length > 0) throw new CliError('fail-on', `${command}: --fail-on ${hits.join(', ')}: such changes are present`, FAIL_ON_EXIT_CODE);
}
