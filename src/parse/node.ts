/**
 * The source tree: what the YAML and JSON readers produce, a value tree with a range on every node,
 * before intrinsics and sections are interpreted. Lint walks it for positions; `toModel` turns it into
 * the template model.
 */
import type { Range } from './source';

/** A mapping key with its own range. */
export interface SourceEntry {
  readonly key: string;
  readonly keyRange: Range;
  readonly value: SourceNode;
}

interface NodeBase {
  readonly range: Range;
  /** Short-form tag without the `!` (`Ref`, `GetAtt`, …), YAML only. */
  readonly tag?: string;
}

/** A node of the source tree. */
export type SourceNode =
  | (NodeBase & { readonly kind: 'map'; readonly entries: readonly SourceEntry[] })
  | (NodeBase & { readonly kind: 'seq'; readonly items: readonly SourceNode[] })
  | (NodeBase & { readonly kind: 'scalar'; readonly value: string | number | boolean | null });

/** Codes of problems found while reading a template's text. */
export type ParseProblemCode =
  | 'empty'
  | 'syntax'
  | 'duplicate-key'
  | 'alias'
  | 'anchor'
  | 'unknown-tag'
  | 'tab-indent'
  | 'invalid-utf8'
  | 'not-a-mapping'
  | 'multiple-documents'
  | 'complex-key'
  | 'unreadable'
  | 'too-deep'
  | 'too-large';

/** A problem found while reading a template; parsing collects these and never throws on bad input. */
export interface ParseProblem {
  readonly code: ParseProblemCode;
  readonly message: string;
  readonly range: Range;
}

/** What a reader returns: the source tree when the text could be read, and the problems found. */
export interface ReadResult {
  readonly root: SourceNode | undefined;
  readonly problems: ParseProblem[];
  /** Problems found but not kept, by code (a reader keeps at most 1000 of each). */
  readonly omitted?: { readonly [code in ParseProblemCode]?: number };
}
