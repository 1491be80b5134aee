/**
 * What `cfnkit preview` returns: the change set's resource changes, merged with the offline diff of
 * the deployed template against the new one, each marked `confirmed` or `predicted`.
 */
import type { ChangeAction, ChangeSummary, ResourceChange } from '../diff/types';

/** One `ResourceChangeDetail` of a change set, as DescribeChangeSet returns it. */
export interface ChangeSetDetail {
  /** `Properties`, `Metadata`, `CreationPolicy`, `UpdatePolicy`, `DeletionPolicy`, `UpdateReplacePolicy`, `Tags`. */
  readonly attribute?: string;
  /** Property name, for `Properties`. */
  readonly name?: string;
  /** Property path (with IncludePropertyValues), e.g. `/Properties/KeySchema/0/AttributeName`. */
  readonly path?: string;
  /** `Never`, `Conditionally` or `Always`. */
  readonly requiresRecreation?: string;
  /** `Static` (known now) or `Dynamic` (known only during the update). */
  readonly evaluation?: string;
  /** `ResourceReference`, `ParameterReference`, `ResourceAttribute`, `DirectModification`, `Automatic`. */
  readonly changeSource?: string;
  /** The logical id, parameter or attribute that caused the change. */
  readonly causingEntity?: string;
  readonly beforeValue?: string;
  readonly afterValue?: string;
  /** `Add`, `Remove`, `Modify`, `SyncWithActual`. */
  readonly attributeChangeType?: string;
}

/** What the change set says about one resource. */
export interface ChangeSetResourceChange {
  /** `Add`, `Modify`, `Remove`, `Import`, `Dynamic`, `SyncWithActual`. */
  readonly action: string;
  readonly physicalResourceId?: string;
  /** `True`, `False` or `Conditional` (Modify only). */
  readonly replacement?: string;
  readonly scope: readonly string[];
  /** `Delete`, `Retain`, `Snapshot`, `ReplaceAndDelete`, `ReplaceAndRetain`, `ReplaceAndSnapshot`. */
  readonly policyAction?: string;
  readonly details: readonly ChangeSetDetail[];
}

/** A resource change in a preview. */
export interface PreviewChange extends ResourceChange {
  // `properties` of a confirmed change come from the change set's Details; when it has none (Add,
  // Remove, emulators), from the offline prediction.
  /**
   * `confirmed`: the change set lists it (its action and data-loss flag come from the change set);
   * `predicted`: only the offline diff of the deployed template against the new one expects it.
   */
  readonly evidence: 'confirmed' | 'predicted';
  /** The offline diff's action for this resource, when it has one (for comparison with the change set). */
  readonly predicted?: ChangeAction;
  /** The change set's own fields, for confirmed changes. */
  readonly changeSet?: ChangeSetResourceChange;
}

/** Result of {@link preview}. */
export interface PreviewResult {
  readonly stackName: string;
  /** `CREATE` for a stack that does not exist yet, else `UPDATE`. */
  readonly changeSetType: 'CREATE' | 'UPDATE';
  /** True when CloudFormation found nothing to change. */
  readonly noChanges: boolean;
  readonly changes: readonly PreviewChange[];
  readonly summary: ChangeSummary;
  /** The change set left in place with `keep`, with its ARN; undefined when it was deleted. */
  readonly keptChangeSet?: string;
  /** Things the reader should know, e.g. that the deployed template could not be read for a prediction. */
  readonly warnings: readonly string[];
  /** Problems while cleaning up (what is left behind and how to delete it); empty when all is gone. */
  readonly cleanupProblems: readonly string[];
}
