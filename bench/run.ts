/**
 * Benchmarks (npm run bench). Prints figures; never fails on absolute times (this machine is shared
 * and noisy). Sections: cold start of `cfnkit gen blue-green` against a bare `node -e 0` start.
 * Usage: node dist/bench/run.js [--runs N]
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../src/paths';

const runsArg = process.argv.indexOf('--runs');
const runs = Math.max(5, runsArg > 0 ? Number(process.argv[runsArg + 1]) : 9);
const cli = join(packageRoot(), 'dist', 'src', 'cli', 'main.js');

/** Wall time in ms of one run of `command args`, which must exit 0. */
function timeOnce(command: string, args: string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/** Median wall time over `runs` runs after one warm-up run (file cache, not the process). */
function median(command: string, args: string[]): { median: number; min: number; max: number } {
  timeOnce(command, args);
  const times = Array.from({ length: runs }, () => timeOnce(command, args)).sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0], max: times[times.length - 1] };
}

const fmt = (t: { median: number; min: number; max: number }) => `median ${t.median.toFixed(1)} ms (min ${t.min.toFixed(1)}, max ${t.max.toFixed(1)})`;

const node = median(process.execPath, ['-e', '0']);
const gen = median(process.execPath, [cli, 'gen', 'blue-green']);
const genJson = median(process.execPath, [cli, 'gen', 'blue-green', '--format', 'json']);
process.stdout.write(
  [
    `cold start, ${runs} runs each:`,
    `  node -e 0                          ${fmt(node)}`,
    `  cfnkit gen blue-green              ${fmt(gen)}  (target <= 150 ms)`,
    `  cfnkit gen blue-green --format json ${fmt(genJson)}`,
    `  cfnkit's own share (gen - node)     ${(gen.median - node.median).toFixed(1)} ms`,
    '',
  ].join('\n'),
);
