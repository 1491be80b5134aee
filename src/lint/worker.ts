/** Worker thread of {@link lintTargetsAuto}: lints the files it is sent, one message per file. */
import { parentPort, workerData } from 'node:worker_threads';
import { RULES } from '../../rules';
import type { LintTarget } from './files';
import type { WorkerSetup } from './parallel';
import { lintTargets } from './run';

const { config, ruleIds, timeoutMs } = workerData as WorkerSetup;
const wanted = new Set(ruleIds);
const rules = RULES.filter((r) => wanted.has(r.meta.id));

parentPort!.on('message', ({ index, target }: { index: number; target: LintTarget }) => {
  const run = lintTargets([target], { rules, config, timeoutMs });
  parentPort!.postMessage({ index, findings: run.findings, linted: run.files.length > 0 });
});
parentPort!.postMessage('ready');
