/**
 * Fuzz (issue 6): diffing a template against itself is empty, and diffing never throws — for
 * arbitrary templates from the model and for what the parser makes of mutated real templates.
 */
import fc from 'fast-check';
import { diffTemplates } from '../../src/diff';
import { parseTemplate } from '../../src/parse';
import { template } from '../support/arbitrary';
import { PARAMS, bases, mutants } from './support';

const list = bases();

describe('diff of a template against itself is empty', () => {
  it('arbitrary templates from the model', () => {
    fc.assert(
      fc.property(template, (t) => {
        expect(diffTemplates(t, t).changes).toEqual([]);
      }),
      PARAMS,
    );
  });

  it('mutated templates, each parsed twice', () => {
    fc.assert(
      fc.property(mutants(list), (m) => {
        const a = parseTemplate(m.bytes).template;
        if (!a) return;
        expect(diffTemplates(a, a).changes).toEqual([]);
        expect(diffTemplates(a, parseTemplate(m.bytes).template!).changes).toEqual([]);
      }),
      PARAMS,
    );
  });
});

describe('diff never throws', () => {
  it('any two templates from the model', () => {
    fc.assert(
      fc.property(template, template, (a, b) => {
        expect(diffTemplates(a, b).changes.length).toBeGreaterThanOrEqual(0);
      }),
      PARAMS,
    );
  });

  it('a real template against a mutation of it, both ways', () => {
    const parsed = new Map(list.map((b) => [b.name, parseTemplate(b.bytes).template]));
    fc.assert(
      fc.property(mutants(list), (m) => {
        const before = parsed.get(m.base);
        const after = parseTemplate(m.bytes).template;
        if (!before || !after) return;
        expect(diffTemplates(before, after).changes.length).toBeGreaterThanOrEqual(0);
        expect(diffTemplates(after, before).changes.length).toBeGreaterThanOrEqual(0);
      }),
      PARAMS,
    );
  });
});
