/**
 * Child process for interrupt.test.ts: a preview of a new stack against recorded responses, whose
 * change set never leaves CREATE_IN_PROGRESS. Prints `waiting` once it polls, then (after the parent's
 * signal) one JSON line with the error code and the operations sent, and exits 130 when interrupted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Template } from '../../src/model/template';
import { parseTemplate } from '../../src/parse';
import { withInterrupt } from '../../src/preview/signals';
import { preview } from '../../src/preview/workflow';
import { FakeCloudFormation, loadRecording } from './fake-cloudformation';

const body = readFileSync(join(__dirname, '..', 'fixtures', 'diff', 'showcase', 'new.yaml'), 'utf8');
let told = false;
const cfn = new FakeCloudFormation(loadRecording('showcase'), {
  stackMissing: true,
  inProgressPolls: Infinity,
  after: (operation) => {
    if (operation === 'DescribeChangeSet' && !told) {
      told = true;
      process.stdout.write('waiting\n');
    }
  },
});

withInterrupt(
  (signal) =>
    preview(cfn, { stackName: 'shop', templateBody: body, template: parseTemplate(body).template as Template, signal, pollDelaysMs: [60_000], timeoutMs: 600_000 }),
  { onSignal: (s) => process.stdout.write(`signal ${s}\n`) },
).then(
  () => {
    process.stdout.write(`${JSON.stringify({ code: 'completed', operations: cfn.operations() })}\n`);
  },
  (e: { code?: string; cleanupProblems?: string[] }) => {
    process.stdout.write(`${JSON.stringify({ code: e.code, cleanupProblems: e.cleanupProblems, operations: cfn.operations() })}\n`);
    process.exitCode = e.code === 'interrupted' ? 130 : 1;
  },
);
