import fc from 'fast-check';
import { emit } from '../../src/emit';
import { parseTemplate } from '../../src/parse';
import { template } from '../support/arbitrary';

const runs = Number(process.env.CFNKIT_FUZZ_RUNS ?? 300);

describe.each(['yaml', 'json'] as const)('emit → parse round trip (%s)', (format) => {
  it('reads back every model exactly and emits byte-identical text twice', () => {
    fc.assert(
      fc.property(template, (t) => {
        const text = emit(t, format);
        expect(emit(t, format)).toBe(text);
        const parsed = parseTemplate(text);
        expect(parsed.problems).toEqual([]);
        expect(parsed.template).toStrictEqual(t);
        // Map order (integer-like Mappings keys) is part of the contract; toStrictEqual ignores it.
        expect(emit(parsed.template!, format)).toBe(text);
      }),
      { numRuns: runs, seed: 20261129 },
    );
  });
});
