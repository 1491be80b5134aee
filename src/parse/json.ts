/**
 * JSON reader: jsonc-parser's visitor (strict JSON: no comments, no trailing commas) building the
 * source tree directly. parseTree would build a tree of its own first, which for 5 MB of JSON is
 * 150 MB more at the peak (issue 6).
 */
import type { ParseErrorCode } from 'jsonc-parser';
import { MAX_NESTING, MAX_VALUES, ProblemCollector, jsonTooDeepAt } from './limits';
import type { ReadResult, SourceEntry, SourceNode } from './node';
import { LineIndex, Range } from './source';

type Open =
  | { readonly kind: 'map'; readonly start: number; readonly entries: SourceEntry[]; readonly seen: Map<string, Range>; key?: { name: string; range: Range } }
  | { readonly kind: 'seq'; readonly start: number; readonly items: SourceNode[] };

/** Reads JSON text into a source tree plus the problems found on the way. */
export function readJson(text: string, lines: LineIndex): ReadResult {
  // loaded for JSON input only: a YAML lint never evaluates it (issue 3, cold start)
  const { printParseErrorCode, visit } = require('jsonc-parser') as typeof import('jsonc-parser');
  // jsonc-parser recurses once per level: 10,000 levels would overflow its stack (issue 6)
  const deep = jsonTooDeepAt(text);
  if (deep >= 0) return { root: undefined, problems: [{ code: 'too-deep', message: `nesting deeper than ${MAX_NESTING} levels`, range: lines.range(deep, deep + 1) }] };

  const problems = new ProblemCollector();
  let error: { code: ParseErrorCode; offset: number; length: number } | undefined;
  let root: SourceNode | undefined;
  const open: Open[] = [];
  let values = 0;
  let stoppedAt = -1; // past MAX_VALUES: the visitor runs on (it cannot stop) but nothing more is built
  const count = (offset: number) => {
    if (++values > MAX_VALUES && stoppedAt < 0) stoppedAt = offset;
    return stoppedAt < 0;
  };
  const put = (node: SourceNode) => {
    const top = open[open.length - 1];
    if (!top) root = node;
    else if (top.kind === 'seq') top.items.push(node);
    else if (top.key) {
      top.entries.push({ key: top.key.name, keyRange: top.key.range, value: node });
      top.key = undefined;
    }
  };
  visit(
    text,
    {
      onObjectBegin: (offset) => {
        if (count(offset)) open.push({ kind: 'map', start: offset, entries: [], seen: new Map() });
      },
      onObjectProperty: (name, offset, length) => {
        if (stoppedAt >= 0) return;
        const top = open[open.length - 1];
        if (top?.kind !== 'map') return;
        const range = lines.span(offset, offset + length);
        const first = top.seen.get(name);
        if (first) {
          problems.push({ code: 'duplicate-key', message: `duplicate key "${name}" (first at line ${first.start.line}, column ${first.start.column})`, range });
        } else {
          top.seen.set(name, range);
        }
        top.key = { name, range };
      },
      onObjectEnd: (offset, length) => {
        if (stoppedAt >= 0) return;
        const top = open.pop();
        if (top?.kind === 'map') put({ kind: 'map', entries: top.entries, range: lines.span(top.start, offset + length) });
      },
      onArrayBegin: (offset) => {
        if (count(offset)) open.push({ kind: 'seq', start: offset, items: [] });
      },
      onArrayEnd: (offset, length) => {
        if (stoppedAt >= 0) return;
        const top = open.pop();
        if (top?.kind === 'seq') put({ kind: 'seq', items: top.items, range: lines.span(top.start, offset + length) });
      },
      onLiteralValue: (value: string | number | boolean | null, offset, length) => {
        if (count(offset)) put({ kind: 'scalar', value, range: lines.span(offset, offset + length) });
      },
      onError: (code, offset, length) => {
        error ??= { code, offset, length };
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  // Only the first error: the parser's later ones are mostly the cascade of the first.
  if (error) {
    const range = lines.range(error.offset, error.offset + error.length);
    return { root: undefined, problems: [{ code: 'syntax', message: `invalid JSON: ${describe(printParseErrorCode(error.code))}`, range }] };
  }
  if (stoppedAt >= 0) {
    const message = `template has more than ${MAX_VALUES.toLocaleString('en-US')} values (CloudFormation accepts 1 MB)`;
    return { root: undefined, problems: [{ code: 'too-large', message, range: lines.range(stoppedAt, stoppedAt) }] };
  }
  return { root, problems: problems.kept, omitted: problems.omitted };
}

function describe(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
