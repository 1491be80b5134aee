import { branches, expressionKey, literalNumber, presence, renderExpression } from '../src/lint/if-branches';
import { mayCoexist, recordEntries, RecordEntry, recordGroups, recordLabel, routing } from '../src/lint/route53';
import type { Rule } from '../src/lint/types';

/**
 * Reports weighted Route 53 records that Route 53 rejects, so the stack fails at deploy time (often
 * halfway through a cutover): a Weight without a SetIdentifier, two records of one name and type with the
 * same SetIdentifier, a Weight outside 0–255, and a simple record beside weighted ones of its name and type.
 * See https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resource-record-sets-values-weighted.html
 */
export const rule: Rule = {
  meta: {
    id: 'route53-weighted-records',
    severity: 'error',
    category: 'practice',
    description: 'Require weighted Route 53 records to have a unique SetIdentifier, a Weight from 0 to 255 and no simple record beside them',
    cfnLint: [],
    options: {},
    messages: {
      noSetIdentifier: 'Route 53 rejects a Weight without a SetIdentifier: add a SetIdentifier unique among the records of this name and type',
      duplicate: 'SetIdentifier {{id}} is also used by {{other}} for the same name and type, which Route 53 rejects: give each weighted record its own SetIdentifier',
      range: 'Weight {{weight}} is not an integer from 0 to 255, which Route 53 rejects: use a weight from 0 to 255',
      mixed: 'This simple record has the name and type of weighted record {{other}}, which Route 53 rejects: give it a SetIdentifier and Weight, or remove it',
    },
  },
  create(context) {
    return {
      template(template) {
        for (const r of recordEntries(template)) {
          const weight = presence(r.record, 'Weight');
          if (weight === 'no') continue;
          if (presence(r.record, 'SetIdentifier') === 'no') context.report({ path: [...r.path, 'Weight'], key: true, messageId: 'noSetIdentifier' });
          for (const b of branches(r.record.Weight, [...r.path, 'Weight'])) {
            const n = literalNumber(b.value);
            if (n !== undefined && (!Number.isInteger(n) || n < 0 || n > 255)) context.report({ path: b.path, messageId: 'range', data: { weight: n } });
          }
        }
        for (const group of recordGroups(template).values()) checkGroup(group, (path, messageId, data) => context.report({ path, messageId, data }));
      },
    };
  },
};

type Report = (path: ReadonlyArray<string | number>, messageId: string, data: { [name: string]: string }) => void;

function checkGroup(group: readonly RecordEntry[], report: Report): void {
  const seen: RecordEntry[] = [];
  for (const r of group) {
    if (presence(r.record, 'SetIdentifier') !== 'yes') continue;
    const id = expressionKey(r.record.SetIdentifier);
    const first = seen.find((s) => expressionKey(s.record.SetIdentifier) === id && mayCoexist(s, r));
    if (first) report([...r.path, 'SetIdentifier'], 'duplicate', { id: renderExpression(r.record.SetIdentifier), other: recordLabel(first) });
    else seen.push(r);
  }
  const weighted = group.filter((r) => presence(r.record, 'Weight') === 'yes');
  for (const r of group) {
    if (routing(r) !== 'no') continue;
    const other = weighted.find((w) => mayCoexist(w, r));
    if (other) report([...r.path, 'Name'], 'mixed', { other: recordLabel(other) });
  }
}
