/**
 * `preview`: a real change set for a template, described and deleted, never executed.
 *
 * 1. DescribeStacks: a stack that does not exist (or an empty REVIEW_IN_PROGRESS one) gets a CREATE
 *    change set, one in any other `*_IN_PROGRESS` state is refused, anything else gets an UPDATE;
 * 2. GetTemplate (Original stage) for the offline prediction;
 * 3. CreateChangeSet named `cfnkit-preview-<id>`, nested stacks included;
 * 4. DescribeChangeSet until it leaves CREATE_PENDING / CREATE_IN_PROGRESS, with short delays and an
 *    overall timeout; FAILED with "didn't contain changes" / "No updates are to be performed" is no
 *    change, not an error;
 * 5. DescribeChangeSet with property values, every page, and nested stacks' change sets;
 * 6. cleanup on every path (success, error, timeout, interrupt): DeleteChangeSet, and for a CREATE
 *    preview DeleteStack of the empty stack it made, unless `keep` leaves them for a human.
 */
import { randomBytes } from 'node:crypto';
import type { Parameter as AwsParameter, Stack } from '@aws-sdk/client-cloudformation';
import { diffTemplates } from '../diff/engine';
import type { TemplateDiff } from '../diff/types';
import { summarize } from '../diff/summary';
import type { Template } from '../model/template';
import { parseTemplate } from '../parse';
import type { CloudFormationApi } from './api';
import { describeAllChanges } from './changeset';
import { PreviewError, awsErrorName, fromAwsError } from './errors';
import { mergeChanges } from './merge';
import type { PreviewResult } from './types';

/** Options of {@link preview}. */
export interface PreviewOptions {
  readonly stackName: string;
  /** The template text, sent as TemplateBody (at most 51,200 bytes). */
  readonly templateBody: string;
  /** The same template, parsed (for the offline prediction). */
  readonly template: Template;
  /** Parameter values; on an UPDATE, the stack's parameters not given here keep their previous values. */
  readonly parameters?: Readonly<Record<string, string>>;
  /** `CAPABILITY_IAM`, `CAPABILITY_NAMED_IAM`, `CAPABILITY_AUTO_EXPAND`. */
  readonly capabilities?: readonly string[];
  /** Stack tags. */
  readonly tags?: Readonly<Record<string, string>>;
  /** Leave the change set (and, for a new stack, its REVIEW_IN_PROGRESS stack) for a human to execute. */
  readonly keep?: boolean;
  /** Overall bound on waiting for the change set; default 300,000 ms. */
  readonly timeoutMs?: number;
  /** Delays between status polls; the last one repeats. Default 1 s, 2 s, 3 s, then 5 s. */
  readonly pollDelaysMs?: readonly number[];
  /** Bound on waiting for an in-progress change set before deleting it during cleanup; default 60,000 ms. */
  readonly cleanupWaitMs?: number;
  /** Aborts the preview (Ctrl-C): waiting stops, cleanup runs, a PreviewError `interrupted` is thrown. */
  readonly signal?: AbortSignal;
  /** Progress messages, for a spinner. */
  readonly onStatus?: (message: string) => void;
  /** Change set name; default `cfnkit-preview-<12 hex digits>`. */
  readonly changeSetName?: string;
}

/** CloudFormation's inline template limit (CreateChangeSet TemplateBody). */
export const TEMPLATE_BODY_LIMIT = 51_200;

/** StatusReason texts of a FAILED change set that only means "nothing to change". */
const NO_CHANGES = [/didn't contain changes/i, /No updates are to be performed/i];

/** True when a FAILED change set's `reason` says the template changes nothing. */
export function isNoChangesReason(reason: string | undefined): boolean {
  return reason !== undefined && NO_CHANGES.some((r) => r.test(reason));
}

/** What cleanup must delete. */
interface Leftovers {
  changeSetId?: string;
  /** Set when this preview created the stack (CREATE change set on a stack that did not exist). */
  createdStackId?: string;
}

/** Runs a preview against `api`; see the module comment for the sequence. */
export async function preview(api: CloudFormationApi, options: PreviewOptions): Promise<PreviewResult> {
  const leftovers: Leftovers = {};
  let outcome: Omit<PreviewResult, 'cleanupProblems' | 'keptChangeSet'> | undefined;
  let failure: unknown;
  try {
    outcome = await run(api, options, leftovers);
  } catch (e) {
    failure = e ?? new Error('preview failed');
  }
  const keep = failure === undefined && options.keep === true && outcome !== undefined && !outcome.noChanges;
  const cleanupProblems = keep ? [] : await cleanup(api, leftovers, options);
  if (failure !== undefined) {
    if (failure instanceof PreviewError) failure.cleanupProblems = cleanupProblems;
    throw failure;
  }
  return { ...outcome!, cleanupProblems, ...(keep && leftovers.changeSetId ? { keptChangeSet: leftovers.changeSetId } : {}) };
}

function interrupted(): PreviewError {
  return new PreviewError('interrupted', 'interrupted');
}

function checkSignal(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw interrupted();
}

/** An AWS call that turns errors into readable ones, and an abort into `interrupted`. */
async function call<T>(signal: AbortSignal | undefined, doing: string, fn: () => Promise<T>): Promise<T> {
  checkSignal(signal);
  try {
    return await fn();
  } catch (e) {
    if (signal?.aborted) throw interrupted();
    throw fromAwsError(e, doing);
  }
}

async function run(api: CloudFormationApi, options: PreviewOptions, leftovers: Leftovers): Promise<Omit<PreviewResult, 'cleanupProblems' | 'keptChangeSet'>> {
  const { stackName, signal } = options;
  const status = options.onStatus ?? (() => undefined);
  const size = Buffer.byteLength(options.templateBody, 'utf8');
  if (size > TEMPLATE_BODY_LIMIT) {
    throw new PreviewError('template-too-large', `the template is ${size} bytes; CreateChangeSet takes at most ${TEMPLATE_BODY_LIMIT} bytes inline (TemplateBody), and cfnkit preview does not upload templates to S3`);
  }
  const declared = options.template.Parameters ?? {};
  for (const name of Object.keys(options.parameters ?? {})) {
    if (!Object.hasOwn(declared, name)) throw new PreviewError('invalid-template', `parameter ${name} is given a value but the template declares no such parameter`);
  }

  status(`checking stack ${stackName}`);
  const stack = await call(signal, `describing stack ${stackName}`, () => describeStack(api, stackName, signal));
  const stackStatus = stack?.StackStatus;
  if (stackStatus && stackStatus !== 'REVIEW_IN_PROGRESS' && stackStatus.endsWith('_IN_PROGRESS')) {
    throw new PreviewError('stack-busy', `stack ${stackName} is ${stackStatus}; wait until the operation ends and preview again`);
  }
  if (stackStatus === 'ROLLBACK_COMPLETE' || stackStatus === 'ROLLBACK_FAILED' || stackStatus === 'DELETE_FAILED') {
    throw new PreviewError('stack-unusable', `stack ${stackName} is ${stackStatus} and cannot be updated; delete it first`);
  }
  const changeSetType: 'CREATE' | 'UPDATE' = !stack || stackStatus === 'REVIEW_IN_PROGRESS' ? 'CREATE' : 'UPDATE';

  // The offline prediction: the deployed template (Original stage, as written) against the new one.
  let deployed: Template = { Resources: {} };
  const oldParameters: Record<string, string> = {};
  const newParameters: Record<string, string> = { ...(options.parameters ?? {}) };
  const previous = new Set<string>();
  let predictionProblem: string | undefined;
  if (changeSetType === 'UPDATE') {
    for (const p of stack!.Parameters ?? []) {
      if (p.ParameterKey === undefined) continue;
      oldParameters[p.ParameterKey] = p.ResolvedValue ?? p.ParameterValue ?? '';
      if (Object.hasOwn(declared, p.ParameterKey) && !Object.hasOwn(newParameters, p.ParameterKey)) {
        previous.add(p.ParameterKey);
        newParameters[p.ParameterKey] = oldParameters[p.ParameterKey];
      }
    }
    status(`reading the deployed template of ${stackName}`);
    const got = await call(signal, `reading the template of stack ${stackName}`, () => api.send('GetTemplate', { StackName: stackName, TemplateStage: 'Original' }, { abortSignal: signal }));
    const parsed = parseTemplate(got.TemplateBody ?? '');
    if (parsed.template && parsed.problems.length === 0) deployed = parsed.template;
    else predictionProblem = `the deployed template could not be read (${parsed.problems[0]?.message ?? 'no template'}), so there is no offline prediction`;
  }

  const changeSetName = options.changeSetName ?? `cfnkit-preview-${randomBytes(6).toString('hex')}`;
  const parameters: AwsParameter[] = Object.keys(declared)
    .sort()
    .flatMap((key): AwsParameter[] =>
      previous.has(key) ? [{ ParameterKey: key, UsePreviousValue: true }] : Object.hasOwn(options.parameters ?? {}, key) ? [{ ParameterKey: key, ParameterValue: options.parameters![key] }] : [],
    );
  status(`creating change set ${changeSetName}`);
  checkSignal(signal);
  let created;
  try {
    // Not abortable: once sent, the change set may exist, and cleanup needs its id.
    created = await api.send('CreateChangeSet', {
      StackName: stackName,
      ChangeSetName: changeSetName,
      ChangeSetType: changeSetType,
      TemplateBody: options.templateBody,
      Parameters: parameters,
      ...(options.capabilities?.length ? { Capabilities: [...options.capabilities] as never } : {}),
      ...(options.tags ? { Tags: Object.entries(options.tags).map(([Key, Value]) => ({ Key, Value })) } : {}),
      IncludeNestedStacks: true,
      Description: 'cfnkit preview: created to be described and deleted, never executed',
    });
  } catch (e) {
    throw fromAwsError(e, `creating change set ${changeSetName} for stack ${stackName}`);
  }
  leftovers.changeSetId = created.Id ?? changeSetName;
  if (changeSetType === 'CREATE' && !stack) leftovers.createdStackId = created.StackId ?? stackName;
  const changeSetId = leftovers.changeSetId;

  const final = await waitForChangeSet(api, changeSetId, changeSetName, options, status);
  const prediction: TemplateDiff = predictionProblem ? { changes: [], summary: summarize([]) } : diffTemplates(deployed, options.template, { oldParameters, newParameters });
  const warnings = predictionProblem ? [predictionProblem] : [];
  if (final.Status === 'FAILED') {
    return { stackName, changeSetType, noChanges: true, changes: [], summary: summarize([]), warnings };
  }
  status(`describing change set ${changeSetName}`);
  const described = await call(signal, `describing change set ${changeSetName}`, () => describeAllChanges(api, changeSetId, signal));
  const deployedResources = deployed.Resources ?? {};
  const newResources = options.template.Resources ?? {};
  const { changes, summary } = mergeChanges(described, prediction, (id) => ({
    deletionPolicy: Object.hasOwn(deployedResources, id) ? deployedResources[id].DeletionPolicy : undefined,
    updateReplacePolicy: Object.hasOwn(newResources, id) ? newResources[id].UpdateReplacePolicy : undefined,
  }));
  return { stackName, changeSetType, noChanges: changes.length === 0, changes, summary, warnings };
}

async function describeStack(api: CloudFormationApi, stackName: string, signal: AbortSignal | undefined): Promise<Stack | undefined> {
  try {
    return (await api.send('DescribeStacks', { StackName: stackName }, { abortSignal: signal })).Stacks?.[0];
  } catch (e) {
    if (awsErrorName(e) === 'ValidationError' && /does not exist/i.test((e as Error).message)) return undefined;
    throw e;
  }
}

/**
 * Polls DescribeChangeSet until the change set leaves CREATE_PENDING / CREATE_IN_PROGRESS. Resolves
 * with the final description (CREATE_COMPLETE, or FAILED for "no changes"); rejects on other failures,
 * on timeout and on abort.
 */
async function waitForChangeSet(
  api: CloudFormationApi,
  changeSetId: string,
  changeSetName: string,
  options: PreviewOptions,
  status: (message: string) => void,
): Promise<{ Status?: string; StatusReason?: string }> {
  const { signal } = options;
  const timeoutMs = options.timeoutMs ?? 300_000;
  const delays = options.pollDelaysMs?.length ? options.pollDelaysMs : [1_000, 2_000, 3_000, 5_000];
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    const d = await call(signal, `waiting for change set ${changeSetName}`, () => api.send('DescribeChangeSet', { ChangeSetName: changeSetId }, { abortSignal: signal }));
    const s = d.Status ?? 'UNKNOWN';
    if (s === 'CREATE_COMPLETE') return d;
    if (s === 'FAILED') {
      if (isNoChangesReason(d.StatusReason)) return d;
      throw new PreviewError('change-set-failed', `change set ${changeSetName} failed: ${d.StatusReason ?? 'no reason given'}`);
    }
    if (s !== 'CREATE_PENDING' && s !== 'CREATE_IN_PROGRESS') {
      throw new PreviewError('change-set-failed', `change set ${changeSetName} is ${s}${d.StatusReason ? `: ${d.StatusReason}` : ''}`);
    }
    const elapsed = Date.now() - started;
    if (elapsed >= timeoutMs) {
      throw new PreviewError('timeout', `change set ${changeSetName} was still ${s} after ${Math.round(elapsed / 1000)} s (--timeout ${Math.round(timeoutMs / 1000)})`);
    }
    status(`waiting for change set ${changeSetName}: ${s}`);
    await sleep(Math.min(delays[Math.min(attempt, delays.length - 1)], Math.max(0, timeoutMs - elapsed)), signal);
  }
}

/** Resolves after `ms`, or rejects with `interrupted` as soon as `signal` aborts. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(interrupted());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(interrupted());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Deletes what the preview made: the change set (waiting, bounded, while CloudFormation still creates
 * it) and the stack of a CREATE preview. Never throws: returns what could not be deleted and how to
 * delete it by hand.
 */
async function cleanup(api: CloudFormationApi, leftovers: Leftovers, options: PreviewOptions): Promise<string[]> {
  const problems: string[] = [];
  const status = options.onStatus ?? (() => undefined);
  const id = leftovers.changeSetId;
  if (id) {
    status(`deleting change set ${id}`);
    try {
      await deleteChangeSet(api, id, options.cleanupWaitMs ?? 60_000);
    } catch (e) {
      problems.push(`change set ${id} was not deleted (${fromAwsError(e, 'deleting the change set').message}); delete it with: aws cloudformation delete-change-set --change-set-name ${id}`);
    }
  }
  const stackId = leftovers.createdStackId;
  if (stackId) {
    status(`deleting the empty stack ${options.stackName}`);
    try {
      await api.send('DeleteStack', { StackName: stackId });
    } catch (e) {
      problems.push(`the empty stack ${options.stackName} (REVIEW_IN_PROGRESS) was not deleted (${fromAwsError(e, 'deleting the stack').message}); delete it with: aws cloudformation delete-stack --stack-name ${stackId}`);
    }
  }
  return problems;
}

/** DeleteChangeSet; while the change set is still being created (InvalidChangeSetStatus), waits and retries. */
async function deleteChangeSet(api: CloudFormationApi, id: string, waitMs: number): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      await api.send('DeleteChangeSet', { ChangeSetName: id });
      return;
    } catch (e) {
      const name = awsErrorName(e);
      if (name === 'ChangeSetNotFoundException' || name === 'ChangeSetNotFound') return;
      if ((name !== 'InvalidChangeSetStatusException' && name !== 'InvalidChangeSetStatus') || Date.now() >= deadline) throw e;
      await sleep(1_000, undefined);
    }
  }
}
