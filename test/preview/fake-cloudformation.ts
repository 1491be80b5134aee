/**
 * A {@link CloudFormationApi} that answers from a recording (test/fixtures/preview/*.json) and logs
 * every call. Used where moto cannot help: moto 5.2.1's change sets carry only Action,
 * LogicalResourceId and ResourceType, so Replacement, Details, PolicyAction, pagination and nested
 * stacks come from responses in the shape the AWS API reference documents.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CloudFormationApi, Operation, OperationInputs, OperationOutputs } from '../../src/preview/api';

/** A recorded session: one response per operation; DescribeChangeSet pages by change set id. */
export interface Recording {
  DescribeStacks?: OperationOutputs['DescribeStacks'];
  GetTemplate?: OperationOutputs['GetTemplate'];
  CreateChangeSet?: OperationOutputs['CreateChangeSet'];
  DescribeChangeSet: { [changeSetId: string]: Array<OperationOutputs['DescribeChangeSet']> };
}

/** Loads test/fixtures/preview/<name>.json, with ISO timestamps turned into Dates as the SDK returns them. */
export function loadRecording(name: string): Recording {
  const text = readFileSync(join(__dirname, '..', 'fixtures', 'preview', `${name}.json`), 'utf8');
  return JSON.parse(text, (key, value) => (/Time$/.test(key) && typeof value === 'string' ? new Date(value) : value)) as Recording;
}

/** An AWS service error as the SDK throws it: `name` is the error code. */
export function awsError(name: string, message: string, status = 400): Error {
  return Object.assign(new Error(message), { name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status } });
}

/** Behaviour on top of the recording. */
export interface FakeOptions {
  /** DescribeStacks fails with "does not exist" (a new stack). */
  stackMissing?: boolean;
  /** Status polls answered CREATE_IN_PROGRESS before the recorded status; Infinity never ends. */
  inProgressPolls?: number;
  /** Final status of the status polls (default: the recorded first page's), and its reason. */
  status?: { Status: string; StatusReason?: string };
  /** Errors to throw, per operation, in order (one per call; `undefined` entries succeed). */
  errors?: Partial<Record<Operation, Array<Error | undefined>>>;
  /** Called after each call (to send a signal at a chosen moment). */
  after?: (operation: Operation, calls: readonly Call[]) => void;
}

/** One logged call. */
export interface Call {
  readonly operation: string;
  readonly input: Record<string, unknown>;
}

/** The fake and its call log. */
export class FakeCloudFormation implements CloudFormationApi {
  readonly calls: Call[] = [];
  private polls = 0;

  constructor(
    private readonly recording: Recording,
    private readonly options: FakeOptions = {},
  ) {}

  /** Names of the operations called, in order. */
  operations(): string[] {
    return this.calls.map((c) => c.operation);
  }

  /** Inputs of the calls to `operation`. */
  inputs<O extends Operation>(operation: O): Array<OperationInputs[O]> {
    return this.calls.filter((c) => c.operation === operation).map((c) => c.input as unknown as OperationInputs[O]);
  }

  async send<O extends Operation>(operation: O, input: OperationInputs[O], opts?: { abortSignal?: AbortSignal }): Promise<OperationOutputs[O]> {
    this.calls.push({ operation, input: input as unknown as Record<string, unknown> });
    // A turn of the event loop before and after each call, as real network I/O takes: signals sent
    // by a test are handled in between, as they would be in the CLI.
    await turn();
    let output: unknown;
    try {
      if (opts?.abortSignal?.aborted) throw Object.assign(new Error('Request aborted'), { name: 'AbortError' });
      const queued = this.options.errors?.[operation];
      const e = queued && queued.length > 0 ? queued.shift() : undefined;
      if (e) throw e;
      output = await this.answer(operation, input);
    } finally {
      this.options.after?.(operation, this.calls);
      await turn();
    }
    return output as OperationOutputs[O];
  }

  private async answer(operation: Operation, input: unknown): Promise<unknown> {
    const r = this.recording;
    switch (operation) {
      case 'DescribeStacks': {
        if (this.options.stackMissing || !r.DescribeStacks) {
          throw awsError('ValidationError', `Stack with id ${(input as { StackName: string }).StackName} does not exist`);
        }
        return r.DescribeStacks;
      }
      case 'GetTemplate':
        return r.GetTemplate ?? {};
      case 'CreateChangeSet':
        return r.CreateChangeSet;
      case 'DescribeChangeSet': {
        const { ChangeSetName, NextToken, IncludePropertyValues } = input as OperationInputs['DescribeChangeSet'];
        const pages = r.DescribeChangeSet[ChangeSetName!];
        if (!pages) throw awsError('ChangeSetNotFoundException', `ChangeSet [${ChangeSetName}] does not exist`, 404);
        if (!IncludePropertyValues) {
          this.polls++;
          if (this.polls <= (this.options.inProgressPolls ?? 0)) return { ...pages[0], Status: 'CREATE_IN_PROGRESS', Changes: undefined, NextToken: undefined };
          return { ...pages[0], ...(this.options.status ?? {}), Changes: undefined, NextToken: undefined };
        }
        // Page n is the one after the page whose NextToken was given.
        const index = NextToken ? pages.findIndex((p) => p.NextToken === NextToken) + 1 : 0;
        if (index <= 0 && NextToken) throw awsError('ValidationError', `invalid NextToken ${NextToken}`);
        return pages[index];
      }
      case 'DeleteChangeSet':
      case 'DeleteStack':
        return {};
    }
  }
}

function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
