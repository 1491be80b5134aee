/**
 * `cfnkit preview TEMPLATE --stack-name NAME`: creates a real change set, shows it next to the offline
 * prediction, and deletes it (never executes it). Exit codes: 0 done, 1 usage, input or AWS error, or
 * something left behind by cleanup, 2 a change `--fail-on` names is present, 130 interrupted.
 * The AWS SDK is loaded only here, on first use.
 */
import type { Argv } from 'yargs';
import type { FailOn } from '../diff/summary';
import type { ReportFormat } from '../report/types';
import { checkFailOn, reportOptions, useColor } from './diff';
import { CliError } from './errors';
import { parseKeyValues, readParametersFile } from './key-values';
import { startSpinner } from './spinner';

/** Exit code after Ctrl-C (128 + SIGINT). */
export const INTERRUPTED_EXIT_CODE = 130;

const CAPABILITIES = ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM', 'CAPABILITY_AUTO_EXPAND'];

/** Registers `preview` on a yargs instance. */
export function previewCommand(yargs: Argv): Argv {
  return yargs.command(
    'preview <template>',
    'Create a change set for a template, show what it would do, and delete it (never executed)',
    (y) =>
      reportOptions(
        y
          .positional('template', { type: 'string', describe: 'template to deploy (YAML or JSON, at most 51,200 bytes)' })
          .option('stack-name', { type: 'string', demandOption: true, describe: 'stack to preview the deploy on (created empty and deleted again when new)' })
          .option('parameters', { type: 'string', array: true, describe: 'parameter values, Key=Value … (stack parameters not given keep their values)' })
          .option('parameters-file', { type: 'string', describe: 'JSON file of parameter values' })
          .option('capabilities', { type: 'string', array: true, choices: CAPABILITIES, describe: 'capabilities the template needs' })
          .option('tags', { type: 'string', array: true, describe: 'stack tags, Key=Value …' })
          .option('region', { type: 'string', describe: 'AWS region (default: AWS_REGION or the profile\'s)' })
          .option('profile', { type: 'string', describe: 'named AWS profile' })
          .option('endpoint-url', { type: 'string', describe: 'CloudFormation endpoint, for local emulators' })
          .option('keep', { type: 'boolean', default: false, describe: 'leave the change set (and a new stack\'s empty stack) for a human to execute' })
          .option('timeout', { type: 'number', default: 300, describe: 'seconds to wait for the change set' }),
      ).example('$0 preview app.yaml --stack-name app-prod --parameters Env=prod --fail-on data-loss', 'preview an update; exit 2 if data would be lost'),
    (argv) => runPreview(argv as unknown as PreviewArgs),
  );
}

interface PreviewArgs {
  template: string;
  'stack-name': string;
  parameters?: string[];
  'parameters-file'?: string;
  capabilities?: string[];
  tags?: string[];
  region?: string;
  profile?: string;
  'endpoint-url'?: string;
  keep: boolean;
  timeout: number;
  format: ReportFormat;
  'fail-on'?: FailOn[];
  color?: boolean;
}

async function runPreview(argv: PreviewArgs): Promise<void> {
  // Loaded here, not at start-up: only `preview` needs the change-set workflow and the AWS SDK.
  const [{ renderReport }, { PreviewError }, { connectCloudFormation }, { withInterrupt }, { preview }, { readTemplateFile }] = await Promise.all([
    import('../report'),
    import('../preview/errors'),
    import('../preview/sdk'),
    import('../preview/signals'),
    import('../preview/workflow'),
    import('./template-file'),
  ]);
  const command = 'cfnkit preview';
  if (!(argv.timeout > 0)) throw new CliError('usage', `${command}: --timeout takes a number of seconds above 0`);
  const file = readTemplateFile(command, argv.template);
  const parameters = {
    ...(argv['parameters-file'] ? readParametersFile(command, argv['parameters-file']) : {}),
    ...parseKeyValues(command, '--parameters', argv.parameters),
  };
  const tags = argv.tags ? parseKeyValues(command, '--tags', argv.tags) : undefined;
  const cfn = connectCloudFormation({ region: argv.region, profile: argv.profile, endpoint: argv['endpoint-url'] });
  const spinner = startSpinner(process.stderr);
  let result;
  try {
    result = await withInterrupt(
      (signal) =>
        preview(cfn.api, {
          stackName: argv['stack-name'],
          templateBody: file.text,
          template: file.template,
          parameters,
          capabilities: argv.capabilities,
          tags,
          keep: argv.keep,
          timeoutMs: argv.timeout * 1000,
          signal,
          onStatus: (message) => spinner.update(message),
        }),
      {
        onSignal: () => spinner.update('interrupted: deleting the change set (Ctrl-C again to quit without cleaning up)'),
        onForce: () => {
          spinner.stop();
          process.stderr.write(`${command}: quit without cleaning up; list what is left with: aws cloudformation list-change-sets --stack-name ${argv['stack-name']}\n`);
          process.exit(INTERRUPTED_EXIT_CODE);
        },
      },
    );
  } catch (e) {
    spinner.stop();
    if (e instanceof PreviewError) {
      for (const p of e.cleanupProblems) process.stderr.write(`${command}: ${p}\n`);
      if (e.code === 'interrupted') {
        throw new CliError('interrupted', `${command}: interrupted${e.cleanupProblems.length ? '' : '; the change set was deleted'}`, INTERRUPTED_EXIT_CODE, { cause: e });
      }
      throw new CliError('aws', `${command}: ${e.message}`, 1, { cause: e });
    }
    throw e;
  } finally {
    spinner.stop();
    cfn.destroy();
  }
  for (const w of result.warnings) process.stderr.write(`${command}: ${w}\n`);
  process.stdout.write(
    renderReport(
      { command: 'preview', stackName: result.stackName, changeSetType: result.changeSetType, changes: result.changes, summary: result.summary, keptChangeSet: result.keptChangeSet },
      argv.format,
      { color: useColor(argv.color) },
    ),
  );
  if (result.keptChangeSet) {
    process.stderr.write(`${command}: change set kept; execute it with: aws cloudformation execute-change-set --change-set-name ${result.keptChangeSet}\n`);
  }
  for (const p of result.cleanupProblems) process.stderr.write(`${command}: ${p}\n`);
  checkFailOn(command, result.changes, argv['fail-on']);
  if (result.cleanupProblems.length > 0) throw new CliError('aws', `${command}: cleanup left something behind (see above)`, 1);
}
