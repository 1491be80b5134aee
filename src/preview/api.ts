/**
 * The CloudFormation calls `preview` makes, as one small interface: the SDK adapter (`sdk.ts`)
 * implements it for real, tests implement it with recorded responses. `ExecuteChangeSet` is not
 * part of it: a preview cannot execute a change set, whatever the code around it does.
 */
import type {
  CreateChangeSetCommandInput,
  CreateChangeSetCommandOutput,
  DeleteChangeSetCommandInput,
  DeleteChangeSetCommandOutput,
  DeleteStackCommandInput,
  DeleteStackCommandOutput,
  DescribeChangeSetCommandInput,
  DescribeChangeSetCommandOutput,
  DescribeStacksCommandInput,
  DescribeStacksCommandOutput,
  GetTemplateCommandInput,
  GetTemplateCommandOutput,
} from '@aws-sdk/client-cloudformation';

/** Inputs of the operations a preview uses, by CloudFormation API name. */
export interface OperationInputs {
  DescribeStacks: DescribeStacksCommandInput;
  GetTemplate: GetTemplateCommandInput;
  CreateChangeSet: CreateChangeSetCommandInput;
  DescribeChangeSet: DescribeChangeSetCommandInput;
  DeleteChangeSet: DeleteChangeSetCommandInput;
  DeleteStack: DeleteStackCommandInput;
}

/** Outputs of the operations a preview uses (without the SDK's `$metadata`). */
export interface OperationOutputs {
  DescribeStacks: Omit<DescribeStacksCommandOutput, '$metadata'>;
  GetTemplate: Omit<GetTemplateCommandOutput, '$metadata'>;
  CreateChangeSet: Omit<CreateChangeSetCommandOutput, '$metadata'>;
  DescribeChangeSet: Omit<DescribeChangeSetCommandOutput, '$metadata'>;
  DeleteChangeSet: Omit<DeleteChangeSetCommandOutput, '$metadata'>;
  DeleteStack: Omit<DeleteStackCommandOutput, '$metadata'>;
}

/** A CloudFormation operation name a preview may call. */
export type Operation = keyof OperationInputs;

/**
 * The client boundary of a preview: sends one operation and resolves to its output, or rejects with
 * the service's error (an `Error` whose `name` is the AWS error code, as the SDK throws them).
 */
export interface CloudFormationApi {
  send<O extends Operation>(operation: O, input: OperationInputs[O], options?: { abortSignal?: AbortSignal }): Promise<OperationOutputs[O]>;
}
