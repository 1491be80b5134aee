/** `cfnkit gen`: list patterns, or build one and print it (or write it with `--out`). */
import type { Argv } from 'yargs';
import type { TemplateFormat } from '../emit';
import { CliError } from './errors';
import { writeFilesAtomically } from './write';

/**
 * The generators and the emitter, loaded when `gen` runs (yargs calls a command's builder only for
 * that command): `cfnkit lint` never evaluates them (issue 3, cold start).
 */
function generators() {
  const { PATTERNS, findPattern } = require('../../generators') as typeof import('../../generators');
  const { PatternOptionError, kebab } = require('../../generators/pattern') as typeof import('../../generators/pattern');
  const { emit } = require('../emit') as typeof import('../emit');
  return { PATTERNS, findPattern, PatternOptionError, kebab, emit };
}

/** Registers `gen` and one sub-command per pattern on a yargs instance. */
export function genCommand(yargs: Argv): Argv {
  return yargs.command(
    'gen',
    'Generate a CloudFormation template for a deployment pattern',
    (y) => {
      const { PATTERNS, kebab } = generators();
      for (const pattern of PATTERNS) {
        y.command(
          pattern.name,
          pattern.description,
          (py) => {
            for (const [name, spec] of Object.entries(pattern.options)) {
              py.option(kebab(name), {
                // numbers are left untyped so a bad value reaches the pattern as written ("abc", not NaN)
                ...(spec.type === 'number' ? { requiresArg: true } : { type: spec.type }),
                describe: spec.description,
                default: spec.default,
                ...(spec.choices ? { choices: spec.choices.map(String) } : {}),
              });
            }
            return commonOptions(py);
          },
          (argv) => runPattern(pattern.name, argv as Record<string, unknown>),
        );
      }
      return y.command(
        '$0 [pattern]',
        false,
        (dy) =>
          dy
            .positional('pattern', { type: 'string', describe: 'pattern name (see --list)' })
            .option('list', { type: 'boolean', describe: 'list the patterns with one-line descriptions' }),
        (argv) => listOrReject(argv),
      );
    },
  );
}

function listOrReject(argv: { list?: boolean; pattern?: string }): void {
  const { PATTERNS } = generators();
  if (argv.list || argv.pattern === undefined) {
    if (!argv.list) throw new CliError('usage', `cfnkit gen: name a pattern (one of ${PATTERNS.map((p) => p.name).join(', ')}), or --list`);
    const width = Math.max(...PATTERNS.map((p) => p.name.length));
    process.stdout.write(PATTERNS.map((p) => `${p.name.padEnd(width)}  ${p.description}\n`).join(''));
    return;
  }
  throw new CliError('unknown-pattern', `cfnkit gen: unknown pattern "${String(argv.pattern)}" (accepted: ${PATTERNS.map((p) => p.name).join(', ')})`);
}

function commonOptions(y: Argv): Argv {
  return y
    .option('format', { type: 'string', choices: ['yaml', 'json'], default: 'yaml', describe: 'output format' })
    .option('out', { type: 'string', describe: 'write files into this directory instead of stdout' });
}

function runPattern(name: string, argv: Record<string, unknown>): void {
  const { findPattern, PatternOptionError, kebab, emit } = generators();
  const pattern = findPattern(name)!;
  const options: Record<string, unknown> = {};
  for (const [option, spec] of Object.entries(pattern.options)) {
    const raw = argv[kebab(option)];
    options[option] = spec.type === 'number' && typeof raw === 'string' && /^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : raw;
  }
  const format = argv.format as TemplateFormat;
  let files;
  try {
    files = pattern.build(options);
  } catch (e) {
    if (e instanceof PatternOptionError) throw new CliError('invalid-option', `cfnkit gen ${name}: ${e.message}`, 1, { cause: e });
    throw e;
  }
  const rendered = files.map((f) => ({ name: `${f.name}.${format}`, content: emit(f.template, format) }));
  const out = argv.out as string | undefined;
  if (out === undefined) {
    if (rendered.length > 1) {
      throw new CliError('usage', `cfnkit gen ${name}: these options produce ${rendered.length} stacks (${rendered.map((r) => r.name).join(', ')}); give --out DIR`);
    }
    process.stdout.write(rendered[0].content);
    return;
  }
  if (out.trim() === '') throw new CliError('usage', `cfnkit gen ${name}: --out needs a directory`);
  let written: string[];
  try {
    written = writeFilesAtomically(out, rendered);
  } catch (e) {
    if (e instanceof CliError) throw new CliError(e.code, `cfnkit gen ${name}: ${e.message}`, e.exitCode, { cause: e });
    throw e;
  }
  for (const path of written) process.stderr.write(`wrote ${path}\n`);
}
