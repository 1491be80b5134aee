/**
 * `parseTemplate`: template text (YAML or JSON) → source tree with ranges, the template model and
 * the problems found. Never throws on bad input; a template that cannot be read has `template`
 * undefined and at least one problem.
 */
import { Intrinsic, TemplateValue, isIntrinsicName } from '../model/intrinsics';
import type { Template } from '../model/template';
import { readJson } from './json';
import { MAX_TEMPLATE_BYTES, invalidUtf8At } from './limits';
import type { ParseProblem, ParseProblemCode, ReadResult, SourceNode } from './node';
import { LineIndex, Range } from './source';
import type { SourceEntry } from './node';
import { readYaml } from './yaml';

export type { ParseProblem, ParseProblemCode, SourceEntry, SourceNode } from './node';
export { LineIndex } from './source';
export { MAX_NESTING, MAX_TEMPLATE_BYTES } from './limits';
export type { Position, Range } from './source';

/** A path into a template: keys and list indexes; intrinsics appear under their long-form name. */
export type TemplatePath = ReadonlyArray<string | number>;

/** Result of {@link parseTemplate}. */
export interface ParsedTemplate {
  /** `yaml` or `json`: what the text was read as. */
  readonly format: 'yaml' | 'json';
  /** The source tree, when the text could be read. */
  readonly root: SourceNode | undefined;
  /** The template model, when the text is a mapping. */
  readonly template: Template | undefined;
  /** Problems found while reading, in text order: at most 1000 of each code. */
  readonly problems: readonly ParseProblem[];
  /** How many problems of each code were found beyond those kept in `problems`. */
  readonly omitted?: { readonly [code in ParseProblemCode]?: number };
  /** Offset → line:column for this text (for bytes that are not UTF-8: for the valid text before the first bad byte). */
  readonly lines: LineIndex;
  /** The decoded text ('' when it could not be decoded). */
  readonly text: string;
  /** The range of the value at `path`, or undefined. */
  locate(path: TemplatePath): Range | undefined;
  /** The range of the key that ends `path`, or undefined. */
  locateKey(path: TemplatePath): Range | undefined;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Parses template text or bytes. */
export function parseTemplate(input: string | Uint8Array): ParsedTemplate {
  let text: string;
  const problems: ParseProblem[] = [];
  const size = typeof input === 'string' ? (input.length * 3 > MAX_TEMPLATE_BYTES ? Buffer.byteLength(input) : 0) : input.length;
  if (size > MAX_TEMPLATE_BYTES) {
    const lines = new LineIndex('');
    const mb = (n: number) => `${n / 1024 / 1024} MB`;
    const message = `template is larger than ${mb(MAX_TEMPLATE_BYTES)}, the most cfnkit reads (CloudFormation accepts 1 MB)`;
    return failed('yaml', '', lines, [{ code: 'too-large', message, range: lines.range(0, 0) }]);
  }
  if (typeof input === 'string') {
    text = input;
  } else {
    try {
      text = decoder.decode(input);
    } catch {
      // The position is in the valid text before the bad byte; `text` stays empty.
      const at = Math.max(0, invalidUtf8At(input));
      const valid = decoder.decode(input.subarray(0, at));
      const lines = new LineIndex(valid);
      return failed('yaml', '', lines, [{ code: 'invalid-utf8', message: `invalid UTF-8 at byte ${at}`, range: lines.range(valid.length, valid.length) }]);
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = ' ' + text.slice(1); // keep offsets; a BOM is allowed
  const lines = new LineIndex(text);
  if (text.trim() === '') {
    return failed('yaml', text, lines, [{ code: 'empty', message: 'template is empty', range: lines.range(0, 0) }]);
  }

  let format: 'yaml' | 'json' = 'yaml';
  let read: ReadResult = { root: undefined, problems: [] };
  if (/^\s*[{[]/.test(text)) {
    read = readJson(text, lines);
    format = 'json';
    if (!read.root && read.problems[0]?.code !== 'too-deep') {
      const asYaml = readYaml(text, lines);
      if (asYaml.root && asYaml.problems.length === 0) {
        read = asYaml;
        format = 'yaml';
      }
    }
  } else {
    read = readYaml(text, lines);
  }
  for (const p of read.problems) problems.push(p); // not push(...): a spread of a million overflows the stack

  let template: Template | undefined;
  if (read.root) {
    if (read.root.kind !== 'map' || read.root.tag) {
      problems.push({ code: 'not-a-mapping', message: 'a template must be a mapping at the top level', range: read.root.range });
    } else {
      template = topLevel(read.root) as unknown as Template;
    }
  }
  problems.sort((a, b) => a.range.start.offset - b.range.start.offset);
  const root = read.root;
  return {
    format,
    root,
    template,
    problems,
    ...(read.omitted && Object.keys(read.omitted).length > 0 ? { omitted: read.omitted } : {}),
    lines,
    text,
    locate: (path) => (root ? find(root, path)?.node.range : undefined),
    locateKey: (path) => (root ? find(root, path)?.keyRange : undefined),
  };
}

/** Short-form tag → long-form function name. */
function fnName(tag: string): string {
  return tag === 'Ref' || tag === 'Condition' ? tag : `Fn::${tag}`;
}

/**
 * The source node at a model path, found by walking the tree (only findings need positions, so no
 * index is built up front). A tagged node stands for itself and for its `Fn::X` argument path.
 */
function find(root: SourceNode, path: TemplatePath): { node: SourceNode; keyRange?: Range } | undefined {
  let node = root;
  let keyRange: Range | undefined;
  let tagUsed = false;
  for (const seg of path) {
    if (node.tag && !tagUsed && seg === fnName(node.tag)) {
      tagUsed = true;
      continue;
    }
    tagUsed = false;
    if (node.kind === 'map') {
      const hit = entryOf(node, seg);
      if (!hit) return undefined;
      node = hit.value;
      keyRange = hit.keyRange;
    } else if (node.kind === 'seq' && typeof seg === 'number' && seg < node.items.length) {
      node = node.items[seg];
      keyRange = undefined;
    } else {
      return undefined;
    }
  }
  return { node, keyRange };
}

/** Maps with more entries than this get a key index on their first lookup. */
const INDEX_FROM = 16;
const keyIndexes = new WeakMap<SourceNode, Map<string, SourceEntry>>();

/**
 * The entry of `key` in a mapping node (the last of duplicate keys, the one kept). Large mappings are
 * indexed once, so a finding on each of 100,000 resources does not scan Resources 100,000 times.
 */
function entryOf(node: Extract<SourceNode, { kind: 'map' }>, key: string | number): SourceEntry | undefined {
  if (node.entries.length <= INDEX_FROM) {
    let hit: SourceEntry | undefined;
    for (const e of node.entries) if (e.key === key) hit = e;
    return hit;
  }
  let index = keyIndexes.get(node);
  if (!index) {
    index = new Map();
    for (const e of node.entries) index.set(e.key, e);
    keyIndexes.set(node, index);
  }
  return typeof key === 'string' ? index.get(key) : undefined;
}

function failed(format: 'yaml' | 'json', text: string, lines: LineIndex, problems: ParseProblem[]): ParsedTemplate {
  return { format, root: undefined, template: undefined, problems, lines, text, locate: () => undefined, locateKey: () => undefined };
}

/**
 * Intrinsics outside the modelled family — the AWS::LanguageExtensions functions and the Rules-section
 * functions — kept as plain `Fn::X` maps.
 */
const EXTENSION_TAGS: ReadonlySet<string> = new Set(['ToJsonString', 'Length', 'ForEach', 'ValueOf', 'ValueOfAll', 'RefAll', 'EachMemberEquals', 'EachMemberIn', 'Contains']);

/** Source node → model value. `section` and `depth` place it (for the Condition attribute vs function). */
function toModel(node: SourceNode, section: string | undefined, depth: number): TemplateValue {
  if (node.tag) {
    const fn = fnName(node.tag);
    const args = toModel({ ...node, tag: undefined } as SourceNode, section, depth + 1);
    if (EXTENSION_TAGS.has(node.tag) || !isIntrinsicName(fn)) return { [fn]: args };
    return intrinsic(fn, args);
  }
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq': {
      const out: TemplateValue[] = new Array(node.items.length);
      for (let i = 0; i < node.items.length; i++) out[i] = toModel(node.items[i], section, depth + 1);
      return out;
    }
    case 'map': {
      if (node.entries.length === 1) {
        const [{ key, value }] = node.entries;
        if (isIntrinsicName(key) && (key !== 'Condition' || isConditionFunction(value, section, depth))) {
          return intrinsic(key, toModel(value, section, depth + 1));
        }
      }
      const out: { [key: string]: TemplateValue } = {};
      for (const e of node.entries) setOwn(out, e.key, toModel(e.value, section, depth + 1));
      return out;
    }
  }
}

/**
 * `{Condition: name}` is the Condition function everywhere except as the whole body of a resource,
 * output or parameter, where `Condition` is the entry's attribute.
 */
function isConditionFunction(value: SourceNode, section: string | undefined, depth: number): boolean {
  if (value.kind !== 'scalar' || typeof value.value !== 'string' || value.tag) return false;
  return !(depth === 2 && (section === 'Resources' || section === 'Outputs' || section === 'Parameters'));
}

function topLevel(node: Extract<SourceNode, { kind: 'map' }>): TemplateValue {
  const out: { [key: string]: unknown } = {};
  for (const e of node.entries) {
    setOwn(out, e.key, e.key === 'Mappings' && isMappingsShape(e.value) ? mappings(e.value) : toModel(e.value, e.key, 1));
  }
  return out as TemplateValue;
}

type MapNode = Extract<SourceNode, { kind: 'map' }>;
const isPlainMap = (n: SourceNode): n is MapNode => n.kind === 'map' && !n.tag;

function isMappingsShape(node: SourceNode): node is MapNode {
  return isPlainMap(node) && node.entries.every((m) => isPlainMap(m.value) && m.value.entries.every((t) => isPlainMap(t.value)));
}

/** Mappings become nested Maps built from the source entries, so integer-like keys keep their order. */
function mappings(node: MapNode): TemplateValue {
  const level = (n: MapNode, depth: number): Map<string, unknown> =>
    new Map(n.entries.map((e) => [e.key, depth < 3 ? level(e.value as MapNode, depth + 1) : toModel(e.value, 'Mappings', depth + 1)]));
  return level(node, 1) as unknown as TemplateValue;
}

function intrinsic(fn: Parameters<typeof isIntrinsicName>[0] & string, args: TemplateValue): Intrinsic {
  const name = fn as Intrinsic['fn'];
  if (name === 'Fn::GetAtt' && typeof args === 'string') {
    const dot = args.indexOf('.');
    if (dot > 0) return new Intrinsic('Fn::GetAtt', [args.slice(0, dot), args.slice(dot + 1)]);
  }
  return new Intrinsic(name, args as never);
}

/** Sets an own enumerable property, also for the key `__proto__` (which plain assignment would not). */
function setOwn(obj: { [key: string]: unknown }, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}
