/**
 * Hostile inputs (issue 6): each gets a clear outcome — findings with line:col, or a one-line error —
 * and the documented exit code (cfn-lint's bitmask: 2 for an error finding, 0 when clean). Run in
 * process; peak memory of the large ones is measured in child processes by bounds.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RULES } from '../../rules';
import { conditionHeavyTemplate } from '../../bench/scale';
import { lintText } from '../../src/lint/engine';
import { lintTargets } from '../../src/lint/run';
import { readTemplateBytes } from '../../src/parse/read-file';
import type { Finding } from '../../src/lint/types';
import { MAX_NESTING, MAX_TEMPLATE_BYTES, parseTemplate } from '../../src/parse';
import { runCli } from '../support/cli';
import { aliasBomb, deepJson, deepYamlBlock, deepYamlFlow, longKey, longLine, longSub, nestedEverywhere, nestedTo, openerColumn, randomBytes, selfReferencing } from './support/hostile';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cfnkit-hostile-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

/** `cfnkit lint --format json <args>`: exit code, findings, files checked, stderr. */
async function lint(...args: string[]): Promise<{ code: number; findings: Finding[]; files: number; stderr: string }> {
  const run = await runCli(['lint', '--format', 'json', ...args], dir);
  const report = run.stdout ? (JSON.parse(run.stdout) as { findings: Finding[]; summary: { files: number } }) : { findings: [], summary: { files: 0 } };
  return { code: run.code, findings: report.findings, files: report.summary.files, stderr: run.stderr };
}

/** Rule, line and column (the JSON report leaves message ids out: they are not part of its contract). */
const at = (f: Finding) => [f.ruleId, f.line, f.column];
const noInternalErrors = (findings: readonly Finding[]) => expect(findings.filter((f) => f.ruleId === 'internal-error')).toEqual([]);

describe('YAML alias bombs: reported, never expanded', () => {
  it('a billion laughs (9 levels of 9 aliases) is 81 alias and 10 anchor findings, and the aliased value is null', async () => {
    const r = await lint(write('bomb.yaml', aliasBomb(10, 9)));
    expect(r.code).toBe(2);
    expect(r.findings.filter((f) => /^YAML alias/.test(f.message))).toHaveLength(9 * 9 + 1);
    expect(r.findings.filter((f) => /^YAML anchor/.test(f.message))).toHaveLength(10);
    expect(r.findings.find((f) => /^YAML alias/.test(f.message))).toMatchObject({ ruleId: 'parse-yaml-alias', line: 3, column: 12 });
    const parsed = parseTemplate(aliasBomb(10, 9));
    expect((parsed.template!.Resources.Q.Properties as { Tags: unknown }).Tags).toBeNull();
    expect((parsed.template!.Metadata as { a3: unknown[] }).a3).toEqual(Array(9).fill(null));
  });

  it('10^100 expansions cost one finding per alias: the work is linear in the text', () => {
    const text = aliasBomb(100, 10);
    const problems = parseTemplate(text).problems;
    expect(problems.filter((p) => p.code === 'alias')).toHaveLength(99 * 10 + 1);
    expect(problems.filter((p) => p.code === 'anchor')).toHaveLength(100);
  });
});

describe(`nesting deeper than ${MAX_NESTING} levels is a parse-syntax finding, not a stack overflow`, () => {
  it.each([
    // Resources, Q and Properties are levels 2 to 4, so the Tags value is level 5
    ['YAML block sequences', 'deep.yaml', deepYamlBlock(10_000), 6, MAX_NESTING + 1 - 4],
    ['YAML flow collections', 'deep.yaml', deepYamlFlow(10_000), 5, MAX_NESTING + 1 - 4],
    ['JSON', 'deep.json', deepJson(10_000), 1, MAX_NESTING + 1],
  ])('%s, 10,000 levels: one finding at the opener of the level past the limit', async (_name, file, text, line, opener) => {
    const r = await lint(write(file, text));
    expect(r.code).toBe(2);
    expect(r.findings.map(at)).toEqual([['parse-syntax', line, openerColumn(text, line, opener)]]);
    expect(r.findings[0].message).toBe(`nesting deeper than ${MAX_NESTING} levels`);
  });

  it.each(['block', 'flow', 'json'] as const)(`%s: ${MAX_NESTING} levels through mappings, lists and Fn::If lint with every rule; one more is too deep`, (format) => {
    const ok = lintText(nestedTo(MAX_NESTING, format), 't');
    noInternalErrors(ok);
    expect(ok.filter((f) => f.ruleId === 'parse-syntax')).toEqual([]);
    const deep = lintText(nestedTo(MAX_NESTING + 1, format), 't');
    expect(deep.map((f) => f.messageId)).toEqual(['too-deep']);
  });

  it.each(['json', 'flow'] as const)(`%s: ${MAX_NESTING} levels in conditions, properties, metadata, outputs and parameters at once`, (format) => {
    const findings = lintText(nestedEverywhere(MAX_NESTING, format), 't');
    noInternalErrors(findings);
    expect(findings.filter((f) => f.ruleId === 'parse-syntax')).toEqual([]);
    expect(lintText(nestedEverywhere(MAX_NESTING + 1, format), 't').map((f) => f.messageId)).toEqual(['too-deep']);
  });
});

describe('size', () => {
  it(`a template over ${MAX_TEMPLATE_BYTES / 1024 / 1024} MB is one finding and is not parsed`, () => {
    const parsed = parseTemplate(Buffer.alloc(MAX_TEMPLATE_BYTES + 1, 0x20));
    expect(parsed.problems.map((p) => p.code)).toEqual(['too-large']);
    expect(parsed.root).toBeUndefined();
  });

  it('/dev/zero is read only up to the limit', async () => {
    const r = await lint('/dev/zero');
    expect(r.code).toBe(2);
    expect(r.findings.map(at)).toEqual([['parse-syntax', 1, 1]]);
    expect(r.findings[0].message).toBe('template is larger than 8 MB, the most cfnkit reads (CloudFormation accepts 1 MB)');
  });

  it('very long lines and strings: a 2 MB name, a Fn::Sub of 100,000 variables, a 100 KB key', async () => {
    for (const [file, text] of [
      ['long.yaml', longLine(2_000_000)],
      ['sub.yaml', longSub(100_000)],
      ['key.json', longKey(1_100_000)],
    ]) {
      const r = await lint(write(file, text));
      expect(r.code).toBe(2);
      expect(r.findings.map(at)).toContainEqual(['template-limits', 1, 1]);
      noInternalErrors(r.findings);
    }
  });

  it('a YAML key over 1024 characters is a syntax finding at the key', async () => {
    const r = await lint(write('t.yaml', `Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      ${'K'.repeat(2000)}: 1\n`));
    expect(r.findings.map(at)).toEqual([['parse-syntax', 5, 7]]);
  });
});

describe('bytes that are not a YAML or JSON template', () => {
  it('binary: the first invalid UTF-8 byte, at its line:col', async () => {
    const r = await lint(write('binary.yaml', randomBytes(100_000)));
    expect(r.code).toBe(2);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ ruleId: 'parse-syntax', message: expect.stringMatching(/^invalid UTF-8 at byte \d+$/) });
    const png = await lint(write('image.yaml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])));
    expect(png.findings.map(at)).toEqual([['parse-syntax', 1, 1]]);
    expect(png.findings[0].message).toBe('invalid UTF-8 at byte 0');
  });

  it('invalid UTF-8 inside a value', async () => {
    const r = await lint(write('t.yaml', Buffer.concat([Buffer.from(`${'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n'}      QueueName: ab`), Buffer.from([0xff, 0xfe]), Buffer.from('cd\n')])));
    expect(r.findings.map(at)).toEqual([['parse-syntax', 5, 20]]);
    expect(r.findings[0].message).toBe('invalid UTF-8 at byte 77');
  });

  it('ASCII control bytes', async () => {
    const r = await lint(write('ctl.yaml', Buffer.from(randomBytes(10_000).map((b) => b & 0x7f))));
    expect(r.findings.map((f) => f.ruleId)).toEqual(['parse-syntax']);
    expect(r.findings[0].message).toMatch(/^special character U\+00[0-9A-F]{2} is not allowed in YAML$/);
  });

  it.each([
    ['a NUL in YAML', 'nul.yaml', 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\u0000\n', 3, 26, /special character U\+0000/],
    ['NUL bytes only', 'nul.yaml', '\u0000'.repeat(1000), 1, 1, /special character U\+0000/],
    ['a NUL in a JSON string', 'nul.json', '{"Resources": {"Q": {"Type": "AWS::SQS::Queue\u0000"}}}', 1, 30, /invalid JSON: invalid character/],
  ])('%s', async (_name, file, text, line, column, message) => {
    const r = await lint(write(file, text));
    expect(r.code).toBe(2);
    expect(r.findings.map(at)).toEqual([['parse-syntax', line, column]]);
    expect(r.findings[0].message).toMatch(message);
  });

  it.each([
    ['empty', '', 1, 'template is empty'],
    ['whitespace only', '  \n\n\t\n', 1, 'template is empty'],
    ['a comment only', '# nothing here\n', 1, 'a template must be a mapping at the top level'],
    ['two documents', 'Resources: {}\n---\nResources: {}\n', 2, 'a template must be a single YAML document'],
  ])('%s', async (_name, text, line, message) => {
    const r = await lint(write('t.yaml', text));
    expect(r.code).toBe(2);
    expect(r.findings.map((f) => [f.ruleId, f.line, f.message])).toEqual([['parse-syntax', line, message]]);
  });
});

describe('encodings and line endings keep exact positions', () => {
  const BAD_REF = 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Ref Nowhere\n';

  it.each([
    ['LF', 't.yaml', BAD_REF, 5, 18],
    ['a UTF-8 BOM', 't.yaml', '\ufeff' + BAD_REF, 5, 18],
    ['CRLF', 't.yaml', BAD_REF.replace(/\n/g, '\r\n'), 5, 18],
    ['a BOM and CRLF', 't.yaml', '\ufeff' + BAD_REF.replace(/\n/g, '\r\n'), 5, 18],
    ['JSON with a BOM', 't.json', '\ufeff{\r\n"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": {"Ref": "Nowhere"}}}}}', 2, 84],
    ['tabs inside values', 't.yaml', BAD_REF.replace('Resources:', 'Description: "a\tb"\t# tab\nResources:'), 6, 18],
  ])('%s', async (_name, file, text, line, column) => {
    const r = await lint(write(file, text));
    expect(r.code).toBe(2);
    expect(r.findings.map(at)).toEqual([['ref-target', line, column]]);
  });

  it('tabs as indentation', async () => {
    const r = await lint(write('t.yaml', 'Resources:\n\tQ:\n\t\tType: AWS::SQS::Queue\n'));
    expect(r.code).toBe(2);
    expect(r.findings.map(at)).toEqual([['parse-syntax', 2, 1]]);
    expect(r.findings[0].message).toBe('tabs are not allowed as YAML indentation');
  });
});

describe('files that are not files', () => {
  it('a directory named like a template is searched, not read; an empty one is 0 files and exit 0', async () => {
    mkdirSync(join(dir, 'stack.yaml'));
    expect(await lint('stack.yaml')).toMatchObject({ code: 0, findings: [], files: 0 });
    write('stack.yaml/inner.yaml', 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n');
    expect(await lint('stack.yaml')).toMatchObject({ code: 0, files: 1 });
  });

  it('a directory or an unreadable file given as a file is one parse-syntax finding naming it', () => {
    mkdirSync(join(dir, 'd.yaml'));
    const config = { rules: {}, ignore: [], root: dir };
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const run = lintTargets(
      [
        { file: join(dir, 'd.yaml'), sniff: false },
        { file: 'locked.yaml', sniff: false },
        { file: write('ok.yaml', 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n'), sniff: false },
      ],
      {
        rules: RULES,
        config,
        read: (file) => {
          if (file === 'locked.yaml') throw denied;
          return readTemplateBytes(file);
        },
      },
    );
    expect(run.findings.map((f) => [f.file, f.ruleId, f.messageId, f.message])).toEqual([
      [join(dir, 'd.yaml'), 'parse-syntax', 'unreadable', `cannot read ${join(dir, 'd.yaml')}: is a directory`],
      ['locked.yaml', 'parse-syntax', 'unreadable', 'cannot read locked.yaml: permission denied'],
    ]);
    expect(run.files).toHaveLength(3);
  });

  (process.getuid?.() === 0 ? it.skip : it)('a file without read permission', async () => {
    const p = write('locked.yaml', 'Resources: {}\n');
    chmodSync(p, 0);
    const r = await lint('locked.yaml');
    expect(r.code).toBe(2);
    expect(r.findings.map((f) => f.message)).toEqual(['cannot read locked.yaml: permission denied']);
  });

  it('symlink loops in a directory argument: each directory once, a looping file link is one finding', async () => {
    write('t.yaml', 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n');
    mkdirSync(join(dir, 'sub'));
    symlinkSync(dir, join(dir, 'sub', 'up'));
    symlinkSync(join(dir, 'sub'), join(dir, 'sub', 'self'));
    symlinkSync('loop.yaml', join(dir, 'loop.yaml'));
    const r = await lint('.');
    expect(r.code).toBe(2);
    expect(r.files).toBe(2);
    expect(r.findings.map((f) => [f.file, f.ruleId, f.message])).toEqual([['loop.yaml', 'parse-syntax', 'cannot read loop.yaml: too many levels of symbolic links']]);
  });

  it('a FIFO (or a link to one) in a directory is skipped, not read (a read would block forever)', async () => {
    write('t.yaml', 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n');
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    symlinkSync(join(dir, 'pipe.yaml'), join(dir, 'link.yaml'));
    expect(await lint('.')).toMatchObject({ code: 0, files: 1 });
    expect(await lint('*.yaml')).toMatchObject({ code: 0, files: 1 });
  });
});

describe('templates that fight the rules', () => {
  it('references to itself in every way: cycles through Ref, Fn::GetAtt, Fn::Sub and DependsOn', async () => {
    const r = await lint(write('t.yaml', selfReferencing(40)));
    noInternalErrors(r.findings);
    expect(r.code).toBe(2);
    const cycles = r.findings.filter((f) => f.ruleId === 'circular-dependency');
    expect(cycles.map((f) => [f.resource, f.line, f.column])).toEqual([
      ['Me', 6, 3],
      ['R0', 15, 3],
    ]);
    expect(cycles[1].message).toMatch(/R0 → R1 → .* \(40 resources\)$/);
    expect(r.findings.some((f) => f.ruleId === 'ref-target' && f.resource === 'Loop')).toBe(true);
  });

  it('a 5,000-resource cycle is found without recursion', () => {
    const findings = lintText(selfReferencing(5000), 't');
    noInternalErrors(findings);
    expect(findings.filter((f) => f.ruleId === 'circular-dependency')).toHaveLength(2);
  });

  it('50 conditions combined through nested Fn::If, Fn::And, Fn::Or and Fn::Not', async () => {
    const r = await lint(write('t.yaml', conditionHeavyTemplate(50)));
    noInternalErrors(r.findings);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('cfnkit diff on hostile input: one line naming the file and exit 1', () => {
  const OK = 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n';
  it.each([
    ['/dev/zero', undefined, /^cfnkit diff: \/dev\/zero:1:1: template is larger than 8 MB/],
    ['deep.json', deepJson(10_000), /^cfnkit diff: deep\.json:1:\d+: nesting deeper than 128 levels$/],
    ['bomb.yaml', aliasBomb(30, 10), /^cfnkit diff: bomb\.yaml:2:\d+: YAML anchor &a0 is not supported by CloudFormation \(and \d+ more problems\)$/],
    ['binary.yaml', randomBytes(10_000), /^cfnkit diff: binary\.yaml:\d+:\d+: invalid UTF-8 at byte \d+$/],
  ])('%s', async (name, content, message) => {
    if (content !== undefined) write(name, content);
    const run = await runCli(['diff', name, write('ok.yaml', OK)], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr.trim()).toMatch(message);
  });
});
