/**
 * The preview workflow against recorded responses (see fake-cloudformation.ts for why not moto):
 * CREATE / UPDATE / refuse decisions, pagination, nested change sets, "no changes", failures, timeout,
 * abort (Ctrl-C; real signals are in interrupt.test.ts), keep, cleanup problems and error mapping. Every test checks that ExecuteChangeSet is
 * never sent, and that DeleteChangeSet is sent whenever a change set was created.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Template } from '../../src/model/template';
import { parseTemplate } from '../../src/parse';
import { PreviewError } from '../../src/preview/errors';
import { PreviewOptions, preview } from '../../src/preview/workflow';
import { renderReport, REPORT_FORMATS } from '../../src/report';
import { expectGolden } from '../report/golden';
import { FakeCloudFormation, FakeOptions, awsError, loadRecording } from './fake-cloudformation';

const showcaseNew = readFileSync(join(__dirname, '..', 'fixtures', 'diff', 'showcase', 'new.yaml'), 'utf8');

function options(overrides: Partial<PreviewOptions> = {}, body = showcaseNew): PreviewOptions {
  return { stackName: 'shop', templateBody: body, template: parseTemplate(body).template as Template, pollDelaysMs: [1], changeSetName: 'cfnkit-preview-test', ...overrides };
}

function fake(name = 'showcase', opts: FakeOptions = {}): FakeCloudFormation {
  return new FakeCloudFormation(loadRecording(name), opts);
}

/** The invariant of every preview: never executed; deleted when created (unless kept). */
function expectNeverExecuted(cfn: FakeCloudFormation, { deleted }: { deleted: boolean }): void {
  expect(cfn.operations()).not.toContain('ExecuteChangeSet');
  const created = cfn.operations().includes('CreateChangeSet');
  expect(cfn.inputs('DeleteChangeSet').length > 0).toBe(created && deleted);
}

const SHOWCASE_CHANGE_SET = 'arn:aws:cloudformation:us-east-1:123456789012:changeSet/cfnkit-preview-test/0f9e8d7c-6b5a-4c3d-9e2f-1a2b3c4d5e6f';

describe('preview with recorded responses', () => {
  test('UPDATE: all pages described with property values, merged with the prediction, change set deleted', async () => {
    const cfn = fake('showcase', { inProgressPolls: 2 });
    const result = await preview(cfn, options());
    expect(result.changeSetType).toBe('UPDATE');
    expect(cfn.inputs('CreateChangeSet')[0]).toMatchObject({ ChangeSetType: 'UPDATE', ChangeSetName: 'cfnkit-preview-test', IncludeNestedStacks: true, Parameters: [{ ParameterKey: 'Env', UsePreviousValue: true }] });
    expect(cfn.inputs('GetTemplate')).toEqual([{ StackName: 'shop', TemplateStage: 'Original' }]);
    const pages = cfn.inputs('DescribeChangeSet').filter((i) => i.IncludePropertyValues);
    expect(pages.map((p) => p.NextToken)).toEqual([undefined, 'eyJwYWdlIjoyfQ==']);
    expect(result.changes.map((c) => [c.resource, c.action, c.dataLoss, c.evidence, c.predicted])).toEqual([
      ['Api', 'update', false, 'confirmed', 'update'],
      ['Jobs', 'add', false, 'confirmed', 'add'],
      ['Legacy', 'remove', true, 'confirmed', 'remove'],
      ['Sessions', 'replace', true, 'confirmed', 'replace'],
      ['Uploads', 'orphan', false, 'confirmed', 'orphan'],
      ['WebSecurityGroup', 'update', false, 'confirmed', 'update'],
    ]);
    const sessions = result.changes.find((c) => c.resource === 'Sessions')!;
    expect(sessions.changeSet).toMatchObject({ replacement: 'True', policyAction: 'ReplaceAndDelete', physicalResourceId: 'staging-sessions' });
    expect(sessions.properties).toEqual([
      { path: 'Properties.AttributeDefinitions[0].AttributeName', impact: 'update', before: 'id', after: 'sessionId' },
      { path: 'Properties.KeySchema[0].AttributeName', impact: 'replace', before: 'id', after: 'sessionId' },
    ]);
    expect(sessions.risks.map((r) => r.code)).toEqual(['data-loss', 'fixed-name']);
    expect(result.changes.find((c) => c.resource === 'Api')!.properties[0]).toMatchObject({ path: 'Properties.Environment.Variables.TABLE', cause: 'ResourceReference Sessions (Dynamic)' });
    expect(result.summary).toMatchObject({ changed: 6, replace: 1, remove: 1, orphan: 1, dataLoss: 2 });
    expect(cfn.inputs('DeleteChangeSet')).toEqual([{ ChangeSetName: SHOWCASE_CHANGE_SET }]);
    expect(cfn.operations()).not.toContain('DeleteStack');
    expect(result.cleanupProblems).toEqual([]);
    expectNeverExecuted(cfn, { deleted: true });
  });

  test.each(REPORT_FORMATS)('the showcase preview renders as %s (golden)', async (format) => {
    const result = await preview(fake(), options());
    const report = { command: 'preview' as const, stackName: result.stackName, changeSetType: result.changeSetType, changes: result.changes, summary: result.summary };
    expectGolden(`preview-showcase.${{ text: 'txt', json: 'json', markdown: 'md' }[format]}`, renderReport(report, format));
  });

  test('CREATE when the stack does not exist; the empty stack is deleted afterwards', async () => {
    const cfn = fake('showcase', { stackMissing: true });
    const result = await preview(cfn, options());
    expect(result.changeSetType).toBe('CREATE');
    expect(cfn.inputs('CreateChangeSet')[0]).toMatchObject({ ChangeSetType: 'CREATE', Parameters: [] });
    expect(cfn.operations()).not.toContain('GetTemplate');
    expect(cfn.inputs('DeleteStack')).toEqual([{ StackName: 'arn:aws:cloudformation:us-east-1:123456789012:stack/shop/6c2a1f40-8f1e-11ef-9b3a-0a1b2c3d4e5f' }]);
    expect(cfn.operations().slice(-2)).toEqual(['DeleteChangeSet', 'DeleteStack']);
    expectNeverExecuted(cfn, { deleted: true });
  });

  test('CREATE on an empty REVIEW_IN_PROGRESS stack, which is not ours to delete', async () => {
    const recording = loadRecording('showcase');
    recording.DescribeStacks!.Stacks![0].StackStatus = 'REVIEW_IN_PROGRESS';
    const cfn = new FakeCloudFormation(recording);
    const result = await preview(cfn, options());
    expect(result.changeSetType).toBe('CREATE');
    expect(cfn.operations()).not.toContain('DeleteStack');
    expectNeverExecuted(cfn, { deleted: true });
  });

  test.each(['UPDATE_IN_PROGRESS', 'CREATE_IN_PROGRESS', 'UPDATE_ROLLBACK_IN_PROGRESS', 'DELETE_IN_PROGRESS'])('refuses a stack in %s', async (status) => {
    const recording = loadRecording('showcase');
    recording.DescribeStacks!.Stacks![0].StackStatus = status as never;
    const cfn = new FakeCloudFormation(recording);
    await expect(preview(cfn, options())).rejects.toMatchObject({ code: 'stack-busy' });
    expect(cfn.operations()).toEqual(['DescribeStacks']);
  });

  test('refuses a ROLLBACK_COMPLETE stack, which cannot be updated', async () => {
    const recording = loadRecording('showcase');
    recording.DescribeStacks!.Stacks![0].StackStatus = 'ROLLBACK_COMPLETE';
    await expect(preview(new FakeCloudFormation(recording), options())).rejects.toMatchObject({ code: 'stack-unusable' });
  });

  test.each([
    "The submitted information didn't contain changes. Submit different information to create a change set.",
    'No updates are to be performed.',
  ])('FAILED with "%s" is no change, not an error', async (StatusReason) => {
    const cfn = fake('showcase', { status: { Status: 'FAILED', StatusReason } });
    const result = await preview(cfn, options());
    expect(result).toMatchObject({ noChanges: true, changes: [], summary: { changed: 0 } });
    expect(cfn.inputs('DescribeChangeSet').some((i) => i.IncludePropertyValues)).toBe(false);
    expectNeverExecuted(cfn, { deleted: true });
  });

  test('FAILED for another reason is an error, and the change set is still deleted', async () => {
    const cfn = fake('showcase', { status: { Status: 'FAILED', StatusReason: 'Template error: instance of Fn::GetAtt references undefined resource Nope' } });
    await expect(preview(cfn, options())).rejects.toMatchObject({ code: 'change-set-failed', message: expect.stringContaining('undefined resource Nope') });
    expectNeverExecuted(cfn, { deleted: true });
  });

  test('a wait that times out deletes the change set, retrying while CloudFormation still creates it', async () => {
    const cfn = fake('showcase', {
      inProgressPolls: Infinity,
      errors: { DeleteChangeSet: [awsError('InvalidChangeSetStatusException', 'Cannot delete ChangeSet in status CREATE_IN_PROGRESS')] },
    });
    const error = await preview(cfn, options({ timeoutMs: 30, pollDelaysMs: [5] })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreviewError);
    expect(error).toMatchObject({ code: 'timeout', cleanupProblems: [] });
    expect(cfn.inputs('DeleteChangeSet')).toHaveLength(2);
    expectNeverExecuted(cfn, { deleted: true });
  });

  test('an abort while waiting (what Ctrl-C does): the preview stops, deletes the change set and the new stack', async () => {
    const controller = new AbortController();
    const cfn = fake('showcase', {
      stackMissing: true,
      inProgressPolls: Infinity,
      after: (operation) => {
        if (operation === 'DescribeChangeSet') controller.abort();
      },
    });
    const error = await preview(cfn, options({ signal: controller.signal, pollDelaysMs: [60_000], timeoutMs: 600_000 })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'interrupted', cleanupProblems: [] });
    expect(cfn.operations().slice(-2)).toEqual(['DeleteChangeSet', 'DeleteStack']);
    expectNeverExecuted(cfn, { deleted: true });
  });

  test('an abort before the change set exists: nothing to delete', async () => {
    const controller = new AbortController();
    const cfn = fake('showcase', {
      after: (operation) => {
        if (operation === 'GetTemplate') controller.abort();
      },
    });
    await expect(preview(cfn, options({ signal: controller.signal }))).rejects.toMatchObject({ code: 'interrupted' });
    expect(cfn.operations()).toEqual(['DescribeStacks', 'GetTemplate']);
  });

  test('nested stacks: the nested change set is described too, its resources as Parent/Child', async () => {
    const body = JSON.stringify({ Resources: { Network: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'https://s3.amazonaws.com/acme-templates/network-v2.yaml' } } } });
    const cfn = fake('nested');
    const result = await preview(cfn, options({ stackName: 'platform' }, body));
    const described = cfn.inputs('DescribeChangeSet').filter((i) => i.IncludePropertyValues).map((i) => i.ChangeSetName!.split('/')[1]);
    expect(described).toEqual(['cfnkit-preview-test', 'cfnkit-preview-test-Network-1KLMNOP2QRST']);
    expect(result.changes.map((c) => [c.resource, c.action, c.dataLoss])).toEqual([
      ['Network', 'update', false],
      ['Network/Subnet', 'may-replace', false],
      ['Network/Vpc', 'replace', false],
    ]);
    expect(result.changes[1].risks.map((r) => r.code)).toEqual([]);
    expect(cfn.inputs('DeleteChangeSet')).toHaveLength(1);
    expectNeverExecuted(cfn, { deleted: true });
  });

  test('keep leaves the change set for a human and says which', async () => {
    const cfn = fake();
    const result = await preview(cfn, options({ keep: true }));
    expect(result.keptChangeSet).toBe(SHOWCASE_CHANGE_SET);
    expectNeverExecuted(cfn, { deleted: false });
  });

  test('keep with no changes still deletes the useless FAILED change set', async () => {
    const cfn = fake('showcase', { status: { Status: 'FAILED', StatusReason: 'No updates are to be performed.' } });
    const result = await preview(cfn, options({ keep: true }));
    expect(result.keptChangeSet).toBeUndefined();
    expectNeverExecuted(cfn, { deleted: true });
  });

  test('a cleanup failure is reported with the command that finishes the job', async () => {
    const cfn = fake('showcase', { errors: { DeleteChangeSet: [awsError('AccessDenied', 'User is not authorized to perform: cloudformation:DeleteChangeSet', 403)] } });
    const result = await preview(cfn, options());
    expect(result.cleanupProblems).toEqual([expect.stringContaining(`aws cloudformation delete-change-set --change-set-name ${SHOWCASE_CHANGE_SET}`)]);
  });

  test('a template over 51,200 bytes is refused before any call', async () => {
    const cfn = fake();
    const body = `# ${'x'.repeat(51_200)}\n${showcaseNew}`;
    await expect(preview(cfn, options({}, body))).rejects.toMatchObject({ code: 'template-too-large' });
    expect(cfn.calls).toEqual([]);
  });

  test('given parameters are sent; stack parameters not given keep their previous values', async () => {
    const cfn = fake();
    await preview(cfn, options({ parameters: { Env: 'prod' } }));
    expect(cfn.inputs('CreateChangeSet')[0].Parameters).toEqual([{ ParameterKey: 'Env', ParameterValue: 'prod' }]);
    await expect(preview(fake(), options({ parameters: { Nope: 'x' } }))).rejects.toMatchObject({ code: 'invalid-template' });
  });

  const credentialsError = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
  const errorCases: Array<[string, Error, string]> = [
    ['no credentials', credentialsError, 'no-credentials'],
    ['no region', new Error('Region is missing'), 'no-region'],
    ['access denied', awsError('AccessDenied', 'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: cloudformation:CreateChangeSet', 403), 'access-denied'],
    ['throttling after the SDK retries', awsError('Throttling', 'Rate exceeded'), 'throttled'],
    ['template validation', awsError('ValidationError', 'Template format error: Unresolved resource dependencies [Nope] in the Resources block of the template'), 'invalid-template'],
    ['missing capabilities', awsError('InsufficientCapabilitiesException', 'Requires capabilities : [CAPABILITY_IAM]'), 'insufficient-capabilities'],
    ['unreachable endpoint', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }), 'network'],
  ];
  test.each(errorCases)('CreateChangeSet fails (%s): a readable PreviewError, nothing to clean up', async (_, error, code) => {
    const cfn = fake('showcase', { errors: { CreateChangeSet: [error] } });
    const e = await preview(cfn, options()).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PreviewError);
    expect(e).toMatchObject({ code });
    expect((e as Error).message).not.toMatch(/\n|\bat \w+ \(/);
    expectNeverExecuted(cfn, { deleted: false });
  });

  test('DescribeStacks fails without credentials: no other call is made', async () => {
    const cfn = fake('showcase', { errors: { DescribeStacks: [credentialsError] } });
    await expect(preview(cfn, options())).rejects.toMatchObject({ code: 'no-credentials' });
    expect(cfn.operations()).toEqual(['DescribeStacks']);
  });
});
