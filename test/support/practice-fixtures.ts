/**
 * Tests over templates written as a new user would (test/fixtures/practices/<rule>/): every `bad-*`
 * template draws exactly the expected findings of the rules of its area, on the offending resource and
 * line; every `good-*` template draws no warning or error from any rule.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from '../../src/lint/engine';

/** Expected findings per bad template. */
export type BadExpectations = { [file: string]: Array<{ ruleId: string; messageId: string; line: number; resource: string }> };

/** Registers the three tests for the fixtures in `dir`, judging bad ones by the rules in `area`. */
export function practiceFixtureTests(dir: string, area: readonly string[], bad: BadExpectations): void {
  const lint = (file: string) => lintText(readFileSync(join(dir, file)), file);
  it('has an expectation for every bad template', () => {
    expect(readdirSync(dir).filter((f) => f.startsWith('bad-')).sort()).toEqual(Object.keys(bad).sort());
  });
  it.each(Object.entries(bad))('%s is flagged on the offending resources', (file, expected) => {
    const found = lint(file).filter((f) => area.includes(f.ruleId));
    expect(found.map(({ ruleId, messageId, line, resource }) => ({ ruleId, messageId, line, resource }))).toEqual(expected);
  });
  it.each(readdirSync(dir).filter((f) => f.startsWith('good-')))('%s draws no warning or error from any rule', (file) => {
    expect(lint(file).filter((f) => f.severity !== 'info').map((f) => `${f.line} ${f.ruleId}: ${f.message}`)).toEqual([]);
  });
}
