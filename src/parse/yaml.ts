/**
 * YAML reader: the `yaml` package's document model walked into a {@link SourceNode} tree.
 *
 * YAML 1.1 rules, as CloudFormation reads YAML (yes/no booleans, octal with a leading zero), except
 * that dates stay strings: `AWSTemplateFormatVersion: 2010-09-09` is a string to CloudFormation.
 * Anchors, aliases and duplicate keys are reported, not resolved.
 */
import { Composer, Lexer, Parser, YAMLMap, YAMLSeq, isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { CST, CollectionTag, Document, DocumentOptions, Node, ParseOptions, ParsedNode, ScalarTag, SchemaOptions, Tags } from 'yaml';
import { MAX_NESTING, MAX_VALUES, MAX_YAML_TOKENS, ProblemCollector, nonPrintableAt } from './limits';
import type { ParseProblem, ReadResult, SourceEntry, SourceNode } from './node';
import { LineIndex, Range } from './source';

const DROPPED_TAGS = new Set([
  'tag:yaml.org,2002:timestamp',
  'tag:yaml.org,2002:binary',
  'tag:yaml.org,2002:omap',
  'tag:yaml.org,2002:pairs',
  'tag:yaml.org,2002:set',
]);

/** CloudFormation's short-form tags (without `!`). */
export const SHORT_TAGS: ReadonlySet<string> = new Set([
  'Ref',
  'Condition',
  'GetAtt',
  'Sub',
  'Join',
  'Select',
  'Split',
  'If',
  'Equals',
  'And',
  'Or',
  'Not',
  'FindInMap',
  'ImportValue',
  'Base64',
  'Cidr',
  'GetAZs',
  'Transform',
  'ToJsonString',
  'Length',
  'ForEach',
  // rule-specific functions, valid in the Rules section
  'ValueOf',
  'ValueOfAll',
  'RefAll',
  'EachMemberEquals',
  'EachMemberIn',
  'Contains',
]);

/**
 * The short tags declared to the parser as pass-through tags (scalar, sequence and mapping forms):
 * undeclared, each would raise an "unresolved tag" warning — an Error object with a stack, which cost
 * a third of the parse time on real templates.
 */
const PASS_THROUGH_TAGS: Array<ScalarTag | CollectionTag> = [...SHORT_TAGS].flatMap((name) => [
  { tag: `!${name}`, resolve: (value: string) => value } as ScalarTag,
  { tag: `!${name}`, collection: 'seq', nodeClass: YAMLSeq, resolve: (seq: unknown) => seq } as unknown as CollectionTag,
  { tag: `!${name}`, collection: 'map', nodeClass: YAMLMap, resolve: (map: unknown) => map } as unknown as CollectionTag,
]);

/**
 * Scalar types as PyYAML and SnakeYAML (so cfn-lint and CloudFormation) resolve them. YAML 1.1 floats
 * need a digit before the exponent or point: the `yaml` package's 1.1 schema also
 * reads `E1020` and `.` as floats (NaN), where PyYAML, SnakeYAML and so CloudFormation read strings —
 * cfn-lint rule ids in `ignore_checks` are such values.
 */
function asPyYaml(tag: Tags[number]): Tags[number] {
  const t = tag as ScalarTag;
  // y/Y/n/N are booleans in the YAML 1.1 spec's table but strings to PyYAML and SnakeYAML
  if (t.tag === 'tag:yaml.org,2002:bool' && t.test) {
    return { ...t, test: t.test.source.includes('[Tt]rue') ? /^(?:[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/ : /^(?:[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/ };
  }
  if (t.tag !== 'tag:yaml.org,2002:float' || !t.test || /nan/i.test(t.test.source)) return tag; // .inf/.nan stay
  if (t.format === 'EXP') return { ...t, test: /^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9_]+)[eE][-+]?[0-9]+$/ };
  if (!t.format) return { ...t, test: /^[-+]?(?:[0-9][0-9_]*\.[0-9_]*|\.[0-9_]+)$/ };
  return tag;
}

/**
 * Texts over this size are composed one top-level entry at a time — and a large section such as
 * Resources one entry at a time — so that the parser's token tree and the `yaml` document (60 to 150
 * bytes per byte of text, together) exist for one entry at a time, not for the whole file: a 5 MB
 * template peaks at a third of the memory (issue 6). 1 MiB is the most CloudFormation accepts, so
 * every template it would deploy is read in one piece.
 */
export const CHUNK_FROM = 1 << 20;

/** A section this large is split into its entries (when chunking at all). */
const SPLIT_SECTION_FROM = 1 << 16;

/** Options of {@link readYaml}. */
export interface ReadYamlOptions {
  /** Size over which to compose entry by entry; default {@link CHUNK_FROM} (tests force 0). */
  readonly chunkFrom?: number;
}

/** Reads YAML text into a source tree plus the problems found on the way. */
export function readYaml(text: string, lines: LineIndex, options: ReadYamlOptions = {}): ReadResult {
  const bad = nonPrintableAt(text);
  if (bad >= 0) {
    const hex = text.charCodeAt(bad).toString(16).toUpperCase().padStart(4, '0');
    return { root: undefined, problems: [{ code: 'syntax', message: `special character U+${hex} is not allowed in YAML`, range: lines.range(bad, bad + 1) }] };
  }
  try {
    if (text.length > (options.chunkFrom ?? CHUNK_FROM)) {
      const chunked = readInChunks(text, lines, options.chunkFrom === 0 ? 0 : SPLIT_SECTION_FROM);
      if (chunked) return chunked;
    }
    const composed = compose(text, 0, text.length, MAX_NESTING);
    const failed = problemsOf(composed, 0, lines);
    if (failed) return { root: undefined, problems: failed };
    const found = new ProblemCollector();
    const root = walker(text, lines, found, 0, { values: 0 })((composed as { doc: Document.Parsed }).doc.contents as Node | null, 0);
    return { root, problems: found.kept, omitted: found.omitted };
  } catch (e) {
    if (e instanceof TooManyValues) return { root: undefined, problems: [tooManyValues(lines, e.offset)] };
    throw e;
  }
}

/** Thrown by the walk past {@link MAX_VALUES} values, to stop it. */
class TooManyValues {
  constructor(readonly offset: number) {}
}

function tooManyValues(lines: LineIndex, offset: number): ParseProblem {
  return { code: 'too-large', message: `template has more than ${MAX_VALUES.toLocaleString('en-US')} values (CloudFormation accepts 1 MB)`, range: lines.range(offset, offset) };
}

/** The problems that make a composed text unreadable (too deep or large, a syntax error, two documents), or undefined. */
function problemsOf(composed: ReturnType<typeof compose>, from: number, lines: LineIndex): ParseProblem[] | undefined {
  if ('deepAt' in composed) return [{ code: 'too-deep', message: `nesting deeper than ${MAX_NESTING} levels`, range: lines.range(composed.deepAt, composed.deepAt + 1) }];
  if ('fullAt' in composed) {
    const message = `YAML of more than ${MAX_YAML_TOKENS.toLocaleString('en-US')} tokens in one entry is too large to read (CloudFormation accepts 1 MB)`;
    return [{ code: 'too-large', message, range: lines.range(composed.fullAt, composed.fullAt) }];
  }
  const { doc, secondAt } = composed;
  // Only the first error: the parser's later ones are mostly the cascade of the first.
  for (const e of doc.errors.slice(0, 1)) {
    const code = e.code === 'TAB_AS_INDENT' ? 'tab-indent' : e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'syntax';
    return [{ code, message: firstLine(e.message), range: lines.range(from + e.pos[0], from + e.pos[1]) }];
  }
  if (secondAt !== undefined) return [{ code: 'multiple-documents', message: 'a template must be a single YAML document', range: lines.range(from + secondAt, from + secondAt) }];
  return undefined;
}

/**
 * The walk from `yaml` nodes to source nodes. `base` is the offset in `text` of the text the nodes
 * were composed from; `count` counts the values made, across pieces, against {@link MAX_VALUES}.
 * `seen` and `into` carry the keys and entries of a mapping composed in several pieces.
 */
function walker(text: string, lines: LineIndex, problems: ProblemCollector, base: number, count: { values: number }) {
  const walk = (node: Node | null | undefined, fallback: number, seen?: Map<string, Range>, into?: SourceEntry[]): SourceNode => {
    if (++count.values > MAX_VALUES) throw new TooManyValues(base + ((node as ParsedNode | null)?.range?.[0] ?? fallback));
    if (!node) {
      return { kind: 'scalar', value: null, range: lines.span(base + fallback, base + fallback) };
    }
    const r = (node as ParsedNode).range ?? [fallback, fallback, fallback];
    const range = lines.span(node.tag || node.anchor ? propsStart(text, base + r[0]) : base + r[0], base + r[1]);
    if (node.anchor) problems.push({ code: 'anchor', message: `YAML anchor &${node.anchor} is not supported by CloudFormation`, range });
    if (isAlias(node)) {
      problems.push({ code: 'alias', message: `YAML alias *${node.source} is not supported by CloudFormation`, range });
      return { kind: 'scalar', value: null, range };
    }
    const tag = shortTag(node.tag, range, problems);
    if (isMap(node)) {
      const entries: SourceEntry[] = into ?? [];
      seen ??= new Map<string, Range>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as Node | null;
        const kr = (keyNode as ParsedNode | null)?.range ?? [r[0], r[0], r[0]];
        const keyRange = lines.span(base + kr[0], base + kr[1]);
        if (!isScalar(keyNode)) {
          problems.push({ code: 'complex-key', message: 'mapping keys must be plain scalars', range: keyRange });
          continue;
        }
        const key = keyNode.source ?? String(keyNode.value);
        const first = seen.get(key);
        if (first) {
          problems.push({
            code: 'duplicate-key',
            message: `duplicate key "${key}" (first at line ${first.start.line}, column ${first.start.column})`,
            range: keyRange,
          });
        } else {
          seen.set(key, keyRange);
        }
        entries.push({ key, keyRange, value: walk(pair.value as Node | null, kr[2]) });
      }
      return { kind: 'map', entries, range, ...(tag ? { tag } : {}) };
    }
    if (isSeq(node)) {
      const items: SourceNode[] = new Array(node.items.length);
      for (let i = 0; i < items.length; i++) items[i] = walk(node.items[i] as Node, r[1]);
      return { kind: 'seq', items, range, ...(tag ? { tag } : {}) };
    }
    const scalar = node as { value: unknown; source?: string };
    let value = scalar.value;
    if (tag) value = scalar.source ?? (value === null ? '' : String(value)); // a tagged scalar is its source text
    else if (value instanceof Date) value = scalar.source ?? value.toISOString();
    else if (typeof value === 'bigint') value = Number(value);
    else if (value !== null && typeof value === 'object') value = String(value);
    return { kind: 'scalar', value: value as string | number | boolean | null, range, ...(tag ? { tag } : {}) };
  };
  return walk;
}

/**
 * Reads a block-mapping template entry by entry: the top level split at the lines that start a key
 * in column 0, and each large section split again at its entries' indentation. A line at a
 * mapping's own indentation always ends what came before in it (the `yaml` package is strict about
 * that), so the pieces compose to the same nodes as the whole (a property test holds it to that).
 * Undefined when the lines do not split — directives, document markers, tabs, explicit or flow keys —
 * or, for a text of at most {@link CHUNK_FROM}, when a piece has an error: the one-piece read reports
 * it as it is. For a larger text, a piece's error is the result (the whole would cost too much).
 */
function readInChunks(text: string, lines: LineIndex, splitFrom: number): ReadResult | undefined {
  if (/\r(?!\n)/.test(text)) return undefined; // line breaks the line search does not see
  const top = entryStarts(text, 0, text.length, 0);
  if (!top) return undefined;
  const problems = new ProblemCollector();
  const count = { values: 0 };
  const entries: SourceEntry[] = [];
  const seen = new Map<string, Range>();
  let first = -1;
  let last = -1;
  const piece = (from: number, to: number, level: number): YAMLMap.Parsed | ParseProblem[] | undefined => {
    const composed = compose(text, from, to, MAX_NESTING - (level - 1));
    const failed = problemsOf(composed, from, lines);
    if (failed) return text.length > CHUNK_FROM ? failed : undefined;
    const node = (composed as { doc: Document.Parsed }).doc.contents;
    return isMap(node) && !node.tag && !node.anchor && !node.flow ? (node as YAMLMap.Parsed) : undefined;
  };
  for (let i = 0; i < top.length; i++) {
    const from = top[i];
    const to = i + 1 < top.length ? top[i + 1] : text.length;
    const section = to - from >= splitFrom ? splitSection(text, from, to) : undefined;
    if (section) {
      const head = piece(from, section.body, 1);
      if (!head || Array.isArray(head)) return head && { root: undefined, problems: head };
      if (head.items.length !== 1) return undefined;
      const pair = head.items[0] as { key: Node | null; value: Node | null };
      const empty = pair.value === null || (isScalar(pair.value) && pair.value.value === null && !pair.value.tag && !pair.value.anchor);
      if (!empty || !isScalar(pair.key)) return undefined;
      const keyRange = (pair.key as ParsedNode).range!;
      const headMap = walker(text, lines, problems, from, count)(head, 0, seen);
      if (headMap.kind !== 'map' || headMap.entries.length !== 1) return undefined;
      const inner: SourceEntry[] = [];
      const innerSeen = new Map<string, Range>();
      let innerFirst = -1;
      let innerLast = -1;
      let innerNodeEnd = -1; // past trailing comments: where the whole read ends the enclosing mapping
      for (let k = 0; k < section.entries.length; k++) {
        const a = section.entries[k];
        // up to the next key itself: the `yaml` package ends a nested value after the next line's indentation
        const b = k + 1 < section.entries.length ? section.entries[k + 1] + section.indent : to;
        const part = piece(a, b, 2);
        if (!part || Array.isArray(part)) return part && { root: undefined, problems: part };
        if (innerFirst < 0) innerFirst = a + part.range[0];
        innerLast = a + part.range[1];
        innerNodeEnd = a + part.range[2];
        walker(text, lines, problems, a, count)(part, 0, innerSeen, inner);
      }
      const value: SourceNode = { kind: 'map', entries: inner, range: lines.span(innerFirst, innerLast) };
      entries.push({ ...headMap.entries[0], value });
      if (first < 0) first = from + keyRange[0];
      last = innerNodeEnd;
    } else {
      const part = piece(from, to, 1);
      if (!part || Array.isArray(part)) return part && { root: undefined, problems: part };
      if (first < 0) first = from + part.range[0];
      last = from + part.range[1];
      walker(text, lines, problems, from, count)(part, 0, seen, entries);
    }
  }
  return { root: { kind: 'map', entries, range: lines.span(first, last) }, problems: problems.kept, omitted: problems.omitted };
}

/**
 * Offsets of the lines in `text[from, to)` that start an entry of a block mapping indented by
 * `indent` spaces, or undefined when the lines do not allow a safe split.
 */
function entryStarts(text: string, from: number, to: number, indent: number): number[] | undefined {
  const starts: number[] = [];
  for (let line = from; line < to; ) {
    let nl = text.indexOf('\n', line);
    if (nl < 0 || nl >= to) nl = to;
    let i = line;
    while (i < nl && text.charCodeAt(i) === 0x20) i++;
    const c = i < nl ? text[i] : '';
    const next = line;
    line = nl + 1;
    if (c === '' || c === '\r' || c === '#') continue; // blank or comment line
    if (c === '\t') return undefined;
    const sp = i - next;
    if (sp > indent) {
      if (starts.length === 0) return undefined; // content before the first key
      continue;
    }
    if (sp < indent) return undefined;
    if (c === '-' && /^-(?:[ \r]|$)/.test(text.slice(i, Math.min(nl, i + 2)))) {
      if (starts.length === 0) return undefined; // a list at this indentation belongs to the key before it
      continue;
    }
    if ('?:%[]{}!&*|>@`,'.includes(c) || (sp === 0 && /^(?:---|\.\.\.)/.test(text.slice(i, i + 3)))) return undefined;
    starts.push(next);
  }
  return starts.length > 0 ? starts : undefined;
}

/** A top-level entry whose value is a block mapping on the lines below its key, split into that mapping's entries. */
function splitSection(text: string, from: number, to: number): { body: number; indent: number; entries: number[] } | undefined {
  let nl = text.indexOf('\n', from);
  if (nl < 0 || nl >= to) return undefined;
  // the key line holds only the key: no value, tag or anchor on it
  if (!/^(?:[A-Za-z0-9_.:-]+|"[^"\\]*"|'[^']*'):[ \t]*(?:#.*)?\r?$/.test(text.slice(from, nl))) return undefined;
  const body = nl + 1;
  let i = body;
  for (;;) {
    let j = i;
    while (j < to && text.charCodeAt(j) === 0x20) j++;
    if (j >= to) return undefined;
    const c = text[j];
    if (c === '\n' || c === '\r' || c === '#') {
      nl = text.indexOf('\n', j);
      if (nl < 0 || nl >= to) return undefined;
      i = nl + 1;
      continue;
    }
    const indent = j - i;
    if (indent === 0 || c === '-') return undefined;
    const entries = entryStarts(text, body, to, indent);
    return entries ? { body, indent, entries } : undefined;
  }
}

const OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  schema: 'yaml-1.1',
  customTags: (tags: Tags) => [...tags.filter((t) => !DROPPED_TAGS.has((t as { tag: string }).tag)).map(asPyYaml), ...PASS_THROUGH_TAGS],
  merge: false,
  uniqueKeys: false,
  prettyErrors: false,
  strict: true,
};

/**
 * The first document of `text[from, to)`, as `parseDocument` composes it, and where a second one
 * starts. The composer recurses once per level of nesting, so 10,000 levels would overflow its stack
 * (issue 6): the text is lexed and parsed first (both iterative; the parser's stack holds one token
 * per open mapping or list) and nesting past `maxDepth` stops there, at the token that opens it.
 * Offsets in the result are relative to `from`, except `deepAt`.
 */
function compose(text: string, from: number, to: number, maxDepth: number): { doc: Document.Parsed; secondAt?: number } | { deepAt: number } | { fullAt: number } {
  const source = from === 0 && to === text.length ? text : text.slice(from, to);
  const parser = new Parser();
  const tokens: CST.Token[] = [];
  let count = 0;
  for (const lexeme of new Lexer().lex(source)) {
    if (++count > MAX_YAML_TOKENS) return { fullAt: from + parser.offset };
    for (const token of parser.next(lexeme)) tokens.push(token);
    // the stack also holds the document and, for a moment, a scalar: count exactly only when it could matter
    if (parser.stack.length > maxDepth && openCollections(parser.stack) > maxDepth) return { deepAt: from + Math.max(0, parser.offset - lexeme.length) };
  }
  for (const token of parser.end()) tokens.push(token);
  let doc: Document.Parsed | undefined;
  let secondAt: number | undefined;
  for (const d of new Composer(OPTIONS).compose(tokens, true, source.length)) {
    if (doc) {
      secondAt = d.range[0];
      break;
    }
    doc = d;
  }
  return { doc: doc!, secondAt };
}

function openCollections(stack: readonly CST.Token[]): number {
  let n = 0;
  for (const t of stack) if (t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection') n++;
  return n;
}

/** A node's range starts after its properties (`!Tag`, `&anchor`); findings point at the first of them. */
function propsStart(text: string, start: number): number {
  const before = text.slice(Math.max(0, start - 512), start);
  const m = /(?:[!&][^\s,[\]{}]*[ \t]*(?:\r?\n[ \t]*)?)+$/.exec(before);
  return m ? start - m[0].length : start;
}

function shortTag(tag: string | undefined, range: Range, problems: ProblemCollector): string | undefined {
  if (!tag || !tag.startsWith('!') || tag.startsWith('!!')) return undefined;
  const name = tag.slice(1);
  if (!SHORT_TAGS.has(name)) {
    problems.push({ code: 'unknown-tag', message: `unknown tag ${tag}`, range });
    return undefined;
  }
  return name;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
