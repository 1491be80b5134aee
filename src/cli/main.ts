#!/usr/bin/env node
/** cfnkit command-line entry point. */
import yargs from 'yargs';
import type { Argv } from 'yargs';
import { diffCommand } from './diff';
import { CliError } from './errors';
import { genCommand } from './gen';
import { previewCommand } from './preview';
import { STDIN_MARK, lintCommand } from './lint';
import { rulesCommand } from './rules';

/** Runs the CLI with `args` (without node and script); resolves to the exit code. */
export async function main(args: string[]): Promise<number> {
  let exitCode = 0;
  const setExit = (code: number) => {
    exitCode = code;
  };
  // yargs drops a lone `-` (stdin) from positionals; carry it through under a mark
  const base: Argv = yargs(args.map((a) => (a === '-' ? STDIN_MARK : a)))
    .scriptName('cfnkit')
    .usage('$0 <command> [options]')
    .strict()
    .demandCommand(1, 'name a command: gen, lint, rules, diff, preview')
    .recommendCommands()
    .help()
    .alias('help', 'h')
    .version()
    .wrap(Math.min(110, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((message, error) => {
      if (error && error.name !== 'YError') throw error;
      throw new CliError('usage', `cfnkit: ${usageMessage(message ?? error?.message ?? 'invalid arguments')}`);
    });
  const parser = previewCommand(diffCommand(rulesCommand(lintCommand(genCommand(base), setExit))));
  // yargs renders the whole help text after running any command, to have it at hand should the command
  // fail later; cfnkit never prints help for a failure (see .fail above), and the rendering was 6 ms of
  // every run (issue 3, cold start). `--help` renders it as before.
  (parser as unknown as YargsInternals).getInternalMethods().getUsageInstance().cacheHelpMessage = () => undefined;
  try {
    await parser.parseAsync();
  } catch (e) {
    if (e instanceof CliError) {
      process.stderr.write(e.message + '\n');
      exitCode = e.exitCode;
    } else {
      throw e;
    }
  }
  return exitCode;
}

/** The part of yargs' internal API (yargs 17) used above. */
interface YargsInternals {
  getInternalMethods(): { getUsageInstance(): { cacheHelpMessage: () => void } };
}

/** yargs validation messages on one line, options spelt as the user types them. */
function usageMessage(message: string): string {
  const unknown = /^Unknown arguments?: (.*)$/s.exec(message);
  if (unknown) {
    const raw = unknown[1].split(', ');
    // yargs names an unknown --foo-bar twice, also as fooBar
    const names = raw
      .filter((n) => !(/[A-Z]/.test(n) && raw.includes(n.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase()))))
      .map((n) => (n.length === 1 ? `-${n}` : `--${n}`));
    return `unknown option${names.length > 1 ? 's' : ''} ${names.join(', ')} (see --help)`;
  }
  return message.replace(/\s*\n\s*/g, ' ').trim();
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`cfnkit: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 70;
    },
  );
}
