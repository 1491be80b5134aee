/**
 * Limits on what the readers take in, so that hostile text becomes a parse problem instead of a stack
 * overflow or an out-of-memory crash (issue 6). Both sit far above anything CloudFormation accepts.
 */

import type { ParseProblem, ParseProblemCode } from './node';

/**
 * Deepest nesting of mappings and lists read (the top-level mapping is level 1). The real-world
 * corpus peaks at 18; every walk over a template (the YAML composer, the source tree, the model,
 * lint rules) recurses once per level, and 128 levels leave them a wide margin on a 1 MB stack.
 */
export const MAX_NESTING = 128;

/**
 * Most values (mappings, lists and scalars) read from one template. 1 MB of CloudFormation template
 * holds about half a million at most; each costs some 150 bytes of memory once read, so this bounds
 * memory where bytes alone do not (8 MB of `[1,1,1,…]` is four million values).
 */
export const MAX_VALUES = 1_000_000;

/**
 * Most YAML tokens composed at once (in one piece: the whole text, or one top-level entry or resource
 * of a text over 1 MiB). The `yaml` package's token tree and document cost 100 to 150 bytes per token
 * and its composer needs all of them at the same time; 1 MB of YAML has at most about a million.
 */
export const MAX_YAML_TOKENS = 1_500_000;

/**
 * Largest template read, in bytes: 8 MiB, eight times the 1 MB CloudFormation accepts even from S3.
 * Reading costs about 60 bytes of memory per byte of YAML, so this also bounds memory.
 */
export const MAX_TEMPLATE_BYTES = 8 * 1024 * 1024;

/**
 * Offset of the first `{` or `[` that opens level `MAX_NESTING + 1` in JSON text, or -1. Linear and
 * iterative, so it runs before jsonc-parser (which recurses once per level).
 */
export function jsonTooDeepAt(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_NESTING) return i;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return -1;
}

/**
 * Characters YAML does not allow anywhere in a stream: C0 controls other than tab, LF and CR, DEL,
 * C1 controls other than NEL, and U+FFFE/U+FFFF (YAML 1.2 §5.1, `c-printable`). PyYAML and SnakeYAML
 * reject them ("special characters are not allowed"); the `yaml` package would read them into values.
 */
const NON_PRINTABLE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]/;

/** Offset of the first character YAML does not allow, or -1. */
export function nonPrintableAt(text: string): number {
  const m = NON_PRINTABLE.exec(text);
  return m ? m.index : -1;
}

/**
 * Byte offset of the first malformed UTF-8 sequence, by the WHATWG decoder's rules (no overlong forms,
 * no surrogates, nothing above U+10FFFF), or -1. A sequence cut off by the end of the input is malformed.
 */
export function invalidUtf8At(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const c = bytes[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const b = bytes[i + k];
      if (b === undefined || b < lo || b > hi) return i;
      lo = 0x80;
      hi = 0xbf;
    }
    i += need + 1;
  }
  return -1;
}

/** Problems of one code a reader keeps; more are only counted (a million aliases in 8 MB). */
export const MAX_PROBLEMS_PER_CODE = 1000;

/** Collects a reader's problems, keeping {@link MAX_PROBLEMS_PER_CODE} of each code and counting the rest. */
export class ProblemCollector {
  readonly kept: ParseProblem[] = [];
  readonly omitted: { [code in ParseProblemCode]?: number } = {};
  private readonly counts = new Map<ParseProblemCode, number>();

  push(problem: ParseProblem): void {
    const n = (this.counts.get(problem.code) ?? 0) + 1;
    this.counts.set(problem.code, n);
    if (n <= MAX_PROBLEMS_PER_CODE) this.kept.push(problem);
    else this.omitted[problem.code] = n - MAX_PROBLEMS_PER_CODE;
  }
}
