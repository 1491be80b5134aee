/**
 * `parseTemplate`: template text (YAML or JSON) → source tree with ranges, the template model and
 * the problems found. Never throws on bad input; a template that cannot be read has `template`
 * undefined and at least one problem.
 */
import { Intrinsic, TemplateValue, isIntrinsicName } from '../model/intrinsics';
import type { Template } from '../model/template';
import { readJson } from './json';
import type { ParseProblem, SourceNode } from './node';
import { LineIndex, Range } from './source';
import { readYaml } from './yaml';

export type { ParseProblem, ParseProblemCode, SourceEntry, SourceNode } from './node';
export { LineIndex } from './source';
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
  /** Problems found while reading, in text order. */
  readonly problems: readonly ParseProblem[];
  /** Offset → line:column for this text. */
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
  if (typeof input === 'string') {
    text = input;
  } else {
    try {
      text = decoder.decode(input);
    } catch {
      const lines = new LineIndex('');
      const at = firstInvalidUtf8(input);
      return failed('yaml', '', lines, [{ code: 'invalid-utf8', message: `invalid UTF-8 at byte ${at}`, range: lines.range(0, 0) }]);
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = ' ' + text.slice(1); // keep offsets; a BOM is allowed
  const lines = new LineIndex(text);
  if (text.trim() === '') {
    return failed('yaml', text, lines, [{ code: 'empty', message: 'template is empty', range: lines.range(0, 0) }]);
  }

  let format: 'yaml' | 'json' = 'yaml';
  let read = { root: undefined as SourceNode | undefined, problems: [] as ParseProblem[] };
  if (/^\s*[{[]/.test(text)) {
    read = readJson(text, lines);
    format = 'json';
    if (!read.root) {
      const asYaml = readYaml(text, lines);
      if (asYaml.root && asYaml.problems.length === 0) {
        read = asYaml;
        format = 'yaml';
      }
    }
  } else {
    read = readYaml(text, lines);
  }
  problems.push(...read.problems);

  const valueRanges = new Map<string, Range>();
  const keyRanges = new Map<string, Range>();
  let template: Template | undefined;
  if (read.root) {
    if (read.root.kind !== 'map' || read.root.tag) {
      problems.push({ code: 'not-a-mapping', message: 'a template must be a mapping at the top level', range: read.root.range });
    } else {
      template = toModel(read.root, [], valueRanges, keyRanges) as unknown as Template;
    }
  }
  problems.sort((a, b) => a.range.start.offset - b.range.start.offset);
  return {
    format,
    root: read.root,
    template,
    problems,
    lines,
    text,
    locate: (path) => valueRanges.get(pathKey(path)),
    locateKey: (path) => keyRanges.get(pathKey(path)),
  };
}

function failed(format: 'yaml' | 'json', text: string, lines: LineIndex, problems: ParseProblem[]): ParsedTemplate {
  return { format, root: undefined, template: undefined, problems, lines, text, locate: () => undefined, locateKey: () => undefined };
}

function pathKey(path: TemplatePath): string {
  return path.join('\u0000');
}

/** Intrinsics that only exist with the AWS::LanguageExtensions transform; kept as plain `Fn::X` maps. */
const EXTENSION_TAGS: ReadonlySet<string> = new Set(['ToJsonString', 'Length', 'ForEach']);

function toModel(node: SourceNode, path: Array<string | number>, values: Map<string, Range>, keys: Map<string, Range>): TemplateValue {
  values.set(pathKey(path), node.range);
  if (node.tag) {
    const fn = node.tag === 'Ref' || node.tag === 'Condition' ? node.tag : `Fn::${node.tag}`;
    const untagged = { ...node, tag: undefined } as SourceNode;
    const argsPath = [...path, fn];
    const args = toModel(untagged, argsPath, values, keys);
    if (EXTENSION_TAGS.has(node.tag) || !isIntrinsicName(fn)) return { [fn]: args };
    return intrinsic(fn, args);
  }
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map((item, i) => toModel(item, [...path, i], values, keys));
    case 'map': {
      if (node.entries.length === 1) {
        const [{ key, value, keyRange }] = node.entries;
        if (isIntrinsicName(key) && (key !== 'Condition' || isConditionFunction(value, path))) {
          keys.set(pathKey([...path, key]), keyRange);
          return intrinsic(key, toModel(value, [...path, key], values, keys));
        }
      }
      if (path.length === 0) return topLevel(node, values, keys);
      const out: { [key: string]: TemplateValue } = {};
      for (const e of node.entries) {
        keys.set(pathKey([...path, e.key]), e.keyRange);
        setOwn(out, e.key, toModel(e.value, [...path, e.key], values, keys));
      }
      return out;
    }
  }
}

/**
 * `{Condition: name}` is the Condition function everywhere except as the whole body of a resource,
 * output or parameter, where `Condition` is the entry's attribute.
 */
function isConditionFunction(value: SourceNode, path: ReadonlyArray<string | number>): boolean {
  if (value.kind !== 'scalar' || typeof value.value !== 'string' || value.tag) return false;
  return !(path.length === 2 && (path[0] === 'Resources' || path[0] === 'Outputs' || path[0] === 'Parameters'));
}

function topLevel(node: Extract<SourceNode, { kind: 'map' }>, values: Map<string, Range>, keys: Map<string, Range>): TemplateValue {
  const out: { [key: string]: unknown } = {};
  for (const e of node.entries) {
    keys.set(pathKey([e.key]), e.keyRange);
    const value = e.key === 'Mappings' && isMappingsShape(e.value) ? mappings(e.value, values, keys) : toModel(e.value, [e.key], values, keys);
    setOwn(out, e.key, value);
  }
  return out as TemplateValue;
}

type MapNode = Extract<SourceNode, { kind: 'map' }>;
const isPlainMap = (n: SourceNode): n is MapNode => n.kind === 'map' && !n.tag;

function isMappingsShape(node: SourceNode): node is MapNode {
  return isPlainMap(node) && node.entries.every((m) => isPlainMap(m.value) && m.value.entries.every((t) => isPlainMap(t.value)));
}

/** Mappings become nested Maps built from the source entries, so integer-like keys keep their order. */
function mappings(node: MapNode, values: Map<string, Range>, keys: Map<string, Range>): TemplateValue {
  values.set(pathKey(['Mappings']), node.range);
  const level = (n: MapNode, path: string[], depth: number): Map<string, unknown> => {
    values.set(pathKey(path), n.range);
    return new Map(
      n.entries.map((e) => {
        const p = [...path, e.key];
        keys.set(pathKey(p), e.keyRange);
        return [e.key, depth < 2 ? level(e.value as MapNode, p, depth + 1) : toModel(e.value, p, values, keys)];
      }),
    );
  };
  return level(node, ['Mappings'], 0) as unknown as TemplateValue;
}

function intrinsic(fn: Parameters<typeof isIntrinsicName>[0] & string, args: TemplateValue): Intrinsic {
  const name = fn as Intrinsic['fn'];
  if (name === 'Fn::GetAtt' && typeof args === 'string') {
    const dot = args.indexOf('.');
    if (dot > 0) return new Intrinsic('Fn::GetAtt', [args.slice(0, dot), args.slice(dot + 1)]);
  }
  return new Intrinsic(name, args as never);
}

/** Byte offset of the first malformed UTF-8 sequence (for the message; TextDecoder says only that one exists). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const c = bytes[i];
    const extra = c < 0x80 ? 0 : c >> 5 === 6 ? 1 : c >> 4 === 14 ? 2 : c >> 3 === 30 ? 3 : -1;
    if (extra < 0) return i;
    for (let k = 1; k <= extra; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += extra + 1;
  }
  return 0;
}

/** Sets an own enumerable property, also for the key `__proto__` (which plain assignment would not). */
function setOwn(obj: { [key: string]: unknown }, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}
