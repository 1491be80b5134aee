/**
 * preview against moto_server (a real CloudFormation API on 127.0.0.1, ephemeral port), through the
 * real SDK and, for the CLI, the real command in-process and in a child process. A logging proxy in
 * front of moto records every Action sent, so the tests prove that ExecuteChangeSet is never sent and
 * DeleteChangeSet always is; afterwards no change set is left and the stack is unchanged (or gone, for
 * a new one). moto 5.2.1 change sets carry only Action, LogicalResourceId and ResourceType; the rest
 * of the change set (Replacement, Details, PolicyAction, pagination, nested) is covered in
 * workflow.test.ts with recorded responses.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CloudFormationClient,
  DescribeStacksCommand,
  GetTemplateCommand,
  ListChangeSetsCommand,
  ListStackResourcesCommand,
  ListStacksCommand,
} from '@aws-sdk/client-cloudformation';
import { runCli as runCliIn } from '../support/cli';
import type { Template } from '../../src/model/template';
import { parseTemplate } from '../../src/parse';
import { connectCloudFormation } from '../../src/preview/sdk';
import { preview } from '../../src/preview/workflow';
import { deployStack, describeWithMoto, motoClientConfig, startMoto, type MotoServer } from '../support/moto';
import { spawnTs } from './child';
import { MotoProxy, startMotoProxy } from './moto-proxy';

// The SDK warns on Node 20 that releases after January 2027 need Node 22; the CLI silences it too.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' };
const ENV = { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_EC2_METADATA_DISABLED: 'true', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };

/** The deployed template: a queue and a topic. JSON, because moto misreads some short-form YAML. */
const BASE = JSON.stringify({
  AWSTemplateFormatVersion: '2010-09-09',
  Resources: { Jobs: { Type: 'AWS::SQS::Queue', Properties: { VisibilityTimeout: 30 } }, Alerts: { Type: 'AWS::SNS::Topic' } },
});
/** The new template: the queue changes, the topic goes, a bucket comes. */
const NEXT = JSON.stringify({
  AWSTemplateFormatVersion: '2010-09-09',
  Resources: { Jobs: { Type: 'AWS::SQS::Queue', Properties: { VisibilityTimeout: 60 } }, Archive: { Type: 'AWS::S3::Bucket' } },
});

function parsed(body: string): Template {
  return parseTemplate(body).template as Template;
}

describeWithMoto('preview against moto_server', () => {
  let moto: MotoServer | undefined;
  let proxy: MotoProxy;
  let cfn: CloudFormationClient;
  let dir: string;
  let stackCount = 0;

  beforeAll(async () => {
    moto = await startMoto();
    proxy = await startMotoProxy(moto.endpoint);
    cfn = new CloudFormationClient(motoClientConfig(moto));
    dir = mkdtempSync(join(tmpdir(), 'cfnkit-preview-'));
  }, 90_000);

  afterAll(async () => {
    cfn?.destroy();
    await proxy?.close();
    await moto?.stop();
  });

  beforeEach(() => {
    proxy.actions.length = 0;
    proxy.hold = false;
  });

  /** A fresh deployed stack with the BASE template; its name. */
  async function deployBase(): Promise<string> {
    const stackName = `cfnkit-preview-${++stackCount}`;
    await deployStack({ cloudformation: cfn }, { stackName, templateBody: BASE });
    return stackName;
  }

  /** What a stack looks like from outside: status, template body, resources. */
  async function snapshot(stackName: string): Promise<unknown> {
    const stack = (await cfn.send(new DescribeStacksCommand({ StackName: stackName }))).Stacks![0];
    const template = (await cfn.send(new GetTemplateCommand({ StackName: stackName }))).TemplateBody;
    const resources = (await cfn.send(new ListStackResourcesCommand({ StackName: stackName }))).StackResourceSummaries!.map((r) => [r.LogicalResourceId, r.PhysicalResourceId, r.ResourceStatus]);
    return { status: stack.StackStatus, template, resources };
  }

  async function changeSetsOf(stackName: string): Promise<unknown[]> {
    return (await cfn.send(new ListChangeSetsCommand({ StackName: stackName }))).Summaries ?? [];
  }

  async function stackExists(stackName: string): Promise<boolean> {
    try {
      await cfn.send(new DescribeStacksCommand({ StackName: stackName }));
      return true;
    } catch (e) {
      if ((e as Error).name === 'ValidationError') return false;
      throw e;
    }
  }

  function expectNeverExecutedAlwaysDeleted(): void {
    expect(proxy.actions).not.toContain('ExecuteChangeSet');
    expect(proxy.actions).toContain('CreateChangeSet');
    expect(proxy.actions).toContain('DeleteChangeSet');
  }

  test('UPDATE: Add / Modify / Remove confirmed; no change set left; the stack is unchanged', async () => {
    const stackName = await deployBase();
    const before = await snapshot(stackName);
    const conn = connectCloudFormation({ endpoint: proxy.endpoint, region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1 });
    const commands: string[] = [];
    conn.client.middlewareStack.add((next, context) => (args) => {
      commands.push(String(context.commandName));
      return next(args);
    }, { step: 'initialize' });
    try {
      const result = await preview(conn.api, { stackName, templateBody: NEXT, template: parsed(NEXT), pollDelaysMs: [100] });
      expect(result.changeSetType).toBe('UPDATE');
      expect(result.changes.map((c) => [c.resource, c.changeSet?.action, c.action, c.evidence])).toEqual([
        ['Alerts', 'Remove', 'remove', 'confirmed'],
        ['Archive', 'Add', 'add', 'confirmed'],
        ['Jobs', 'Modify', 'update', 'confirmed'],
      ]);
      // moto's change set has no Details: the properties come from the offline prediction.
      expect(result.changes.find((c) => c.resource === 'Jobs')!.properties).toEqual([{ path: 'Properties.VisibilityTimeout', impact: 'update', before: '30', after: '60' }]);
      expect(result.cleanupProblems).toEqual([]);
    } finally {
      conn.destroy();
    }
    expect(commands).not.toContain('ExecuteChangeSetCommand');
    expect(commands).toContain('DeleteChangeSetCommand');
    expectNeverExecutedAlwaysDeleted();
    expect(await changeSetsOf(stackName)).toEqual([]);
    expect(await snapshot(stackName)).toEqual(before);
  });

  test('CREATE: a new stack is previewed and nothing is left behind', async () => {
    const stackName = `cfnkit-preview-new-${++stackCount}`;
    const conn = connectCloudFormation({ endpoint: proxy.endpoint, region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1 });
    try {
      const result = await preview(conn.api, { stackName, templateBody: NEXT, template: parsed(NEXT), pollDelaysMs: [100] });
      expect(result.changeSetType).toBe('CREATE');
      expect(result.changes.map((c) => [c.resource, c.action, c.evidence, c.predicted])).toEqual([
        ['Archive', 'add', 'confirmed', 'add'],
        ['Jobs', 'add', 'confirmed', 'add'],
      ]);
    } finally {
      conn.destroy();
    }
    expectNeverExecutedAlwaysDeleted();
    expect(proxy.actions).toContain('DeleteStack');
    expect(await stackExists(stackName)).toBe(false);
    const summaries = (await cfn.send(new ListStacksCommand({}))).StackSummaries ?? [];
    expect(summaries.filter((s) => s.StackName === stackName).map((s) => s.StackStatus)).toEqual(['DELETE_COMPLETE']);
  });

  test('the deployed template again: "no changes" (FAILED with its reason), exit 0, nothing left', async () => {
    const stackName = await deployBase();
    const file = join(dir, 'same.json');
    writeFileSync(file, BASE);
    const { code, stdout, stderr } = await runCli(['preview', file, '--stack-name', stackName, '--endpoint-url', proxy.endpoint, '--region', 'us-east-1', '--fail-on', 'any']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain('No changes');
    expectNeverExecutedAlwaysDeleted();
    expect(await changeSetsOf(stackName)).toEqual([]);
  });

  test('CLI in-process: json output, and --fail-on remove exits 2', async () => {
    const stackName = await deployBase();
    const before = await snapshot(stackName);
    const file = join(dir, 'next.json');
    writeFileSync(file, NEXT);
    const args = ['preview', file, '--stack-name', stackName, '--endpoint-url', proxy.endpoint, '--region', 'us-east-1'];
    const json = await runCli([...args, '--format', 'json']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as { stack: string; changeSetType: string; changes: Array<{ resource: string; action: string; evidence: string }> };
    expect(report).toMatchObject({ stack: stackName, changeSetType: 'UPDATE' });
    expect(report.changes.map((c) => `${c.resource}:${c.action}:${c.evidence}`)).toEqual(['Alerts:remove:confirmed', 'Archive:add:confirmed', 'Jobs:update:confirmed']);
    const failing = await runCli([...args, '--fail-on', 'remove']);
    expect(failing.code).toBe(2);
    expect(failing.stderr).toBe('cfnkit preview: --fail-on remove: such changes are present\n');
    expectNeverExecutedAlwaysDeleted();
    expect(await changeSetsOf(stackName)).toEqual([]);
    expect(await snapshot(stackName)).toEqual(before);
  });

  test('CLI in a child process, SIGINT while the change set is being created: deleted, stack deleted, exit 130', async () => {
    const stackName = `cfnkit-preview-sigint-${++stackCount}`;
    const file = join(dir, 'sigint.json');
    writeFileSync(file, NEXT);
    proxy.hold = true;
    const child = spawnTs('src/cli/main.ts', ['preview', file, '--stack-name', stackName, '--endpoint-url', proxy.endpoint, '--region', 'us-east-1'], ENV);
    await waitUntil(() => proxy.actions.includes('DescribeChangeSet'), 60_000, () => child.stderr());
    child.process.kill('SIGINT');
    expect(await child.exited()).toBe(130);
    expect(child.stderr()).toBe('cfnkit preview: interrupted; the change set was deleted\n');
    expect(child.stdout()).toBe('');
    expectNeverExecutedAlwaysDeleted();
    expect(proxy.actions.slice(-2)).toEqual(['DeleteChangeSet', 'DeleteStack']);
    expect(await stackExists(stackName)).toBe(false);
  });

  test('CLI in a child process, --timeout reached on an UPDATE: one line, exit 1, change set deleted, stack unchanged', async () => {
    const stackName = await deployBase();
    const before = await snapshot(stackName);
    const file = join(dir, 'timeout.json');
    writeFileSync(file, NEXT);
    proxy.hold = true;
    const child = spawnTs('src/cli/main.ts', ['preview', file, '--stack-name', stackName, '--endpoint-url', proxy.endpoint, '--region', 'us-east-1', '--timeout', '1'], ENV);
    expect(await child.exited()).toBe(1);
    expect(child.stderr()).toMatch(/^cfnkit preview: change set cfnkit-preview-[0-9a-f]{12} was still CREATE_IN_PROGRESS after \d+ s \(--timeout 1\)\n$/);
    expectNeverExecutedAlwaysDeleted();
    proxy.hold = false;
    expect(await changeSetsOf(stackName)).toEqual([]);
    expect(await snapshot(stackName)).toEqual(before);
  });

  test('unreachable endpoint: one line, exit 1, no stack trace', async () => {
    const file = join(dir, 'next.json');
    writeFileSync(file, NEXT);
    const { code, stderr } = await runCli(['preview', file, '--stack-name', 'x', '--endpoint-url', 'http://127.0.0.1:9', '--region', 'us-east-1']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^cfnkit preview: cannot reach CloudFormation while describing stack x: connect ECONNREFUSED 127.0.0.1:9\n$/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

/** Runs the CLI in-process with test credentials; collects stdout and stderr. */
const runCli = (args: string[]) => runCliIn(args, undefined, ENV);

async function waitUntil(condition: () => boolean, timeoutMs: number, context: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms: ${context()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
