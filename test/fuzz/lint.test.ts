/**
 * Fuzz (issue 6): linting never throws and always returns findings — a parse-syntax finding when the
 * text cannot be read — and no rule fails (no internal-error finding), for arbitrary templates built
 * from the model and for byte-level mutations of out/ and the real-world corpus sample.
 */
import fc from 'fast-check';
import { emit } from '../../src/emit';
import { lintParsed } from '../../src/lint/engine';
import type { Finding } from '../../src/lint/types';
import { parseTemplate } from '../../src/parse';
import { template } from '../support/arbitrary';
import { PARAMS, bases, mutants } from './support';

/** What every lint result must satisfy, whatever the input. */
function lintHolds(input: string | Uint8Array): Finding[] {
  const parsed = parseTemplate(input);
  const findings = lintParsed(parsed, 'fuzz.yaml');
  expect(Array.isArray(findings)).toBe(true);
  expect(findings.filter((f) => f.ruleId === 'internal-error')).toEqual([]);
  if (!parsed.template) expect(findings.some((f) => f.ruleId === 'parse-syntax')).toBe(true);
  for (const f of findings) {
    expect(f.line).toBeGreaterThanOrEqual(1);
    expect(f.column).toBeGreaterThanOrEqual(1);
  }
  return findings;
}

describe('lint never throws; it returns findings or a parse error', () => {
  it('arbitrary templates from the model, as YAML and JSON', () => {
    fc.assert(
      fc.property(template, fc.constantFrom('yaml' as const, 'json' as const), (t, format) => {
        lintHolds(emit(t, format));
      }),
      PARAMS,
    );
  });

  const list = bases();
  it(`byte-level mutations of out/ and the corpus sample (${list.length} templates)`, () => {
    fc.assert(
      fc.property(mutants(list), (m) => {
        lintHolds(m.bytes);
      }),
      PARAMS,
    );
  });

  it('arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        lintHolds(bytes);
      }),
      PARAMS,
    );
  });
});
