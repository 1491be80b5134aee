/**
 * Lints many files on all cores: worker threads pull files from a shared queue (one at a time, so a
 * large file does not hold up a fixed share) and send back plain findings; the results are put back
 * in input order, so output is the same as a sequential run's.
 *
 * Used only from the compiled package (workers load dist/src/lint/worker.js) and only when asked
 * (`CFNKIT_THREADS`): a worker costs a start-up and a cold JIT of its own, which did not pay on the
 * real-world corpus (see {@link defaultThreads}).
 *
 * Isolation (issue 6): each worker keeps the per-file time budget itself; should a worker still not
 * answer a grace period after the budget (stuck where the budget cannot reach), or die (out of
 * memory, a crash), it is terminated, its file gets one `internal-error` finding and a fresh worker
 * takes the rest of the queue.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { LintConfig } from './config';
import { INTERNAL_ERROR, fileFinding, timeoutFinding } from './engine';
import type { LintTarget } from './files';
import { DEFAULT_TIMEOUT_MS, LintRun, lintTargets } from './run';
import type { Finding, Rule } from './types';

/** Below this many files one thread is faster than starting workers. */
export const PARALLEL_MIN_FILES = 24;

/**
 * Heap limit of a worker: a file that needs more ends in an `internal-error` finding, not a dead run
 * or a runner out of memory. A template CloudFormation accepts needs a tenth of it; the hostile
 * 5 MB ones of issue 6, less than 256 MB.
 */
export const WORKER_HEAP_MB = 384;

/**
 * Files larger than this (1 MiB, more than CloudFormation accepts) are linted in a worker even in
 * a small run: their memory then has {@link WORKER_HEAP_MB} as a hard limit, which the main thread
 * cannot have, and the start-up (about 0.1 s) is small beside the seconds such a file takes.
 */
export const LARGE_FILE_BYTES = 1 << 20;

/** Message from a worker: the result for one target. */
export interface WorkerResult {
  readonly index: number;
  readonly findings: Finding[];
  readonly linted: boolean;
}

/** What a worker is started with. */
export interface WorkerSetup {
  readonly config: LintConfig;
  readonly ruleIds: readonly string[];
  readonly timeoutMs: number;
  readonly heapMb: number;
}

/** Options of {@link lintTargetsAuto}. */
export interface AutoOptions {
  readonly rules: readonly Rule[];
  readonly config: LintConfig;
  /** Worker threads; default `CFNKIT_THREADS` or the number of cores. */
  readonly threads?: number;
  /** Per-file time budget in ms, 0 for none; default {@link DEFAULT_TIMEOUT_MS}. */
  readonly timeoutMs?: number;
  /**
   * How long a worker may stay silent on one file before it is terminated (its own budget should have
   * stopped the file long before); default the budget plus max(5 s, the budget), none without a budget.
   */
  readonly workerDeadlineMs?: number;
  /** Heap limit of each worker in MB; default {@link WORKER_HEAP_MB}. */
  readonly workerHeapMb?: number;
}

/**
 * Worker threads by default: one (this thread), unless `CFNKIT_THREADS` asks for more (at most the
 * cores). Measured on the 2-core machine: each worker pays the start-up and the cold JIT of the YAML
 * parser again, and that outweighed the second core both for a 37-file sample (0.95 s on one thread,
 * 1.77 s on two) and for the 369-file real-world corpus (3.9 s vs 5.2 s).
 */
function defaultThreads(): number {
  const asked = Number(process.env.CFNKIT_THREADS);
  if (!(asked >= 1)) return 1;
  const { availableParallelism } = require('node:os') as typeof import('node:os');
  return Math.min(Math.floor(asked), Math.max(availableParallelism(), 2));
}

/**
 * Lints `targets`, in parallel when there are enough of them, cores to use and compiled workers.
 * Otherwise on this thread — except files over {@link LARGE_FILE_BYTES}, which get a worker of
 * their own, so that their memory has a hard limit too (issue 6).
 */
export async function lintTargetsAuto(targets: readonly LintTarget[], options: AutoOptions): Promise<LintRun> {
  const threads = Math.min(options.threads ?? defaultThreads(), Math.ceil(targets.length / 8));
  const compiled = __filename.endsWith('.js');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const setup: WorkerSetup = { config: options.config, ruleIds: options.rules.map((r) => r.meta.id), timeoutMs, heapMb: options.workerHeapMb ?? WORKER_HEAP_MB };
  const deadline = options.workerDeadlineMs ?? (timeoutMs > 0 ? timeoutMs + Math.max(5000, timeoutMs) : 0);
  const results: Array<WorkerResult | undefined> = new Array(targets.length);
  const inWorkers = async (queue: readonly number[], lanes: number) => {
    let next = 0;
    const take = () => (next < queue.length ? queue[next++] : undefined);
    const lane = () => new Promise<void>((resolve, reject) => runLane({ setup, deadline, take, targets, results, done: resolve, broken: reject }));
    await Promise.all(Array.from({ length: lanes }, lane));
  };

  if (threads >= 2 && targets.length >= PARALLEL_MIN_FILES && compiled && !targets.some((t) => t.file === '-')) {
    await inWorkers(targets.map((_t, i) => i), threads);
  } else {
    const large = compiled ? targets.flatMap((t, i) => (t.file !== '-' && sizeOf(t.file) > LARGE_FILE_BYTES ? [i] : [])) : [];
    if (large.length === 0) return lintTargets(targets, { ...options, timeoutMs });
    targets.forEach((target, i) => {
      if (large.includes(i)) return;
      const run = lintTargets([target], { ...options, timeoutMs });
      results[i] = { index: i, findings: run.findings, linted: run.files.length > 0 };
    });
    await inWorkers(large, 1);
  }
  const findings: Finding[] = [];
  const files: string[] = [];
  results.forEach((r, i) => {
    if (!r) return;
    if (r.linted) files.push(targets[i].file);
    for (const f of r.findings) findings.push(f);
  });
  return { findings, files };
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

interface Lane {
  readonly setup: WorkerSetup;
  /** ms a worker may stay silent on one file, 0 for no limit. */
  readonly deadline: number;
  /** The next index of the queue, or undefined when it is empty. */
  readonly take: () => number | undefined;
  readonly targets: readonly LintTarget[];
  readonly results: Array<WorkerResult | undefined>;
  readonly done: () => void;
  /** A worker that fails before its first file: the installation is broken, not a template. */
  readonly broken: (e: Error) => void;
}

/**
 * One worker's share of the queue: feeds it files until the queue is empty; replaces it with a fresh
 * one when it dies or overruns, after recording the file it was on.
 */
function runLane(lane: Lane): void {
  const { setup, deadline, targets, results } = lane;
  // node:worker_threads only when a worker starts (issue 3, cold start)
  const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
  const worker: Worker = new Worker(join(__dirname, 'worker.js'), { workerData: setup, resourceLimits: { maxOldGenerationSizeMb: setup.heapMb } });
  let current: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  let over = false;
  const stop = () => {
    over = true;
    clearTimeout(timer);
    void worker.terminate();
  };
  const fail = (finding: Finding, error: Error) => {
    if (over) return;
    stop();
    if (current === undefined) return lane.broken(error);
    results[current] = { index: current, findings: [finding], linted: true };
    runLane(lane); // a fresh worker for the rest of the queue
  };
  const feed = () => {
    current = lane.take();
    if (current === undefined) {
      stop();
      lane.done();
      return;
    }
    const file = targets[current].file;
    if (deadline > 0) timer = setTimeout(() => fail(timeoutFinding(file, deadline), new Error('timeout')), deadline);
    worker.postMessage({ index: current, target: targets[current] });
  };
  worker.on('message', (m: WorkerResult | 'ready') => {
    if (over) return;
    clearTimeout(timer);
    if (m !== 'ready') results[m.index] = m;
    feed();
  });
  const crash = (error: Error, why: string) => {
    const file = current === undefined ? '' : targets[current].file;
    fail(fileFinding(file, INTERNAL_ERROR, 'crash', `cfnkit failed on this file: ${why}`), error);
  };
  worker.on('error', (e: Error) => crash(e, (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? `it needs more than the ${setup.heapMb} MB of memory a file may use` : e.message));
  worker.on('exit', (code) => crash(new Error(`lint worker exited with code ${code}`), `worker exited with code ${code}`));
}
