/** `cfnkit rules`: every lint rule with its id, severity, category and description. */
import type { Argv } from 'yargs';

/** Registers `rules` on a yargs instance. */
export function rulesCommand(yargs: Argv): Argv {
  return yargs.command(
    'rules',
    'List the lint rules',
    (y) => y.option('format', { type: 'string', choices: ['text', 'json'], default: 'text', describe: 'output format' }),
    (argv) => {
      const { RULES } = require('../../rules') as typeof import('../../rules');
      if (argv.format === 'json') {
        const list = RULES.map((r) => ({
          id: r.meta.id,
          severity: r.meta.severity,
          category: r.meta.category,
          description: r.meta.description,
          cfnLint: r.meta.cfnLint,
          options: Object.fromEntries(Object.entries(r.meta.options).map(([k, o]) => [k, { default: o.default, description: o.description }])),
        }));
        process.stdout.write(JSON.stringify(list, null, 2) + '\n');
        return;
      }
      const idWidth = Math.max(...RULES.map((r) => r.meta.id.length));
      const catWidth = Math.max(...RULES.map((r) => r.meta.category.length));
      process.stdout.write(
        RULES.map((r) => `${r.meta.id.padEnd(idWidth)}  ${r.meta.severity.padEnd(7)}  ${r.meta.category.padEnd(catWidth)}  ${r.meta.description}\n`).join(''),
      );
    },
  );
}
