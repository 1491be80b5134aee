/**
 * JSON writer: two-space indentation, intrinsics in long form, key order from the ordered tree.
 * Written by hand rather than with JSON.stringify because plain objects reorder integer-like keys and
 * Mappings must keep theirs.
 */
import type { OrderedNode } from './ordered';

/** Renders an ordered tree as JSON text ending in a newline. */
export function writeJson(tree: OrderedNode): string {
  return write(tree, '') + '\n';
}

function write(node: OrderedNode, indent: string): string {
  const inner = indent + '  ';
  switch (node.kind) {
    case 'scalar':
      return JSON.stringify(node.value);
    case 'fn':
      return write({ kind: 'map', entries: [[node.fn, node.args]] }, indent);
    case 'seq':
      if (node.items.length === 0) return '[]';
      return '[\n' + node.items.map((i) => inner + write(i, inner)).join(',\n') + '\n' + indent + ']';
    case 'map':
      if (node.entries.length === 0) return '{}';
      return '{\n' + node.entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${write(v, inner)}`).join(',\n') + '\n' + indent + '}';
  }
}
