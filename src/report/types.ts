/** The input of every change renderer: a diff's or a preview's changes, and their summary. */
import type { ChangeSummary, ResourceChange } from '../diff/types';
import type { PreviewChange } from '../preview/types';

/** Output formats of `cfnkit diff` and `cfnkit preview`. */
export const REPORT_FORMATS = ['text', 'json', 'markdown'] as const;

/** One of {@link REPORT_FORMATS}. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** What a renderer shows. */
export interface ChangeReport {
  /** `diff` (offline prediction) or `preview` (change set plus prediction). */
  readonly command: 'diff' | 'preview';
  readonly changes: ReadonlyArray<ResourceChange | PreviewChange>;
  readonly summary: ChangeSummary;
  /** Preview only: the stack. */
  readonly stackName?: string;
  /** Preview only: `CREATE` or `UPDATE`. */
  readonly changeSetType?: 'CREATE' | 'UPDATE';
  /** Preview only: the change set is a kept one, with this ARN. */
  readonly keptChangeSet?: string;
}

/** Options of the renderers. */
export interface RenderOptions {
  /** ANSI colours in text output; default false. */
  readonly color?: boolean;
}

/** True when `change` came from a preview (it has an evidence mark). */
export function isPreviewChange(change: ResourceChange | PreviewChange): change is PreviewChange {
  return 'evidence' in change;
}
