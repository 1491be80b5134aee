/** The fuzz properties over the shrunk failing cases kept in test/fixtures/regressions (see its README). */
import { diffTemplates } from '../../src/diff';
import { lintParsed } from '../../src/lint/engine';
import { parseTemplate } from '../../src/parse';
import { chunkedMatchesWhole, regressions } from './support';

const all = regressions();
const singles = all.filter((f) => !/\.(before|after)\.\w+$/.test(f.name));
const pairs = all.filter((f) => /\.before\.\w+$/.test(f.name)).map((b) => [b, all.find((a) => a.name === b.name.replace('.before.', '.after.'))!] as const);

describe('regression fixtures', () => {
  it('exist', () => {
    expect(all.length).toBeGreaterThan(0);
    for (const [, after] of pairs) expect(after).toBeDefined();
  });

  for (const f of singles) {
    it(`${f.name}: lint, diff against itself, YAML in pieces`, () => {
      const parsed = parseTemplate(f.bytes);
      expect(lintParsed(parsed, f.name).filter((x) => x.ruleId === 'internal-error')).toEqual([]);
      if (parsed.template) expect(diffTemplates(parsed.template, parsed.template).changes).toEqual([]);
      if (parsed.format === 'yaml' && parsed.text) chunkedMatchesWhole(parsed.text);
    });
  }

  it.each(pairs.map(([b, a]) => [b.name.replace('.before', ''), b, a] as const))('%s: diff both ways never throws', (_name, before, after) => {
    const b = parseTemplate(before.bytes).template!;
    const a = parseTemplate(after.bytes).template!;
    expect(() => diffTemplates(b, a)).not.toThrow();
    expect(() => diffTemplates(a, b)).not.toThrow();
    for (const f of [before, after]) expect(lintParsed(parseTemplate(f.bytes), f.name).filter((x) => x.ruleId === 'internal-error')).toEqual([]);
  });
});
