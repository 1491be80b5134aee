/**
 * `cfnkit diff` as a user runs it: exit codes (0, 1 for usage and input errors, 2 for --fail-on),
 * one-line errors naming file:line:col, never a stack trace, and every output format.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixturePaths } from '../diff/support';
import { runCli as run } from '../support/cli';

const dir = mkdtempSync(join(tmpdir(), 'cfnkit-diff-cli-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const keySchema = fixturePaths('dynamodb-key-schema');
const removal = fixturePaths('removal-stateful');
const same = fixturePaths('formatting-only');
const params = fixturePaths('parameter-default');

describe('cfnkit diff', () => {
  const exitCases: Array<[string, string[], number, RegExp | '']> = [
    ['no change', [same.old, same.new], 0, ''],
    ['no change with --fail-on any', [same.old, same.new, '--fail-on', 'any'], 0, ''],
    ['changes without --fail-on', [keySchema.old, keySchema.new], 0, ''],
    ['--fail-on replace', [keySchema.old, keySchema.new, '--fail-on', 'replace'], 2, /^cfnkit diff: --fail-on replace: such changes are present\n$/],
    ['--fail-on data-loss', [keySchema.old, keySchema.new, '--fail-on', 'data-loss'], 2, /--fail-on data-loss/],
    ['--fail-on remove without removals', [keySchema.old, keySchema.new, '--fail-on', 'remove'], 0, ''],
    ['--fail-on remove with removals', [removal.old, removal.new, '--fail-on', 'remove'], 2, /--fail-on remove/],
    ['several --fail-on kinds', [removal.old, removal.new, '--fail-on', 'replace', 'data-loss'], 2, /^cfnkit diff: --fail-on data-loss: such/],
    ['--fail-on any', [keySchema.old, keySchema.new, '--fail-on', 'any'], 2, /--fail-on any/],
  ];
  test.each(exitCases.map(([name, args, code, stderr]) => ({ name, args, code, stderr })))('$name: exit $code', async ({ args, code, stderr }) => {
    const result = await run(['diff', ...args]);
    expect(result.code).toBe(code);
    if (stderr === '') expect(result.stderr).toBe('');
    else expect(result.stderr).toMatch(stderr);
  });

  const errorCases: Array<[string, () => string[], RegExp]> = [
    ['missing file', () => [join(dir, 'nope.yaml'), same.new], /^cfnkit diff: cannot read .*nope\.yaml: no such file\n$/],
    ['a directory', () => [dir, same.new], /^cfnkit diff: cannot read .*: is a directory\n$/],
    ['YAML syntax error', () => [file('bad.yaml', 'Resources:\n  A:\n    Type: [unclosed\n'), same.new], /^cfnkit diff: .*bad\.yaml:\d+:\d+: .+\n$/],
    ['JSON syntax error', () => [same.old, file('bad.json', '{\n  "Resources": {\n    "A": \n}\n')], /^cfnkit diff: .*bad\.json:\d+:\d+: .+\n$/],
    ['not a mapping', () => [file('list.yaml', '- a\n- b\n'), same.new], /^cfnkit diff: .*list\.yaml:1:1: a template must be a mapping at the top level\n$/],
    ['empty file', () => [file('empty.yaml', ''), same.new], /^cfnkit diff: .*empty\.yaml:1:1: template is empty\n$/],
    ['Resources not a mapping', () => [file('res.yaml', 'Resources: [a]\n'), same.new], /^cfnkit diff: .*res\.yaml:1:12: Resources must be a mapping/],
    ['bad --parameters', () => [params.old, params.new, '--parameters', 'NoEquals'], /^cfnkit diff: --parameters takes Key=Value, not "NoEquals"\n$/],
    ['bad --parameters-file', () => [params.old, params.new, '--parameters-file', file('p.json', '{oops')], /^cfnkit diff: cannot read --parameters-file .*p\.json: not JSON/],
    ['unknown --format', () => [same.old, same.new, '--format', 'html'], /^cfnkit: .*Invalid values/],
    ['one file only', () => [same.old], /^cfnkit: /],
  ];
  test.each(errorCases)('%s: one line, exit 1, no stack trace', async (_, args, stderr) => {
    const result = await run(['diff', ...args()]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(stderr);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  });

  test('--parameters and --parameters-file feed the prediction', async () => {
    const changed = await run(['diff', params.old, params.new, '--format', 'json']);
    const kept = await run(['diff', params.old, params.new, '--format', 'json', '--parameters', 'DatabaseName=orders', 'InstanceClass=db.t3.micro']);
    const fromFile = await run(['diff', params.old, params.new, '--format', 'json', '--parameters-file', file('params.json', JSON.stringify([{ ParameterKey: 'DatabaseName', ParameterValue: 'orders' }, { ParameterKey: 'InstanceClass', ParameterValue: 'db.t3.micro' }]))]);
    expect(JSON.parse(changed.stdout).summary).toMatchObject({ changed: 2, mayReplace: 1 });
    expect(JSON.parse(kept.stdout).summary).toMatchObject({ changed: 0 });
    expect(fromFile.stdout).toBe(kept.stdout);
  });

  test.each(['text', 'json', 'markdown'])('--format %s writes the report to stdout, byte-identical across runs', async (format) => {
    const a = await run(['diff', keySchema.old, keySchema.new, '--format', format]);
    const b = await run(['diff', keySchema.old, keySchema.new, '--format', format]);
    expect(a.code).toBe(0);
    expect(a.stdout.length).toBeGreaterThan(0);
    expect(a.stdout).toBe(b.stdout);
  });

  test('--color forces ANSI colours, --no-color removes them', async () => {
    expect((await run(['diff', keySchema.old, keySchema.new, '--color'])).stdout).toMatch(/\u001b\[31m/);
    expect((await run(['diff', keySchema.old, keySchema.new, '--no-color'])).stdout).not.toMatch(/\u001b\[/);
  });
});
