/**
 * Isolation in multi-file runs (issue 6): a file that makes cfnkit fail, or that runs past the
 * per-file time budget, becomes one `internal-error` finding naming it, and the run goes on — on the
 * main thread (the budget is a `vm` watchdog there) and in worker threads (which are replaced when
 * they overrun, crash or run out of memory).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { scaleTemplate } from '../../bench/scale';
import { withinBudget, BudgetExceeded } from '../../src/lint/budget';
import { runCfnLint } from '../../src/lint/cfn-lint';
import { lintText } from '../../src/lint/engine';
import { batchSlack, lintTargets } from '../../src/lint/run';
import type { LintRun } from '../../src/lint/run';
import type { Rule, RuleListeners } from '../../src/lint/types';
import { buildJs, measureCli, removeBuild } from './support/build';
import { manyTinyResources } from './support/hostile';

const config = { rules: {}, ignore: [], root: '/' };
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cfnkit-isolation-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A template whose Description tells the test rules what to do. */
const template = (description: string) => `Description: ${description}\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n`;
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return { file: p, sniff: false };
};

/** A rule that reports every template, so a linted file is seen to be linted. */
const seen: Rule = {
  meta: { id: 'seen', severity: 'info', category: 'practice', description: 'Report every template', cfnLint: [], options: {}, messages: { seen: 'seen' } },
  create: (context) => ({ template: () => context.report({ path: [], messageId: 'seen' }) }),
};

/** A rule that misbehaves on templates whose Description says how. */
const hostile: Rule = {
  meta: { id: 'hostile', severity: 'error', category: 'practice', description: 'Misbehave on request', cfnLint: [], options: {}, messages: { x: 'x' } },
  create(context) {
    const how = context.template.Description;
    const listeners: RuleListeners = {
      template() {
        if (how === 'throw') throw new TypeError('the rule broke');
        if (how === 'spin') for (;;);
        if (how === 'regex') /^(a+)+$/.test('a'.repeat(40) + 'b');
        if (how === 'busy') for (const end = performance.now() + 400; performance.now() < end; );
        if (how === 'swallow') {
          for (;;) {
            try {
              for (;;);
            } catch {
              // a rule that catches everything still cannot catch the budget's stop
            }
          }
        }
      },
    };
    // the engine reads listeners outside its per-rule guard: a throwing getter fails the whole file
    return how === 'engine' ? Object.defineProperty({}, 'template', { get: () => { throw new RangeError('engine-level failure'); } }) : listeners;
  },
};

const summary = (run: LintRun) => run.findings.map((f) => [f.file.slice(dir.length + 1), f.ruleId, f.messageId]);

describe('main thread', () => {
  it('a rule that throws is one internal-error finding; the other rules and files still run', () => {
    const run = lintTargets([file('a.yaml', template('fine')), file('b.yaml', template('throw')), file('c.yaml', template('fine'))], { rules: [seen, hostile], config });
    expect(summary(run)).toEqual([
      ['a.yaml', 'seen', 'seen'],
      ['b.yaml', 'internal-error', 'crash'],
      ['b.yaml', 'seen', 'seen'],
      ['c.yaml', 'seen', 'seen'],
    ]);
    expect(run.findings[1].message).toBe('rule hostile failed on this template: the rule broke');
  });

  it('a failure outside any rule is one internal-error finding for that file', () => {
    const run = lintTargets([file('a.yaml', template('engine')), file('b.yaml', template('fine'))], { rules: [seen, hostile], config });
    expect(summary(run)).toEqual([
      ['a.yaml', 'internal-error', 'crash'],
      ['b.yaml', 'seen', 'seen'],
    ]);
    expect(run.findings[0].message).toBe('cfnkit failed on this file: engine-level failure');
    expect(run.files).toHaveLength(2);
  });

  it.each(['spin', 'regex', 'swallow'])('a runaway rule (%s) is stopped by the budget: one timeout finding, then the next file', (how) => {
    const run = lintTargets([file('a.yaml', template(how)), file('b.yaml', template('fine'))], { rules: [seen, hostile], config, timeoutMs: 200 });
    expect(summary(run)).toEqual([
      ['a.yaml', 'internal-error', 'timeout'],
      ['b.yaml', 'seen', 'seen'],
    ]);
    expect(run.findings[0].message).toBe('linting this file took longer than 0.2 s and was stopped (--timeout)');
  });

  it('a runaway file in the middle of many: only that file times out, every other one is linted in order', () => {
    const names = ['a', 'b', 'c', 'd', 'e'];
    const run = lintTargets(names.map((n) => file(`${n}.yaml`, template(n === 'c' ? 'spin' : 'fine'))), { rules: [seen, hostile], config, timeoutMs: 200 });
    expect(summary(run)).toEqual(names.map((n) => (n === 'c' ? [`${n}.yaml`, 'internal-error', 'timeout'] : [`${n}.yaml`, 'seen', 'seen'])));
    expect(run.files).toHaveLength(5);
  });

  it('files that share one armed budget each still get the whole budget', () => {
    // 4 files of 400 ms each under a 1 s budget: one budget for all of them would stop the third
    const run = lintTargets(['a', 'b', 'c', 'd'].map((n) => file(`slow-${n}.yaml`, template('busy'))), { rules: [seen, hostile], config, timeoutMs: 1000 });
    expect(summary(run).map((s) => s[2])).toEqual(['seen', 'seen', 'seen', 'seen']);
  });

  it('files share a budget for at most a tenth of it, and never more than a second', () => {
    expect(batchSlack(200)).toBe(20);
    expect(batchSlack(30_000)).toBe(1000);
  });

  it('lintText (library) keeps a budget when given one: a runaway rule is one timeout finding', () => {
    expect(lintText(template('spin'), 'lib.yaml', { rules: [seen, hostile], timeoutMs: 100 }).map((f) => [f.ruleId, f.messageId, f.line])).toEqual([['internal-error', 'timeout', 1]]);
    expect(lintText(template('fine'), 'lib.yaml', { rules: [seen, hostile], timeoutMs: 1000 }).map((f) => f.ruleId)).toEqual(['seen']);
  });

  it('the budget passes results and errors through, and 0 turns it off', () => {
    expect(withinBudget(1000, () => [1, 2])).toEqual([1, 2]);
    expect(() => withinBudget(1000, () => { throw new TypeError('x'); })).toThrow(TypeError);
    expect(() => withinBudget(50, () => { for (;;); })).toThrow(BudgetExceeded);
    expect(withinBudget(0, () => 'unbudgeted')).toBe('unbudgeted');
    // a budget inside a budget: the inner stop is the inner caller's, the outer job goes on
    const nested = withinBudget(5000, () => {
      try {
        withinBudget(50, () => { for (;;); });
      } catch (e) {
        return e instanceof BudgetExceeded ? 'inner stopped' : 'other';
      }
      return 'not stopped';
    });
    expect(nested).toBe('inner stopped');
    expect(withinBudget(1000, () => withinBudget(1000, () => 'both'))).toBe('both');
  });
});

describe('CLI and worker threads (compiled)', () => {
  let build: string;
  beforeAll(() => {
    build = buildJs();
    writeFileSync(join(build, 'auto.js'), AUTO);
  });
  afterAll(() => removeBuild(build));

  /** Runs lintTargetsAuto from the compiled build in a child process. */
  const auto = (files: string[], options: object): LintRun => {
    const r = spawnSync(process.execPath, [join(build, 'auto.js'), JSON.stringify({ files, options })], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 });
    if (r.status !== 0) throw new Error(`auto.js exited ${r.status} ${r.signal}: ${r.stderr}`);
    return JSON.parse(r.stdout) as LintRun;
  };

  const SMALL = 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Ref Nowhere\n';
  let queue: string[];
  beforeAll(() => {
    // 30 small files with one ref-target error each, and in the middle 5 MB that takes several seconds
    queue = Array.from({ length: 31 }, (_, i) => file(`f${String(i).padStart(2, '0')}.${i === 15 ? 'json' : 'yaml'}`, i === 15 ? manyTinyResources(5 << 20) : SMALL).file);
  });
  const rulesOf = (run: LintRun) => run.findings.map((f) => `${f.file.slice(dir.length + 1)} ${f.ruleId}${f.ruleId === 'internal-error' ? ` ${f.message}` : ''}`).filter((l) => !/ (template-limits|template-body-size|stateful-retention|s3-bucket-defaults)$/.test(l));
  const expected = (slow: string) => queue.map((f, i) => (i === 15 ? `f15.json internal-error ${slow}` : `${f.slice(dir.length + 1)} ref-target`));

  it('in parallel, the budget stops the slow file in its worker; the others are linted, in order', () => {
    const run = auto(queue, { threads: 2, timeoutMs: 2000 });
    expect(rulesOf(run)).toEqual(expected('linting this file took longer than 2 s and was stopped (--timeout)'));
    expect(run.files).toEqual(queue);
  });

  it('a worker that stays silent past its deadline is terminated and replaced', () => {
    const run = auto(queue, { threads: 2, timeoutMs: 0, workerDeadlineMs: 2000 });
    expect(rulesOf(run)).toEqual(expected('linting this file took longer than 2 s and was stopped (--timeout)'));
  });

  it('a worker that runs out of memory is replaced; its file gets the finding', () => {
    const run = auto(queue, { threads: 2, timeoutMs: 0, workerHeapMb: 96 });
    expect(rulesOf(run)).toEqual(expected('cfnkit failed on this file: it needs more than the 96 MB of memory a file may use'));
  });

  it('cfnkit lint --timeout: one small slow file (main thread) and one large file (its own worker)', () => {
    const slow = file('slow.yaml', scaleTemplate(2500)).file; // 0.9 MB: linted on the main thread, in about 1 s
    const large = queue[15];
    const run = measureCli(build, ['lint', '--format', 'json', '--timeout', '0.3', slow, large, queue[0]]);
    expect(run.code).toBe(2);
    const findings = (JSON.parse(run.stdout) as LintRun).findings.filter((f) => f.ruleId === 'internal-error' || f.ruleId === 'ref-target');
    expect(findings.map((f) => [f.file, f.ruleId, f.message])).toEqual([
      [queue[0], 'ref-target', expect.stringMatching(/^Ref names "Nowhere"/)],
      [large, 'internal-error', 'linting this file took longer than 0.3 s and was stopped (--timeout)'],
      [slow, 'internal-error', 'linting this file took longer than 0.3 s and was stopped (--timeout)'],
    ]);
  });

  it.each([['-1'], ['soon']])('cfnkit lint --timeout %s is a usage error on one line', (value) => {
    const run = measureCli(build, ['lint', '--timeout', value, queue[0]]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('cfnkit lint: --timeout must be a number of seconds (0 for no limit)');
  });
});

const AUTO = `'use strict';
const { lintTargetsAuto } = require('./src/lint/parallel.js');
const { RULES } = require('./rules/index.js');
const { files, options } = JSON.parse(process.argv[2]);
lintTargetsAuto(files.map((file) => ({ file, sniff: false })), { rules: RULES, config: { rules: {}, ignore: [], root: '/' }, ...options }).then(
  (run) => process.stdout.write(JSON.stringify(run)),
  (e) => { process.stderr.write(String(e && e.stack)); process.exitCode = 1; },
);
`;

describe('--cfn-lint', () => {
  it('cfn-lint running past the budget (it takes minutes on condition-heavy templates) is stopped: one line', () => {
    const slow = join(dir, 'slow-cfn-lint');
    writeFileSync(slow, '#!/bin/sh\nexec sleep 30\n', { mode: 0o755 });
    const start = Date.now();
    expect(() => runCfnLint(['t.yaml'], slow, 300)).toThrow('cfnkit lint --cfn-lint: cfn-lint did not finish within 0.3 s (--timeout per file) and was stopped');
    expect(Date.now() - start).toBeLessThan(20_000); // stopped, not waited for
  });
});
