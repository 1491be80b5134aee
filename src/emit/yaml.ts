/**
 * YAML writer with CloudFormation short-form tags, built on the `yaml` package's document model.
 *
 * CloudFormation-specific choices (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html):
 * - no anchors or aliases (CloudFormation rejects them): every node is created fresh;
 * - YAML 1.1 schema for quoting, so yes/no/on/off, leading zeros, sexagesimals and dates stay strings
 *   for every reader;
 * - no line folding; multi-line strings as literal blocks;
 * - a short tag never sits directly on another tagged node (`!Base64 !Sub …` is documented as invalid):
 *   the outer function is written in long form;
 * - `!GetAtt a.b` only when both parts are literals, `Fn::Transform` always in long form.
 */
import { Document, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Node } from 'yaml';
import type { OrderedNode } from './ordered';

const STRINGIFY_OPTIONS = {
  lineWidth: 0,
  minContentWidth: 0,
  blockQuote: 'literal' as const,
  flowCollectionPadding: false,
  indentSeq: true,
  aliasDuplicateObjects: false,
};

/** Renders an ordered tree as a YAML document. */
export function writeYaml(tree: OrderedNode): string {
  const doc = new Document(null, { version: '1.1' });
  doc.contents = toNode(tree) as never;
  return doc.toString(STRINGIFY_OPTIONS);
}

function toNode(node: OrderedNode): Node {
  switch (node.kind) {
    case 'scalar':
      return scalar(node.value);
    case 'seq': {
      const seq = new YAMLSeq();
      seq.items = node.items.map(toNode);
      return seq;
    }
    case 'map': {
      const map = new YAMLMap();
      map.items = node.entries.map(([k, v]) => new Pair(new Scalar(k), toNode(v)));
      return map;
    }
    case 'fn':
      return fnNode(node);
  }
}

function scalar(value: string | number | boolean | null): Scalar {
  const s = new Scalar(value);
  if (typeof value === 'string' && value.includes('\n')) s.type = Scalar.BLOCK_LITERAL;
  return s;
}

function fnNode(node: Extract<OrderedNode, { kind: 'fn' }>): Node {
  const { fn, args } = node;
  if (fn === 'Fn::Transform' || args.kind === 'fn') return longForm(node);
  const tag = fn === 'Ref' || fn === 'Condition' ? `!${fn}` : `!${fn.slice(4)}`;
  if (fn === 'Fn::GetAtt' && args.kind === 'seq' && args.items.length === 2) {
    const [id, attr] = args.items;
    if (id.kind === 'scalar' && attr.kind === 'scalar' && typeof id.value === 'string' && typeof attr.value === 'string') {
      const s = new Scalar(`${id.value}.${attr.value}`);
      s.tag = tag;
      return s;
    }
  }
  const n = toNode(args) as Scalar | YAMLSeq | YAMLMap;
  if (args.kind === 'map') return longForm(node); // no short form takes a mapping argument here
  if (n instanceof Scalar && typeof n.value === 'string' && n.type === undefined && needsQuotesUnderTag(n.value)) {
    n.type = Scalar.QUOTE_DOUBLE;
  }
  if (n instanceof YAMLSeq && isFlowable(args)) n.flow = true;
  n.tag = tag;
  return n;
}

function longForm(node: Extract<OrderedNode, { kind: 'fn' }>): YAMLMap {
  const map = new YAMLMap();
  map.items = [new Pair(new Scalar(node.fn), toNode(node.args))];
  return map;
}

/** A tagged plain scalar that is empty would read as null under some parsers; quote it. */
function needsQuotesUnderTag(value: string): boolean {
  return value === '';
}

/** Short sequences of plain values read best on one line: `!Select [0, !GetAZs ""]`. */
function isFlowable(node: OrderedNode): boolean {
  switch (node.kind) {
    case 'scalar':
      return typeof node.value !== 'string' || (!node.value.includes('\n') && node.value.length <= 80);
    case 'seq':
      return node.items.length <= 6 && node.items.every(isFlowable);
    case 'fn':
      return node.fn !== 'Fn::Transform' && node.args.kind !== 'map' && node.args.kind !== 'fn' && isFlowable(node.args);
    case 'map':
      return false;
  }
}
