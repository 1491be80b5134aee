/**
 * Lints many files on all cores: worker threads pull files from a shared queue (one at a time, so a
 * large file does not hold up a fixed share) and send back plain findings; the results are put back
 * in input order, so output is the same as a sequential run's.
 *
 * Used only from the compiled package (workers load dist/src/lint/worker.js) and only when it pays:
 * a worker costs a start-up of its own, so small runs stay on the main thread.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LintConfig } from './config';
import type { LintTarget } from './files';
import { LintRun, lintTargets } from './run';
import type { Finding, Rule } from './types';

/** Below this many files one thread is faster than starting workers. */
export const PARALLEL_MIN_FILES = 24;

/** Message from a worker: the result for one target. */
export interface WorkerResult {
  readonly index: number;
  readonly findings: Finding[];
  readonly linted: boolean;
}

/** Lints `targets`, in parallel when there are enough of them, cores to use and compiled workers. */
export async function lintTargetsAuto(targets: readonly LintTarget[], options: { rules: readonly Rule[]; config: LintConfig; threads?: number }): Promise<LintRun> {
  const threads = Math.min(options.threads ?? (Number(process.env.CFNKIT_THREADS) || availableParallelism()), Math.ceil(targets.length / 8));
  const compiled = __filename.endsWith('.js');
  if (threads < 2 || targets.length < PARALLEL_MIN_FILES || !compiled || targets.some((t) => t.file === '-')) {
    return lintTargets(targets, options);
  }
  const results: Array<WorkerResult | undefined> = new Array(targets.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: threads }, () => {
      return new Promise<void>((resolve, reject) => {
        const worker = new Worker(join(__dirname, 'worker.js'), { workerData: { config: options.config, ruleIds: options.rules.map((r) => r.meta.id) } });
        const feed = () => {
          if (next < targets.length) {
            const index = next++;
            worker.postMessage({ index, target: targets[index] });
          } else {
            void worker.terminate();
            resolve();
          }
        };
        worker.on('message', (m: WorkerResult | 'ready') => {
          if (m !== 'ready') results[m.index] = m;
          feed();
        });
        worker.on('error', reject);
      });
    }),
  );
  const findings: Finding[] = [];
  const files: string[] = [];
  results.forEach((r, i) => {
    if (!r) return;
    if (r.linted) files.push(targets[i].file);
    findings.push(...r.findings);
  });
  return { findings, files };
}
