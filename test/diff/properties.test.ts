/**
 * Properties over arbitrary templates: diffing a template against itself, or against its own emitted
 * and re-parsed YAML or JSON, is empty; diffing any two templates never throws and returns sorted,
 * consistent data.
 */
import fc from 'fast-check';
import { diffTemplates } from '../../src/diff/engine';
import { emit } from '../../src/emit';
import { parseTemplate } from '../../src/parse';
import { template } from '../support/arbitrary';

describe('diffTemplates properties', () => {
  test('a template against itself is empty', () => {
    fc.assert(
      fc.property(template, (t) => {
        expect(diffTemplates(t, t).changes).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  test('a template against its emitted and re-parsed form (yaml and json) is empty', () => {
    fc.assert(
      fc.property(template, fc.constantFrom('yaml' as const, 'json' as const), (t, format) => {
        const reparsed = parseTemplate(emit(t, format)).template!;
        expect(diffTemplates(t, reparsed).changes).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  test('malformed resource entries and sections never throw', () => {
    const odd = fc.oneof(fc.constant(null), fc.string(), fc.array(fc.integer(), { maxLength: 2 }), fc.record({ Type: fc.oneof(fc.integer(), fc.constant(null)) }), fc.record({ Type: fc.constant('AWS::SQS::Queue'), Properties: fc.oneof(fc.constant(null), fc.string()) }));
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('A', 'B', 'C'), odd), fc.dictionary(fc.constantFrom('A', 'B', 'C'), odd), (a, b) => {
        const t = (resources: unknown, extra: unknown) => ({ Resources: resources, Parameters: extra, Conditions: extra, Mappings: extra }) as never;
        expect(() => diffTemplates(t(a, null), t(b, 'x'))).not.toThrow();
        expect(() => diffTemplates(t(a, { M: { k: 1 } }), t(b, { M: 'x' }))).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });

  test('any two templates: never throws; changes sorted, summary consistent', () => {
    fc.assert(
      fc.property(template, template, (a, b) => {
        const { changes, summary } = diffTemplates(a, b);
        const ids = changes.map((c) => c.resource);
        expect(ids).toEqual([...ids].sort());
        expect(summary.changed).toBe(changes.length);
        expect(summary.add + summary.remove + summary.orphan + summary.update + summary.replace + summary.mayReplace).toBe(changes.length);
      }),
      { numRuns: 150 },
    );
  });
});
