/**
 * YAML reader: the `yaml` package's document model walked into a {@link SourceNode} tree.
 *
 * YAML 1.1 rules, as CloudFormation reads YAML (yes/no booleans, octal with a leading zero), except
 * that dates stay strings: `AWSTemplateFormatVersion: 2010-09-09` is a string to CloudFormation.
 * Anchors, aliases and duplicate keys are reported, not resolved.
 */
import { Composer, Lexer, Parser, YAMLMap, YAMLSeq, isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { CST, CollectionTag, Document, DocumentOptions, Node, ParseOptions, ParsedNode, ScalarTag, SchemaOptions, Tags } from 'yaml';
import { MAX_NESTING, nonPrintableAt } from './limits';
import type { ParseProblem, SourceEntry, SourceNode } from './node';
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

/** Reads YAML text into a source tree plus the problems found on the way. */
export function readYaml(text: string, lines: LineIndex): { root: SourceNode | undefined; problems: ParseProblem[] } {
  const problems: ParseProblem[] = [];
  const bad = nonPrintableAt(text);
  if (bad >= 0) {
    const hex = text.charCodeAt(bad).toString(16).toUpperCase().padStart(4, '0');
    problems.push({ code: 'syntax', message: `special character U+${hex} is not allowed in YAML`, range: lines.range(bad, bad + 1) });
    return { root: undefined, problems };
  }
  const composed = compose(text);
  if ('deepAt' in composed) {
    problems.push({ code: 'too-deep', message: `nesting deeper than ${MAX_NESTING} levels`, range: lines.range(composed.deepAt, composed.deepAt + 1) });
    return { root: undefined, problems };
  }
  const { doc, secondAt } = composed;
  // Only the first error: the parser's later ones are mostly the cascade of the first.
  for (const e of doc.errors.slice(0, 1)) {
    const code = e.code === 'TAB_AS_INDENT' ? 'tab-indent' : e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'syntax';
    problems.push({ code, message: firstLine(e.message), range: lines.range(e.pos[0], e.pos[1]) });
  }
  if (doc.errors.length > 0) return { root: undefined, problems };
  if (secondAt !== undefined) {
    problems.push({ code: 'multiple-documents', message: 'a template must be a single YAML document', range: lines.range(secondAt, secondAt) });
    return { root: undefined, problems };
  }

  const walk = (node: Node | null | undefined, fallback: number): SourceNode => {
    if (!node) {
      return { kind: 'scalar', value: null, range: lines.span(fallback, fallback) };
    }
    const r = (node as ParsedNode).range ?? [fallback, fallback, fallback];
    const range = lines.span(node.tag || node.anchor ? propsStart(text, r[0]) : r[0], r[1]);
    if (node.anchor) problems.push({ code: 'anchor', message: `YAML anchor &${node.anchor} is not supported by CloudFormation`, range });
    if (isAlias(node)) {
      problems.push({ code: 'alias', message: `YAML alias *${node.source} is not supported by CloudFormation`, range });
      return { kind: 'scalar', value: null, range };
    }
    const tag = shortTag(node.tag, range, problems);
    if (isMap(node)) {
      const entries: SourceEntry[] = [];
      const seen = new Map<string, Range>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as Node | null;
        const kr = (keyNode as ParsedNode | null)?.range ?? [r[0], r[0], r[0]];
        const keyRange = lines.span(kr[0], kr[1]);
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
      return { kind: 'seq', items: node.items.map((i) => walk(i as Node, r[1])), range, ...(tag ? { tag } : {}) };
    }
    const scalar = node as { value: unknown; source?: string };
    let value = scalar.value;
    if (tag) value = scalar.source ?? (value === null ? '' : String(value)); // a tagged scalar is its source text
    else if (value instanceof Date) value = scalar.source ?? value.toISOString();
    else if (typeof value === 'bigint') value = Number(value);
    else if (value !== null && typeof value === 'object') value = String(value);
    return { kind: 'scalar', value: value as string | number | boolean | null, range, ...(tag ? { tag } : {}) };
  };

  const root = walk(doc.contents as Node | null, 0);
  return { root, problems };
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
 * The first document of `text`, as `parseDocument` composes it, and where a second one starts. The
 * composer recurses once per level of nesting, so 10,000 levels would overflow its stack (issue 6):
 * the text is lexed and parsed first (both iterative; the parser's stack holds one token per open
 * mapping or list) and nesting past {@link MAX_NESTING} stops there, at the token that opens it.
 */
function compose(text: string): { doc: Document.Parsed; secondAt?: number } | { deepAt: number } {
  const parser = new Parser();
  const tokens: CST.Token[] = [];
  for (const lexeme of new Lexer().lex(text)) {
    for (const token of parser.next(lexeme)) tokens.push(token);
    // besides one token per open collection: the document and, for a moment, a scalar
    if (parser.stack.length > MAX_NESTING + 2) return { deepAt: Math.max(0, parser.offset - lexeme.length) };
  }
  for (const token of parser.end()) tokens.push(token);
  let doc: Document.Parsed | undefined;
  let secondAt: number | undefined;
  for (const d of new Composer(OPTIONS).compose(tokens, true, text.length)) {
    if (doc) {
      secondAt = d.range[0];
      break;
    }
    doc = d;
  }
  return { doc: doc!, secondAt };
}

/** A node's range starts after its properties (`!Tag`, `&anchor`); findings point at the first of them. */
function propsStart(text: string, start: number): number {
  const before = text.slice(Math.max(0, start - 512), start);
  const m = /(?:[!&][^\s,[\]{}]*[ \t]*(?:\r?\n[ \t]*)?)+$/.exec(before);
  return m ? start - m[0].length : start;
}

function shortTag(tag: string | undefined, range: Range, problems: ParseProblem[]): string | undefined {
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
