/** `cfnkit preview`: a real change set, described, merged with the offline prediction, and deleted. */
export { preview, isNoChangesReason, TEMPLATE_BODY_LIMIT } from './workflow';
export type { PreviewOptions } from './workflow';
export { PreviewError, fromAwsError } from './errors';
export type { PreviewErrorCode } from './errors';
export type { CloudFormationApi, Operation, OperationInputs, OperationOutputs } from './api';
export type { ChangeSetDetail, ChangeSetResourceChange, PreviewChange, PreviewResult } from './types';
export { connectCloudFormation } from './sdk';
export type { ConnectionOptions, SdkCloudFormation } from './sdk';
export { withInterrupt } from './signals';
