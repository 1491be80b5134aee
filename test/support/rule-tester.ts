/**
 * Table-driven rule tests, in the style of eslint's RuleTester: `valid` templates draw no finding of
 * the rule; each `invalid` template draws exactly the listed findings (message id and line, column
 * when given), in order.
 */
import { lintText } from '../../src/lint/engine';
import type { Finding, Rule } from '../../src/lint/types';

/** An invalid case: template text and the findings it must draw. */
export interface InvalidCase {
  readonly name?: string;
  readonly code: string;
  readonly options?: { readonly [name: string]: unknown };
  readonly errors: ReadonlyArray<{ readonly messageId: string; readonly line: number; readonly column?: number; readonly resource?: string | null }>;
}

/** A valid case: template text (with options, when the rule takes some). */
export type ValidCase = string | { readonly name?: string; readonly code: string; readonly options?: { readonly [name: string]: unknown } };

/** Lints `code` with only `rule` enabled. */
export function runRule<O>(rule: Rule<O>, code: string, options?: { readonly [name: string]: unknown }): Finding[] {
  return lintText(code, 'test.yaml', { rules: [rule as unknown as Rule], settings: options ? { [rule.meta.id]: { enabled: true, options } } : {} });
}

/** Registers jest tests for `rule`'s valid and invalid cases. */
export function ruleTester<O>(rule: Rule<O>, cases: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    describe('valid', () => {
      it.each(cases.valid.map((c, i) => [typeof c === 'string' ? `#${i}` : (c.name ?? `#${i}`), c] as const))('%s', (_n, c) => {
        const { code, options } = typeof c === 'string' ? { code: c, options: undefined } : c;
        expect(runRule(rule, code, options).map(brief)).toEqual([]);
      });
    });
    describe('invalid', () => {
      it.each(cases.invalid.map((c, i) => [c.name ?? `#${i}`, c] as const))('%s', (_n, c) => {
        const findings = runRule(rule, c.code, c.options);
        expect(findings.map((f) => f.ruleId)).toEqual(c.errors.map(() => rule.meta.id));
        expect(
          findings.map((f, i) => ({
            messageId: f.messageId,
            line: f.line,
            ...(c.errors[i]?.column !== undefined ? { column: f.column } : {}),
            ...(c.errors[i]?.resource !== undefined ? { resource: f.resource } : {}),
          })),
        ).toEqual(c.errors.map((e) => ({ ...e })));
        for (const f of findings) expect(f.message).not.toMatch(/\{\{/);
      });
    });
  });
}

function brief(f: Finding): string {
  return `${f.line}:${f.column} ${f.ruleId}/${f.messageId} ${f.message}`;
}
