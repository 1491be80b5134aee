/** JSON reader: jsonc-parser's tree (strict JSON: no comments, no trailing commas) into a source tree. */
import { parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node as JsonNode, ParseError } from 'jsonc-parser';
import type { ParseProblem, SourceEntry, SourceNode } from './node';
import { LineIndex, Range } from './source';

/** Reads JSON text into a source tree plus the problems found on the way. */
export function readJson(text: string, lines: LineIndex): { root: SourceNode | undefined; problems: ParseProblem[] } {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  // Only the first error: the parser's later ones are mostly the cascade of the first.
  const problems: ParseProblem[] = errors.slice(0, 1).map((e) => ({
    code: 'syntax' as const,
    message: `invalid JSON: ${describe(printParseErrorCode(e.error))}`,
    range: lines.range(e.offset, e.offset + e.length),
  }));
  if (!tree || errors.length > 0) return { root: undefined, problems };

  const walk = (node: JsonNode): SourceNode => {
    const range = lines.range(node.offset, node.offset + node.length);
    switch (node.type) {
      case 'object': {
        const entries: SourceEntry[] = [];
        const seen = new Map<string, Range>();
        for (const prop of node.children ?? []) {
          const [k, v] = prop.children ?? [];
          if (!k || !v) continue;
          const key = String(k.value);
          const keyRange = lines.range(k.offset, k.offset + k.length);
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
          entries.push({ key, keyRange, value: walk(v) });
        }
        return { kind: 'map', entries, range };
      }
      case 'array':
        return { kind: 'seq', items: (node.children ?? []).map(walk), range };
      default:
        return { kind: 'scalar', value: node.value as string | number | boolean | null, range };
    }
  };
  return { root: walk(tree), problems };
}

function describe(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
