/**
 * Inputs for the fuzz properties (issue 6): every template in out/, a fixed sample of the real-world
 * corpus (../shared/corpus/realworld, when present), byte-level mutations of them, and the run count
 * and seed: CI-sized and fixed by default, `npm run fuzz` for 10,000 runs with a fresh seed.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { ReadResult } from '../../src/parse/node';
import { LineIndex } from '../../src/parse/source';
import { readYaml } from '../../src/parse/yaml';

const ROOT = join(__dirname, '..', '..');

/** Runs per property: CFNKIT_FUZZ_RUNS, else 100 (a few seconds each in `npm test`). */
export const RUNS = Number(process.env.CFNKIT_FUZZ_RUNS ?? 100);

/** fast-check parameters: the fixed CI seed unless CFNKIT_FUZZ_SEED names another. */
export const PARAMS: fc.Parameters<unknown> = { numRuns: RUNS, seed: Number(process.env.CFNKIT_FUZZ_SEED ?? 20261129) };

/** A template to mutate: where it came from and its bytes. */
export interface Base {
  readonly name: string;
  readonly bytes: Buffer;
}

/** How many corpus templates the sample takes (evenly spread over MANIFEST.tsv). */
const CORPUS_SAMPLE = 40;

/** The templates in out/ and the corpus sample. */
export function bases(): Base[] {
  const out = join(ROOT, 'out');
  const list: Base[] = readdirSync(out)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => ({ name: `out/${f}`, bytes: readFileSync(join(out, f)) }));
  const corpus = join(ROOT, '..', 'shared', 'corpus', 'realworld');
  const manifest = join(corpus, 'MANIFEST.tsv');
  if (existsSync(manifest)) {
    const rows = readFileSync(manifest, 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
    const step = Math.max(1, Math.floor(rows.length / CORPUS_SAMPLE));
    for (let i = 0; i < rows.length && list.length < 12 + CORPUS_SAMPLE; i += step) {
      const [repo, , path] = rows[i];
      list.push({ name: `corpus/${repo}/${path}`, bytes: readFileSync(join(corpus, repo, path)) });
    }
  }
  return list;
}

/** Byte strings that mean something to YAML, JSON or CloudFormation, to splice in. */
const TOKENS = [
  ':', ': ', '- ', '-', '{', '}', '[', ']', ',', '"', "'", '#', '|', '>', '|-', '? ', '&a ', '*a', '!', '!Ref ', '!GetAtt ', '!Sub ', '!If [', '!Foo ',
  '\t', '\n', '\r\n', '\r', '  ', '---\n', '...\n', '%YAML 1.2\n', '\u0000', '\ufeff', '\u00a0', '\u2028', 'Fn::If', 'Ref', 'Fn::GetAtt', 'Condition', '${', '${AWS::Region}',
  'Resources', 'Properties', 'Type', 'DependsOn', 'AWS::NoValue', '<<: *a', 'null', '~', 'yes', '0x1F', '1e400', '-.inf', '"\\u', '\\',
].map((t) => Buffer.from(t));

/** One byte-level change; positions are taken modulo the length, so any natural number will do. */
export type Mutation =
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'flip'; readonly at: number; readonly bit: number }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'duplicate'; readonly from: number; readonly length: number; readonly to: number }
  | { readonly kind: 'splice'; readonly other: number; readonly from: number; readonly length: number; readonly to: number }
  | { readonly kind: 'insert'; readonly at: number; readonly bytes: Uint8Array }
  | { readonly kind: 'token'; readonly at: number; readonly token: number; readonly replace: boolean };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.nat(7) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat(64) }),
  fc.record({ kind: fc.constant('duplicate' as const), from: fc.nat(), length: fc.nat(400), to: fc.nat() }),
  fc.record({ kind: fc.constant('splice' as const), other: fc.nat(), from: fc.nat(), length: fc.nat(800), to: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('token' as const), at: fc.nat(), token: fc.nat(TOKENS.length - 1), replace: fc.boolean() }),
);

/** Applies `mutations` to `bytes`; `others` are the sources of splices. */
export function mutate(bytes: Buffer, mutations: readonly Mutation[], others: readonly Base[]): Buffer {
  let b = bytes;
  for (const m of mutations) {
    const n = b.length;
    const pos = (x: number) => (n === 0 ? 0 : x % (n + 1));
    switch (m.kind) {
      case 'truncate':
        b = b.subarray(0, pos(m.at));
        break;
      case 'flip': {
        if (n === 0) break;
        const c = Buffer.from(b);
        c[m.at % n] ^= 1 << m.bit;
        b = c;
        break;
      }
      case 'delete': {
        const at = pos(m.at);
        b = Buffer.concat([b.subarray(0, at), b.subarray(at + m.length)]);
        break;
      }
      case 'duplicate': {
        const from = pos(m.from);
        const to = pos(m.to);
        b = Buffer.concat([b.subarray(0, to), b.subarray(from, from + m.length), b.subarray(to)]);
        break;
      }
      case 'splice': {
        const src = others[m.other % others.length].bytes;
        const from = src.length === 0 ? 0 : m.from % src.length;
        const to = pos(m.to);
        b = Buffer.concat([b.subarray(0, to), src.subarray(from, from + m.length), b.subarray(to)]);
        break;
      }
      case 'insert': {
        const at = pos(m.at);
        b = Buffer.concat([b.subarray(0, at), m.bytes, b.subarray(at)]);
        break;
      }
      case 'token': {
        const at = pos(m.at);
        const t = TOKENS[m.token];
        b = Buffer.concat([b.subarray(0, at), t, b.subarray(m.replace ? at + t.length : at)]);
        break;
      }
    }
  }
  return b;
}

/** A mutated template: the base it came from, the mutations and the resulting bytes. */
export interface Mutant {
  readonly base: string;
  readonly mutations: readonly Mutation[];
  readonly bytes: Buffer;
}

/** Mutants of `list`: one to four mutations of one base. */
export function mutants(list: readonly Base[]): fc.Arbitrary<Mutant> {
  return fc.tuple(fc.nat(list.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([i, mutations]) => ({
    base: list[i].name,
    mutations,
    bytes: mutate(list[i].bytes, mutations, list),
  }));
}

/** The regression fixtures: shrunk failing cases found by fuzzing, as files. */
export function regressions(): Base[] {
  const dir = join(ROOT, 'test', 'fixtures', 'regressions');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => !f.endsWith('.md'))
    .sort()
    .map((f) => ({ name: f, bytes: readFileSync(join(dir, f)) }));
}

/** A read as comparable data: ranges as offsets. */
export function serialize(r: ReadResult): string {
  const problems = [...r.problems].sort((a, b) => a.range.start.offset - b.range.start.offset || (a.code < b.code ? -1 : 1));
  return JSON.stringify({ root: r.root, problems, omitted: r.omitted ?? {} }, (_k, v: unknown) => {
    if (v && typeof v === 'object' && 'start' in v && 'end' in v && !('kind' in v)) {
      const range = v as { start: { offset: number }; end: { offset: number } };
      return [range.start.offset, range.end.offset];
    }
    return v;
  });
}

/** The text as the parser sees it (a BOM becomes a space). */
export const textOf = (bytes: Buffer) => new TextDecoder().decode(bytes).replace(/^\ufeff/, ' ');

export function chunkedMatchesWhole(text: string): void {
  const lines = new LineIndex(text);
  expect(serialize(readYaml(text, lines, { chunkFrom: 0 }))).toBe(serialize(readYaml(text, lines, { chunkFrom: Infinity })));
}
