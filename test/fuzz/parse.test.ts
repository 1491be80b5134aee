/**
 * Fuzz (issue 6): YAML read entry by entry (as templates over 1 MiB are) gives exactly what the
 * one-piece read gives — nodes, ranges and problems — on mutated real templates.
 */
import fc from 'fast-check';
import { PARAMS, bases, chunkedMatchesWhole, mutants, regressions, textOf } from './support';

describe('YAML read entry by entry equals the one-piece read', () => {
  const yaml = bases().filter((b) => !b.bytes.toString('utf8', 0, 200).trimStart().startsWith('{'));
  it(`unchanged: out/ and the corpus sample (${yaml.length} YAML templates) and the regression fixtures`, () => {
    for (const b of [...yaml, ...regressions()]) chunkedMatchesWhole(textOf(b.bytes));
  });

  it('mutations', () => {
    fc.assert(
      fc.property(mutants(yaml), (m) => {
        chunkedMatchesWhole(textOf(m.bytes));
      }),
      PARAMS,
    );
  });
});
