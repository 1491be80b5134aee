/**
 * `moto_server` as a local AWS API for deploy tests: starts it on 127.0.0.1 with an ephemeral port,
 * builds real AWS SDK v3 client settings that point at it, and deploys stacks through CloudFormation.
 * Under CI=true a missing `moto_server` fails the suite; locally the suite is skipped with a message.
 *
 * moto creates a stack's resources inside the CreateStack call and records no per-resource events: a
 * resource that fails makes CreateStack itself return the error and leaves the stack CREATE_IN_PROGRESS.
 * {@link deployStack} therefore names the failing resource itself, by deploying dependency-closed
 * prefixes of the template (see {@link isolateFailingResource}).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  CloudFormationClient,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ListStackResourcesCommand,
  type Stack,
  type StackEvent,
} from '@aws-sdk/client-cloudformation';

// ---------------------------------------------------------------------------------------------
// The server

/** A running `moto_server`. */
export interface MotoServer {
  /** `http://127.0.0.1:<port>`. */
  readonly endpoint: string;
  /** What the server prints: request lines, warnings, tracebacks. */
  readonly log: MotoLog;
  /** Kills the server's process group and resolves once the process has exited. Idempotent. */
  stop(): Promise<void>;
}

/** moto's output (the last 1 MiB of it), addressed by absolute character offsets. */
export interface MotoLog {
  /** Offset of the end of what has been read so far. */
  mark(): number;
  /**
   * Everything moto printed after `mark` up to now, once it has printed all it had to say about the
   * requests answered so far: sends a request of its own and waits (at most 5 s) for its log line.
   */
  since(mark: number): Promise<string>;
}

/** Settings every SDK v3 client takes to talk to moto: fixed region, dummy static credentials, moto's endpoint. */
export interface MotoClientConfig {
  readonly region: 'us-east-1';
  readonly endpoint: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  readonly maxAttempts: number;
}

const COMMAND = 'moto_server';
const HOST = '127.0.0.1';
const LISTENING = /Running on http:\/\/127\.0\.0\.1:(\d+)/;
const OUTPUT_LIMIT = 1 << 20;
/**
 * moto under a watchdog. The server runs in the background and `sh` waits for it, so the server's exit
 * is `sh`'s; a subshell reads our stdin (fd 3: background jobs get /dev/null) and kills the server when
 * the pipe closes, which happens however this process ends, even by SIGKILL, so a crashed Jest worker
 * leaves no server behind. On SIGTERM `sh` kills both and reaps them before it exits, so by the time
 * `stop()` sees `sh` exit the server is gone too.
 */
const WATCHED = [
  'exec 3<&0',
  `${COMMAND} -H ${HOST} -p 0 </dev/null & server=$!`,
  '(while read -r _; do :; done <&3; kill $server 2>/dev/null) & watchdog=$!',
  "trap 'kill $server $watchdog 2>/dev/null; wait; exit 143' TERM INT HUP",
  'wait $server; status=$?',
  'kill $watchdog 2>/dev/null; wait; exit $status',
].join('\n');

let available: boolean | undefined;

/** True when `moto_server` runs on this machine; throws under CI=true when it does not. */
export function motoAvailable(): boolean {
  if (available === undefined) {
    available = spawnSync(COMMAND, ['--help'], { encoding: 'utf8', timeout: 60_000 }).status === 0;
    if (!available && process.env.CI === 'true') throw new Error(`${COMMAND} is required under CI=true but is not on PATH`);
  }
  return available;
}

/**
 * `describe` when moto is available, otherwise `describe.skip` with the reason in the suite name.
 * Under CI=true a missing moto throws here, which fails the test file.
 */
export function describeWithMoto(name: string, body: () => void): void {
  if (motoAvailable()) {
    describe(name, body);
  } else {
    console.warn(`${name}: skipped, ${COMMAND} is not on PATH (pip install 'moto[server]'); CI=true makes this a failure`);
    describe.skip(`${name} (skipped: ${COMMAND} not on PATH)`, body);
  }
}

/** Servers started by this module and not yet stopped; killed on exit so no server outlives a worker. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
});

/**
 * Starts `moto_server -H 127.0.0.1 -p 0` and resolves once it answers HTTP. Port 0 lets the kernel
 * pick a free port, which moto prints ("Running on http://127.0.0.1:PORT"), so no other process can
 * take the port between choosing and binding it. Rejects, and kills the process, after `timeoutMs`.
 * Call `stop()` in `afterAll`.
 */
export async function startMoto(timeoutMs = 60_000): Promise<MotoServer> {
  const child = spawn('sh', ['-c', WATCHED], {
    detached: true, // its own process group, so stop() reaches the server and the watchdog together
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, PYTHONUNBUFFERED: '1' },
  });
  running.add(child);
  let output = '';
  let dropped = 0; // characters cut from the front of `output`
  const capture = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (output.length > OUTPUT_LIMIT) {
      dropped += output.length - OUTPUT_LIMIT / 2;
      output = output.slice(-OUTPUT_LIMIT / 2);
    }
  };
  child.stdout!.on('data', capture);
  child.stderr!.on('data', capture);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));

  const stop = async (): Promise<void> => {
    if (running.delete(child)) {
      child.stdin!.end();
      killGroup(child, 'SIGTERM');
      const escalate = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(escalate);
      // 'close' follows once every process holding the output pipes is gone; do not wait on it forever.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([closed, new Promise((resolve) => (timer = setTimeout(resolve, 5_000)))]);
      clearTimeout(timer);
      for (const stream of [child.stdin, child.stdout, child.stderr]) stream?.destroy();
    }
    await exited;
  };
  try {
    const port = await listeningPort(child, () => output, timeoutMs);
    const endpoint = `http://${HOST}:${port}`;
    await waitUntilAnswering(endpoint, timeoutMs);
    let syncs = 0;
    const log: MotoLog = {
      mark: () => dropped + output.length,
      async since(mark) {
        const marker = `cfnkit-sync=${++syncs}`;
        await fetch(`${endpoint}/moto-api/?${marker}`, { signal: AbortSignal.timeout(10_000) }).then((r) => r.arrayBuffer(), () => undefined);
        const deadline = Date.now() + 5_000;
        while (!output.includes(`?${marker} `) && Date.now() < deadline) await delay(50);
        return output.slice(Math.max(0, mark - dropped));
      },
    };
    return { endpoint, log, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** SDK v3 client settings for `server`. Pass to any `new XxxClient(...)`. */
export function motoClientConfig(server: Pick<MotoServer, 'endpoint'>): MotoClientConfig {
  return {
    region: 'us-east-1',
    endpoint: server.endpoint,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    maxAttempts: 1, // CreateStack is not idempotent: a retry after moto's HTTP 500 reports AlreadyExists
  };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** Waits until moto prints the port it listens on. */
function listeningPort(child: ChildProcess, output: () => string, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const done = (err: Error | undefined, port?: number) => {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.stderr!.off('data', onData);
      child.off('exit', onExit);
      child.off('error', onError);
      if (err) reject(err);
      else resolve(port!);
    };
    const onData = () => {
      const match = LISTENING.exec(output());
      if (match) done(undefined, Number(match[1]));
    };
    const onExit = (code: number | null, signal: string | null) =>
      done(new Error(`${COMMAND} exited (code ${code}, signal ${signal}) before listening:\n${output()}`));
    const onError = (e: Error) => done(new Error(`${COMMAND} could not start: ${e.message}`, { cause: e }));
    const timer = setTimeout(() => done(new Error(`${COMMAND} did not print its port within ${timeoutMs} ms:\n${output()}`)), timeoutMs);
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', onExit);
    child.once('error', onError);
    onData();
  });
}

/** Polls moto's own API until it answers, at most `timeoutMs`. */
async function waitUntilAnswering(endpoint: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${endpoint}/moto-api/`, { signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      if (res.ok) return;
      last = new Error(`HTTP ${res.status}`);
    } catch (e) {
      last = e;
    }
    await delay(200);
  }
  throw new Error(`${COMMAND} at ${endpoint} did not answer within ${timeoutMs} ms`, { cause: last });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// ---------------------------------------------------------------------------------------------
// Deploying stacks

/** What {@link deployStack} deploys. */
export interface StackDeployment {
  readonly stackName: string;
  /** Template body, JSON (moto misreads some valid short-form YAML). */
  readonly templateBody: string;
  readonly parameters?: { readonly [key: string]: string };
  /** Bound on waiting for a terminal status; default 180 s. */
  readonly timeoutMs?: number;
}

/** Where {@link deployStack} deploys: a CloudFormation client and, for its warnings and tracebacks, the moto server. */
export interface DeployTarget {
  readonly cloudformation: CloudFormationClient;
  readonly moto?: Pick<MotoServer, 'log'>;
}

/** A stack in CREATE_COMPLETE, with what moto said while creating it. */
export interface DeployedStack {
  readonly stack: Stack;
  /** Output key → value. */
  readonly outputs: Record<string, string>;
  /**
   * What moto skipped while creating the stack, sorted: `unsupported resource type <Type>` (moto
   * creates nothing for it) and `unresolved Fn::GetAtt <LogicalId>.<Attribute>` (moto leaves the
   * intrinsic in place, as text, where CloudFormation would put the attribute's value).
   */
  readonly motoWarnings: readonly string[];
}

/** A stack that did not reach CREATE_COMPLETE. The message says why, with everything known about the cause. */
export class StackDeployError extends Error {
  readonly code = 'stack-deploy-failed';
  constructor(
    readonly stackName: string,
    /** The stack status, or the CreateStack error as `Name: message`. */
    readonly status: string,
    /** The resource that fails on its own, when {@link isolateFailingResource} found it. */
    readonly failingResource: FailingResource | undefined,
    readonly events: readonly StackEvent[],
    details: readonly string[],
    options?: { cause?: unknown },
  ) {
    super([`stack ${stackName} failed: ${status}`, ...details].join('\n'), options);
    this.name = 'StackDeployError';
  }
}

/**
 * Creates a stack and waits (polling DescribeStacks, bounded) until it leaves CREATE_IN_PROGRESS.
 * Resolves when it is CREATE_COMPLETE. Otherwise rejects with a {@link StackDeployError} whose
 * message has the CreateStack error, the resource that fails on its own, the `*_FAILED` stack events
 * with their ResourceStatusReason, moto's warnings (see {@link DeployedStack.motoWarnings}) and its
 * traceback for an internal error.
 */
export async function deployStack(target: DeployTarget, deployment: StackDeployment): Promise<DeployedStack> {
  const { cloudformation: cfn, moto } = target;
  const { stackName, timeoutMs = 180_000 } = deployment;
  const mark = moto?.log.mark() ?? 0;
  try {
    await createStack(cfn, deployment, stackName, deployment.templateBody);
  } catch (e) {
    const status = errorText(e);
    const traceback = moto && isInternalError(e) ? await tracebackSince(moto.log, mark) : undefined;
    const warnings = moto ? motoWarnings(await moto.log.since(mark)) : [];
    const failing = await isolateFailingResource(cfn, deployment, errorSignature(e));
    const events = await stackEvents(cfn, stackName);
    throw new StackDeployError(stackName, `CreateStack error: ${status}`, failing, events, [
      failing ? `failing resource: ${failing.logicalId} (${failing.type}) — ${failing.error}` : 'failing resource: not isolated (see the CreateStack error)',
      ...formatEvents(events),
      ...(warnings.length ? [`moto warnings: ${warnings.join('; ')}`] : []),
      ...(traceback ? [`moto traceback:\n${traceback}`] : []),
    ], { cause: e });
  }
  const deadline = Date.now() + timeoutMs;
  let stack = await describeStack(cfn, stackName);
  while (stack?.StackStatus?.endsWith('_IN_PROGRESS') && Date.now() < deadline) {
    await delay(500);
    stack = await describeStack(cfn, stackName);
  }
  if (stack?.StackStatus === 'CREATE_COMPLETE') {
    return { stack, outputs: stackOutputs(stack), motoWarnings: moto ? motoWarnings(await moto.log.since(mark)) : [] };
  }
  const events = await stackEvents(cfn, stackName);
  const status = `${stack?.StackStatus ?? 'no such stack'}${stack?.StackStatusReason ? ` (${stack.StackStatusReason})` : ''}`;
  throw new StackDeployError(stackName, stack?.StackStatus?.endsWith('_IN_PROGRESS') ? `${status} after ${timeoutMs} ms` : status, undefined, events, formatEvents(events));
}

/** The stack's events, newest first as CloudFormation returns them; empty when the stack does not exist. */
export async function stackEvents(cfn: CloudFormationClient, stackName: string): Promise<StackEvent[]> {
  const events: StackEvent[] = [];
  try {
    let NextToken: string | undefined;
    do {
      const page = await cfn.send(new DescribeStackEventsCommand({ StackName: stackName, NextToken }));
      events.push(...(page.StackEvents ?? []));
      NextToken = page.NextToken;
    } while (NextToken);
  } catch {
    // No such stack: CreateStack rejected the template before creating it.
  }
  return events;
}

/** The stack's outputs as a key → value record. */
export function stackOutputs(stack: Stack): Record<string, string> {
  return Object.fromEntries((stack.Outputs ?? []).map((o) => [o.OutputKey!, o.OutputValue!]));
}

/**
 * Logical ids of the template's resources that the stack does not list. moto skips resource types
 * it does not implement (it only logs a warning) and still reports CREATE_COMPLETE; this finds them.
 */
export async function resourcesNotCreated(cfn: CloudFormationClient, stackName: string, templateBody: string): Promise<Array<{ logicalId: string; type: string }>> {
  const listed = new Set<string>();
  let NextToken: string | undefined;
  do {
    const page = await cfn.send(new ListStackResourcesCommand({ StackName: stackName, NextToken }));
    for (const r of page.StackResourceSummaries ?? []) if (r.LogicalResourceId) listed.add(r.LogicalResourceId);
    NextToken = page.NextToken;
  } while (NextToken);
  const { Resources } = JSON.parse(templateBody) as JsonTemplate;
  return Object.entries(Resources)
    .filter(([id]) => !listed.has(id))
    .map(([logicalId, r]) => ({ logicalId, type: r.Type }));
}

async function createStack(cfn: CloudFormationClient, deployment: StackDeployment, stackName: string, templateBody: string): Promise<void> {
  await cfn.send(
    new CreateStackCommand({
      StackName: stackName,
      TemplateBody: templateBody,
      Parameters: Object.entries(deployment.parameters ?? {}).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue })),
      Capabilities: ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM', 'CAPABILITY_AUTO_EXPAND'],
      OnFailure: 'DO_NOTHING',
    }),
  );
}

async function describeStack(cfn: CloudFormationClient, stackName: string): Promise<Stack | undefined> {
  return (await cfn.send(new DescribeStacksCommand({ StackName: stackName }))).Stacks?.[0];
}

// ---------------------------------------------------------------------------------------------
// Finding the failing resource

/** A resource whose creation fails even when only it and the resources it depends on are deployed. */
export interface FailingResource {
  readonly logicalId: string;
  readonly type: string;
  /** The error CreateStack returned for the smallest failing prefix, as `Name: message`. */
  readonly error: string;
}

interface JsonTemplate {
  Resources: { [logicalId: string]: { Type: string; DependsOn?: string | string[]; [key: string]: unknown } };
  Outputs?: unknown;
  [section: string]: unknown;
}

/**
 * Finds the resource that makes CreateStack fail: orders the resources so that each comes after
 * everything it references (Ref, Fn::GetAtt, Fn::Sub, DependsOn), then binary-searches for the shortest
 * prefix whose stack (no Outputs) fails with the same error name. The last resource of that prefix is
 * the culprit. If every resource deploys, the failure is in Outputs and `Outputs` is returned.
 * Probe stacks are named `<stack>-probe-<n>`; moto cannot always delete a failed one, so a test that
 * gets here may leave resources behind in its moto server.
 */
export async function isolateFailingResource(cfn: CloudFormationClient, deployment: StackDeployment, signature: string): Promise<FailingResource | undefined> {
  let template: JsonTemplate;
  try {
    template = JSON.parse(deployment.templateBody) as JsonTemplate;
  } catch {
    return undefined;
  }
  const order = dependencyOrder(template.Resources);
  const probe = async (count: number): Promise<unknown> => {
    const resources = Object.fromEntries(order.slice(0, count).map((id) => [id, template.Resources[id]]));
    const body = JSON.stringify({ ...template, Resources: resources, Outputs: undefined });
    const stackName = `${deployment.stackName}-probe-${count}`;
    try {
      await createStack(cfn, deployment, stackName, body);
      await cfn.send(new DeleteStackCommand({ StackName: stackName })).catch(() => undefined);
      return undefined;
    } catch (e) {
      return e;
    }
  };
  const all = await probe(order.length);
  if (all === undefined) return { logicalId: 'Outputs', type: 'Outputs section', error: 'every resource deploys without Outputs; an output fails' };
  if (errorSignature(all) !== signature) return undefined;
  let [low, high, error] = [1, order.length, all];
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    const e = await probe(mid);
    if (e !== undefined && errorSignature(e) === signature) [high, error] = [mid, e];
    else low = mid + 1;
  }
  const logicalId = order[high - 1];
  return { logicalId, type: template.Resources[logicalId].Type, error: errorText(error) };
}

/** Resource logical ids, each after the resources it references; otherwise in template order. */
function dependencyOrder(resources: JsonTemplate['Resources']): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string) => {
    if (state.has(id)) return; // done, or a cycle CloudFormation itself would reject
    state.set(id, 'visiting');
    for (const dep of references(resources[id], resources)) visit(dep);
    state.set(id, 'done');
    order.push(id);
  };
  for (const id of Object.keys(resources)) visit(id);
  return order;
}

/** Logical ids of resources that `value` references through DependsOn, Ref, Fn::GetAtt or Fn::Sub. */
function references(value: unknown, resources: JsonTemplate['Resources']): Set<string> {
  const found = new Set<string>();
  const add = (id: unknown) => {
    if (typeof id === 'string' && Object.hasOwn(resources, id)) found.add(id);
  };
  const walk = (v: unknown, key?: string): void => {
    if (Array.isArray(v)) {
      if (key === 'DependsOn') v.forEach(add);
      else v.forEach((item) => walk(item));
      return;
    }
    if (typeof v === 'string') {
      if (key === 'DependsOn') add(v);
      return;
    }
    if (v === null || typeof v !== 'object') return;
    for (const [k, child] of Object.entries(v)) {
      if (k === 'Ref') add(child);
      else if (k === 'Fn::GetAtt') add(Array.isArray(child) ? child[0] : String(child).split('.')[0]);
      else if (k === 'Fn::Sub') {
        const text = Array.isArray(child) ? child[0] : child;
        for (const m of String(text).matchAll(/\$\{([A-Za-z0-9]+)(?:\.[^}]*)?\}/g)) add(m[1]);
        if (Array.isArray(child)) walk(child[1]);
      } else walk(child, k);
    }
  };
  walk(value);
  return found;
}

function errorSignature(e: unknown): string {
  return (e as Error)?.name ?? String(e);
}

function isInternalError(e: unknown): boolean {
  return ((e as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode ?? 0) >= 500;
}

function errorText(e: unknown): string {
  if (isInternalError(e)) return 'HTTP 500: moto raised an internal error';
  return `${(e as Error)?.name}: ${(e as Error)?.message}`;
}

/**
 * The traceback of an HTTP 500. werkzeug prints it after sending the response, so it can come after the
 * log line {@link MotoLog.since} waits for; this waits for the traceback itself, at most 5 s.
 */
async function tracebackSince(log: MotoLog, mark: number): Promise<string | undefined> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const traceback = lastTraceback(await log.since(mark));
    if (traceback || Date.now() > deadline) return traceback;
    await delay(100);
  }
}

/** The {@link DeployedStack.motoWarnings} in a stretch of moto's output. */
function motoWarnings(log: string): string[] {
  const found = new Set<string>();
  for (const line of log.split('\n')) {
    const unsupported = /^No Moto CloudFormation support for (\S+)$/.exec(line);
    if (unsupported) found.add(`unsupported resource type ${unsupported[1]}`);
    // moto/cloudformation/parsing.py logs NotImplementedError('"Fn::GetAtt" : [ "{0}" , "<attribute>" ]"')
    const getAtt = /^"Fn::GetAtt" : \[ "([^"]+)" , "([^"]+)" \]"$/.exec(line);
    if (getAtt) found.add(`unresolved Fn::GetAtt ${getAtt[1]}.${getAtt[2]}`);
  }
  return [...found].sort();
}

/** The last Python traceback in `log`: its innermost moto frames and the exception line; or undefined. */
function lastTraceback(log: string): string | undefined {
  const start = log.lastIndexOf('Traceback (most recent call last):');
  if (start < 0) return undefined;
  const lines = log.slice(start).split('\n').slice(1);
  const end = lines.findIndex((line) => /^\S/.test(line));
  if (end < 0) return undefined; // not finished printing
  const frames: string[] = [];
  for (let i = 0; i < end; i++) {
    const file = /^\s+File "[^"]*\/site-packages\/(moto\/[^"]+)", line (\d+), in (.*)$/.exec(lines[i]);
    if (file) frames.push(`  ${file[1]}:${file[2]} in ${file[3]}`, `    ${lines[i + 1]?.trim() ?? ''}`);
  }
  return [...frames.slice(-16), lines[end]].join('\n');
}

function formatEvents(events: readonly StackEvent[]): string[] {
  const failed = events.filter((e) => e.ResourceStatus?.endsWith('_FAILED'));
  if (failed.length === 0) return [`stack events: ${events.length}, none *_FAILED (moto records stack-level events only)`];
  return ['failed stack events:', ...failed.map((e) => `  ${e.LogicalResourceId} (${e.ResourceType}) ${e.ResourceStatus}: ${e.ResourceStatusReason ?? 'no reason given'}`)];
}
