import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exitCodeFor } from '../../src/cli/lint';
import { runCfnLint } from '../../src/lint/cfn-lint';
import type { Finding, Severity } from '../../src/lint/types';
import { cfnLintAvailable } from '../support/cfn-lint';
import { runCli } from '../support/cli';

const CLEAN = 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n';
/** One unused parameter: a warning from unused-parameter. */
const UNUSED_PARAM = 'Parameters:\n  Env:\n    Type: String\nResources:\n  Queue:\n    Type: AWS::SQS::Queue\n';
/** A Ref to nothing: an error from ref-target. */
const BAD_REF = 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Ref Nowhere\n';

let dir: string;
const file = (name: string, text: string) => {
  const p = join(dir, name);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, text);
  return p;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cfnkit-lint-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('exit codes: cfn-lint bitmask, --fail-on', () => {
  const f = (severity: Severity): Finding => ({ file: 'a', ruleId: 'r', severity, message: '', messageId: 'm', resource: null, path: '', line: 1, column: 1, endLine: 1, endColumn: 1 });
  it.each([
    [[], 'info', 0],
    [['error'], 'info', 2],
    [['warning'], 'info', 4],
    [['info'], 'info', 8],
    [['error', 'warning'], 'info', 6],
    [['error', 'info'], 'info', 10],
    [['warning', 'info'], 'info', 12],
    [['error', 'warning', 'info'], 'info', 14],
    [['error', 'warning', 'info'], 'warning', 6],
    [['error', 'warning', 'info'], 'error', 2],
    [['error', 'warning', 'info'], 'none', 0],
    [['warning', 'info'], 'error', 0],
    [['info'], 'warning', 0],
  ] as const)('%j with --fail-on %s → %i', (severities, failOn, code) => {
    expect(exitCodeFor(severities.map(f), failOn)).toBe(code);
  });

  it.each([
    ['error', BAD_REF, 'info', 2],
    ['warning', UNUSED_PARAM, 'info', 4],
    ['warning below --fail-on error', UNUSED_PARAM, 'error', 0],
    ['error with --fail-on none', BAD_REF, 'none', 0],
    ['clean', CLEAN, 'info', 0],
  ])('end to end: %s', async (_name, text, failOn, code) => {
    const run = await runCli(['lint', '--fail-on', failOn, file('t.yaml', text)]);
    expect(run.code).toBe(code);
  });

  it('an info-level finding sets bit 8 (severity from configuration)', async () => {
    file('.cfnkit.yaml', 'rules:\n  unused-parameter: info\n');
    const run = await runCli(['lint', 't.yaml'], (file('t.yaml', UNUSED_PARAM), dir));
    expect(run.code).toBe(8);
    expect((await runCli(['lint', '--fail-on', 'warning', 't.yaml'], dir)).code).toBe(0);
  });

  it.each([
    [['lint'], /Not enough non-option arguments/],
    [['lint', 'x.yaml', '--fail-on', 'sometimes'], /fail-on/],
    [['lint', 'x.yaml', '--format', 'pdf'], /format/],
    [['lint', 'x.yaml', '--bogus'], /unknown option --bogus/],
  ])('usage errors exit 1 with one line: %j', async (args, message) => {
    const run = await runCli(args, dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('formats and --output', () => {
  it.each([
    ['text', (out: string) => expect(out).toMatch(/t\.yaml:5:18: error ref-target /)],
    ['json', (out: string) => expect(JSON.parse(out).findings[0]).toMatchObject({ ruleId: 'ref-target', line: 5, column: 18, resource: 'Queue', path: 'Resources/Queue/Properties/QueueName/Ref' })],
    ['sarif', (out: string) => expect(JSON.parse(out)).toMatchObject({ version: '2.1.0', runs: [{ results: [{ ruleId: 'ref-target' }] }] })],
    ['junit', (out: string) => expect(out).toMatch(/<testsuites[\s\S]*<failure/)],
    ['github', (out: string) => expect(out).toMatch(/^::error file=t\.yaml,line=5,col=18,.*title=cfnkit ref-target::/m)],
    ['markdown', (out: string) => expect(out).toMatch(/## cfnkit lint: 1 error/)],
  ])('%s', async (format, check) => {
    file('t.yaml', BAD_REF);
    const run = await runCli(['lint', '--format', format, 't.yaml'], dir);
    expect(run.code).toBe(2);
    check(run.stdout);
  });

  it('--output writes the report to a file and nothing to stdout', async () => {
    file('t.yaml', BAD_REF);
    const run = await runCli(['lint', '--format', 'json', '--output', 'reports/lint.json', 't.yaml'], dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'reports', 'lint.json'), 'utf8')).summary).toEqual({ files: 1, errors: 1, warnings: 0, infos: 0 });
  });

  it('text output has no colour when not on a TTY', async () => {
    const run = await runCli(['lint', file('t.yaml', BAD_REF)]);
    expect(run.stdout).not.toMatch(/\x1b\[/);
  });
});

describe('many inputs', () => {
  it('lints directories recursively, picks templates by content, and never stops at a broken file', async () => {
    file('stacks/app.yaml', BAD_REF);
    file('stacks/nested/data.json', JSON.stringify({ Resources: { T: { Type: 'AWS::SQS::Queue' } } }));
    file('stacks/broken.yaml', 'Resources:\n  A: [1, 2\n');
    file('stacks/docker-compose.yml', 'services:\n  web:\n    image: nginx\n');
    file('stacks/package.json', '{"name": "x"}');
    const run = await runCli(['lint', '--format', 'json', 'stacks', 'missing.yaml'], dir);
    const report = JSON.parse(run.stdout) as { findings: Finding[]; summary: { files: number } };
    expect(report.findings.map((f) => `${f.file} ${f.ruleId}`).sort()).toEqual([
      'missing.yaml parse-syntax',
      'stacks/app.yaml ref-target',
      'stacks/broken.yaml parse-syntax',
    ]);
    expect(report.summary.files).toBe(4);
    expect(report.findings.find((f) => f.file === 'missing.yaml')!.message).toMatch(/no such file/);
    expect(run.code).toBe(2);
  });

  it('expands globs', async () => {
    file('a/one.yaml', CLEAN);
    file('a/two.yaml', BAD_REF);
    const run = await runCli(['lint', '--format', 'json', 'a/*.yaml'], dir);
    expect(JSON.parse(run.stdout).summary).toEqual({ files: 2, errors: 1, warnings: 0, infos: 0 });
  });

  it('survives a symlink loop in a directory argument', async () => {
    file('loop/t.yaml', CLEAN);
    require('node:fs').symlinkSync(join(dir, 'loop'), join(dir, 'loop', 'again'));
    const run = await runCli(['lint', '--format', 'json', 'loop'], dir);
    expect(JSON.parse(run.stdout).summary.files).toBe(1);
  });

  const bin = join(__dirname, '..', '..', 'dist', 'src', 'cli', 'main.js');
  (existsSync(bin) ? it : it.skip)('reads a template from stdin with -', () => {
    const r = spawnSync(process.execPath, [bin, 'lint', '--format', 'json', '-'], { input: BAD_REF, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout).findings[0]).toMatchObject({ file: '-', ruleId: 'ref-target', line: 5 });
  });
});

describe('configuration', () => {
  it('is found upward from the working directory and turns rules off', async () => {
    file('.cfnkit.yaml', 'rules:\n  unused-parameter: off\n');
    file('sub/t.yaml', UNUSED_PARAM);
    expect((await runCli(['lint', 't.yaml'], join(dir, 'sub'))).code).toBe(0);
  });

  it('--config names the file; its ignore globs (relative to its folder) leave paths out of directory searches', async () => {
    file('lint-config.yaml', 'ignore:\n  - "vendor/**"\n');
    file('vendor/t.yaml', BAD_REF);
    file('own/t.yaml', CLEAN);
    const run = await runCli(['lint', '--format', 'json', '--config', 'lint-config.yaml', '.'], dir);
    expect(JSON.parse(run.stdout).summary.files).toBe(1);
  });

  it.each([
    ['unknown rule', 'rules:\n  no-such-rule: off\n', /\.cfnkit\.yaml:2:3: unknown rule "no-such-rule"/],
    ['bad severity', 'rules:\n  unused-parameter: loud\n', /\.cfnkit\.yaml:2:21: "loud" is not off, error, warning or info/],
    ['unknown option', 'rules:\n  unused-parameter: [warning, {nope: 1}]\n', /unused-parameter has no option "nope"/],
    ['unknown key', 'rulez: {}\n', /unknown config key "rulez"/],
    ['invalid YAML', 'rules: [\n', /\.cfnkit\.yaml:\d+:\d+: invalid YAML/],
    ['an alias bomb', 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n', /\.cfnkit\.yaml: cannot read the config/],
  ])('a broken config exits 1 with file:line:col: %s', async (_name, text, message) => {
    file('.cfnkit.yaml', text);
    file('t.yaml', CLEAN);
    const run = await runCli(['lint', 't.yaml'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('an unreadable --config exits 1', async () => {
    const run = await runCli(['lint', '--config', 'nope.yaml', file('t.yaml', CLEAN)], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/cannot read config nope\.yaml: ENOENT/);
  });
});

describe('suppressions in the template', () => {
  it.each([
    ['template Metadata', 'Metadata:\n  cfnkit:\n    ignore: [ref-target]\n' + BAD_REF],
    ['resource Metadata with a reason', 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Metadata:\n      cfnkit:\n        ignore:\n          - rule: ref-target\n            reason: created by a macro\n    Properties:\n      QueueName: !Ref Nowhere\n'],
    ['cfn-lint ignore_checks of an overlapping id', 'Metadata:\n  cfn-lint:\n    config:\n      ignore_checks: [E1020]\n' + BAD_REF],
    ['disable-next-line comment', BAD_REF.replace('      QueueName', '      # cfnkit-disable-next-line ref-target -- made by a macro\n      QueueName')],
    ['disable-line comment', BAD_REF.replace('Nowhere', 'Nowhere  # cfnkit-disable-line ref-target')],
  ])('%s', async (_name, text) => {
    const run = await runCli(['lint', '--format', 'json', file('t.yaml', text)]);
    expect(JSON.parse(run.stdout).findings).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('a comment for another rule does not suppress', async () => {
    const run = await runCli(['lint', file('t.yaml', BAD_REF.replace('Nowhere', 'Nowhere  # cfnkit-disable-line unused-parameter'))]);
    expect(run.code).toBe(2);
  });

  it('configuration never discards a template\'s own ignores', async () => {
    file('.cfnkit.yaml', 'rules:\n  ref-target: error\n');
    const run = await runCli(['lint', 't.yaml'], (file('t.yaml', 'Metadata:\n  cfnkit:\n    ignore: [ref-target]\n' + BAD_REF), dir));
    expect(run.code).toBe(0);
  });
});

describe('--cfn-lint', () => {
  const maybe = cfnLintAvailable() ? it : it.skip;
  maybe('merges cfn-lint findings and drops those a cfnkit rule already reported at the same place', async () => {
    // E1020 (Ref target) overlaps ref-target: one finding. W1020 (Fn::Sub without variables) has no
    // cfnkit twin: it is added as cfn-lint/W1020.
    const t = file('t.yaml', 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Ref Nowhere\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Sub plain-name\n');
    const run = await runCli(['lint', '--format', 'json', '--cfn-lint', t]);
    const ids = (JSON.parse(run.stdout).findings as Finding[]).map((f) => f.ruleId);
    expect(ids.filter((id) => id === 'ref-target')).toHaveLength(1);
    expect(ids).not.toContain('cfn-lint/E1020');
    expect(ids).toContain('cfn-lint/W1020');
  });

  it('a missing cfn-lint is a clear error', () => {
    expect(() => runCfnLint(['t.yaml'], 'cfn-lint-not-installed-here')).toThrow(/cfn-lint-not-installed-here is not installed or not on PATH/);
  });
});

describe('cfnkit rules', () => {
  it('lists every rule as text and as JSON', async () => {
    const text = await runCli(['rules']);
    expect(text.stdout).toMatch(/^ref-target\s+error\s+template\s+Require /m);
    const json = JSON.parse((await runCli(['rules', '--format', 'json'])).stdout) as Array<{ id: string; severity: string }>;
    expect(json.map((r) => r.id)).toContain('parse-syntax');
    expect(json.every((r) => ['error', 'warning', 'info'].includes(r.severity))).toBe(true);
  });
});
