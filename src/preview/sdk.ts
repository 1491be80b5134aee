/**
 * The real {@link CloudFormationApi}: `@aws-sdk/client-cloudformation`, loaded on first use so that
 * commands other than `preview` start without it. Throttling is retried by the SDK's standard retry
 * strategy (exponential backoff with jitter), up to `maxAttempts`.
 */
import type { CloudFormationClient, CloudFormationClientConfig } from '@aws-sdk/client-cloudformation';
import type { CloudFormationApi, Operation } from './api';

/** Where and as whom a preview talks to CloudFormation. */
export interface ConnectionOptions {
  /** AWS region; default: the SDK's (AWS_REGION, the profile's region). */
  readonly region?: string;
  /** Named profile from the shared config and credentials files. */
  readonly profile?: string;
  /** Endpoint URL, for local emulators such as moto_server. */
  readonly endpoint?: string;
  /** Attempts per call, retries included; default 5. */
  readonly maxAttempts?: number;
  /** Explicit credentials (tests); default: the SDK's provider chain. */
  readonly credentials?: CloudFormationClientConfig['credentials'];
}

/** A connected API with the client behind it (for `destroy`). */
export interface SdkCloudFormation {
  readonly api: CloudFormationApi;
  readonly client: CloudFormationClient;
  /** Closes the client's sockets. */
  destroy(): void;
}

/** Creates the SDK client and wraps it as a {@link CloudFormationApi}. */
export function connectCloudFormation(options: ConnectionOptions = {}): SdkCloudFormation {
  // The SDK warns on every start that releases after January 2027 need Node 22; cfnkit supports Node 20.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sdk = require('@aws-sdk/client-cloudformation') as typeof import('@aws-sdk/client-cloudformation');
  const client = new sdk.CloudFormationClient({
    ...(options.region ? { region: options.region } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    maxAttempts: options.maxAttempts ?? 5,
  });
  const commands: { [O in Operation]: new (input: never) => unknown } = {
    DescribeStacks: sdk.DescribeStacksCommand,
    GetTemplate: sdk.GetTemplateCommand,
    CreateChangeSet: sdk.CreateChangeSetCommand,
    DescribeChangeSet: sdk.DescribeChangeSetCommand,
    DeleteChangeSet: sdk.DeleteChangeSetCommand,
    DeleteStack: sdk.DeleteStackCommand,
  };
  const api: CloudFormationApi = {
    async send(operation, input, opts) {
      const Command = commands[operation];
      const output = (await client.send(new Command(input as never) as never, opts?.abortSignal ? { abortSignal: opts.abortSignal } : {})) as { $metadata?: unknown };
      const { $metadata: _, ...rest } = output;
      return rest as never;
    },
  };
  return { api, client, destroy: () => client.destroy() };
}
