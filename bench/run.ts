/**
 * Benchmarks (npm run bench). Prints figures and ratios against cfn-lint measured in the same run on
 * the same files; never fails on absolute times (this machine is shared and noisy).
 *
 *   node dist/bench/run.js [gen] [lint] [--runs N] [--quick] [--min-ratio X]
 *
 * gen:   cold start of `cfnkit gen blue-green` (median of N runs) beside a bare `node -e 0` (and, when
 *        NODE_EXTRA_CA_CERTS is set, `node -e 0` without it: bin/cfnkit drops it, see the bin's comment).
 *        Every cfnkit figure runs the package's bin as npm links it (bin/cfnkit).
 * lint:  the real-world corpus (../shared/corpus/realworld) linted in one process by cfnkit and by
 *        cfn-lint: wall time, CPU time, peak memory, ratio; then the cold time of linting one small
 *        template (median of N runs each).
 * scale: generated templates of 10, 100, 500 and 5,000 resources and the 50-condition template
 *        (bench/scale.ts): the CLI's wall time and peak memory in a process of its own, and parse +
 *        lint time in this process (warm), per resource; growth should be about linear.
 * --quick: a 74-file sample (every fifth) and 5 runs (CI); with --min-ratio X, exit 1 when cfnkit is less than X
 *          times faster than cfn-lint (a gross regression), never on absolute times. For scale: sizes
 *          up to 500 and one run each.
 *          Without cfn-lint on PATH, --min-ratio fails: the check it asks for cannot be made.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../src/paths';
import { conditionHeavyTemplate, scaleTemplate } from './scale';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const value = (name: string, fallback: number) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const quick = flag('--quick');
const runs = Math.max(5, value('--runs', quick ? 5 : 9));
const minRatio = value('--min-ratio', 0);
const sections = argv.filter((a) => !a.startsWith('--') && !/^\d/.test(a));
const want = (s: string) => sections.length === 0 || sections.includes(s);
const root = packageRoot();
const binName = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: { cfnkit: string } }).bin.cfnkit;
const cli = join(root, binName); // run as a user runs it: the launcher, not `node` on the bundle
const corpus = join(root, '..', 'shared', 'corpus', 'realworld');

interface Measure {
  readonly wall: number; // ms
  readonly cpu: number; // ms, user + system
  readonly rssMb: number;
  readonly status: number;
}

/** Runs a command under /usr/bin/time for wall, CPU and peak RSS. */
function measure(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Measure {
  const start = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '__TIME__ %U %S %M', command, ...args], { encoding: 'utf8', maxBuffer: 512 << 20, env });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  const m = /__TIME__ ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr ?? '');
  if (!m) throw new Error(`${command}: no timing (${(r.stderr ?? '').slice(-300)})`);
  return { wall, cpu: (Number(m[1]) + Number(m[2])) * 1000, rssMb: Number(m[3]) / 1024, status: r.status ?? -1 };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function coldMedian(command: string, args: string[], env?: NodeJS.ProcessEnv): { median: number; min: number; max: number } {
  measure(command, args, env); // warm the file cache
  const walls = Array.from({ length: runs }, () => measure(command, args, env).wall);
  return { median: median(walls), min: Math.min(...walls), max: Math.max(...walls) };
}

const ms = (x: number) => `${x.toFixed(0)} ms`;
const fmtCold = (t: { median: number; min: number; max: number }) => `median ${t.median.toFixed(1)} ms (min ${t.min.toFixed(1)}, max ${t.max.toFixed(1)})`;
let failed = false;

if (want('gen')) {
  const node = coldMedian(process.execPath, ['-e', '0']);
  const lines = [`gen: cold start, ${runs} runs each (the bin, ${binName}, as npm links it)`, `  node -e 0                 ${fmtCold(node)}`];
  if (process.env.NODE_EXTRA_CA_CERTS) {
    // node loads this file before any code runs; bin/cfnkit drops it for every command but preview
    const { NODE_EXTRA_CA_CERTS: _, ...env } = process.env;
    lines.push(`  node -e 0 (no extra CAs)   ${fmtCold(coldMedian(process.execPath, ['-e', '0'], env))}`);
  }
  lines.push(`  cfnkit gen blue-green     ${fmtCold(coldMedian(cli, ['gen', 'blue-green']))}  (target <= 150 ms)`, '');
  process.stdout.write(lines.join('\n'));
}

if (want('lint')) {
  if (!existsSync(join(corpus, 'MANIFEST.tsv'))) {
    process.stdout.write(`lint: corpus not found at ${corpus}; skipped\n`);
  } else {
    const hasCfnLint = spawnSync('cfn-lint', ['--version']).status === 0;
    let files = readFileSync(join(corpus, 'MANIFEST.tsv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => join(corpus, l.split('\t')[0], l.split('\t')[2]));
    if (quick) files = files.filter((_f, i) => i % 5 === 0); // 74 files: enough to amortise both tools' start-up
    const ours = measure(cli, ['lint', '--format', 'json', '--fail-on', 'none', ...files]);
    if (ours.status !== 0) throw new Error(`cfnkit lint exited ${ours.status} on the corpus`);
    const lines = [`lint: ${files.length} real-world templates in one process`, `  cfnkit   wall ${ms(ours.wall)}, cpu ${ms(ours.cpu)}, peak ${ours.rssMb.toFixed(0)} MB`];
    if (hasCfnLint) {
      const theirs = measure('cfn-lint', ['--format', 'json', '--', ...files]);
      const ratio = theirs.wall / ours.wall;
      lines.push(
        `  cfn-lint wall ${ms(theirs.wall)}, cpu ${ms(theirs.cpu)}, peak ${theirs.rssMb.toFixed(0)} MB`,
        `  ratio    ${ratio.toFixed(1)}x faster (wall), ${(theirs.cpu / ours.cpu).toFixed(1)}x less CPU (goal >= 20x, <= 200 MB)`,
      );
      if (minRatio > 0 && ratio < minRatio) {
        lines.push(`  FAIL: ratio ${ratio.toFixed(1)}x is below the regression floor ${minRatio}x`);
        failed = true;
      }
      const small = join(root, 'out', 'data-tier.yaml');
      const coldOurs = coldMedian(cli, ['lint', '--fail-on', 'none', small]);
      const coldTheirs = coldMedian('cfn-lint', ['--', small]);
      lines.push(
        `lint: cold, one small template (out/data-tier.yaml), ${runs} runs each`,
        `  cfnkit   ${fmtCold(coldOurs)}  (goal <= 150 ms)`,
        `  cfn-lint ${fmtCold(coldTheirs)}`,
        `  ratio    ${(coldTheirs.median / coldOurs.median).toFixed(1)}x (goal >= 20x)`,
      );
    } else {
      lines.push('  cfn-lint not on PATH: no ratio');
      if (minRatio > 0) {
        lines.push(`  FAIL: --min-ratio ${minRatio} needs cfn-lint on PATH`);
        failed = true;
      }
    }
    process.stdout.write(lines.join('\n') + '\n');
  }
}

if (want('scale')) {
  const dir = mkdtempSync(join(tmpdir(), 'cfnkit-scale-'));
  try {
    const n = quick ? 1 : 3;
    const best = (xs: number[]) => Math.min(...xs); // the least disturbed run on a shared machine
    const cliRun = (name: string, text: string) => {
      const file = join(dir, name);
      writeFileSync(file, text);
      const ms = Array.from({ length: n }, () => measure(cli, ['lint', '--format', 'json', '--fail-on', 'none', file]));
      if (ms.some((m) => m.status !== 0)) throw new Error(`cfnkit lint exited ${ms.map((m) => m.status).join(',')} on ${name}`);
      return { bytes: text.length, wall: best(ms.map((m) => m.wall)), rssMb: Math.max(...ms.map((m) => m.rssMb)) };
    };
    // parse + lint in this process, warm: the engine's own growth, without process start-up
    const { lintText } = require('../src/lint/engine') as typeof import('../src/lint/engine');
    const { RULES } = require('../rules') as typeof import('../rules');
    const inProcess = (text: string) => {
      lintText(text, 'warm.yaml', { rules: RULES });
      return best(
        Array.from({ length: n }, () => {
          const start = process.hrtime.bigint();
          lintText(text, 't.yaml', { rules: RULES });
          return Number(process.hrtime.bigint() - start) / 1e6;
        }),
      );
    };
    const kb = (b: number) => (b < 1 << 20 ? `${(b / 1024).toFixed(0)} KB` : `${(b / 1024 / 1024).toFixed(1)} MB`).padStart(8);
    const lines = [
      `scale: generated templates (bench/scale.ts); CLI in a process of its own and parse + lint in this one (best of ${n})`,
      '  resources     size   CLI wall   CLI peak   in process   per resource',
    ];
    const perResource: number[] = [];
    const row = (label: string, text: string, count: number) => {
      const r = cliRun(`${count}.yaml`, text);
      const t = inProcess(text);
      perResource.push(t / count);
      lines.push(`  ${label.padStart(9)} ${kb(r.bytes)} ${ms(r.wall).padStart(10)} ${`${r.rssMb.toFixed(0)} MB`.padStart(10)} ${ms(t).padStart(12)} ${`${((t / count) * 1000).toFixed(0)} µs`.padStart(14)}`);
    };
    for (const count of quick ? [10, 100, 500] : [10, 100, 500, 5000]) row(String(count), scaleTemplate(count), count);
    const sized = perResource.slice();
    row('50 cond.', conditionHeavyTemplate(50), 50);
    lines.push('  50 cond.: 50 conditions combined through Fn::And / Fn::Or / Fn::Not, values nested through Fn::If ten deep');
    const last = sized.length - 1;
    lines.push(`  growth: time per resource at ${quick ? 500 : 5000} is ${(sized[last] / sized[last - 1]).toFixed(2)}x that at ${quick ? 100 : 500} (linear: about 1)`);
    process.stdout.write(lines.join('\n') + '\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = failed ? 1 : 0;
