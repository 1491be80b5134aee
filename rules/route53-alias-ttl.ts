import { presence } from '../src/lint/if-branches';
import { recordEntries } from '../src/lint/route53';
import type { Rule } from '../src/lint/types';

/**
 * Reports an alias record that also sets TTL: Route 53 rejects the change ("Invalid request: Expected
 * exactly one of [AliasTarget, all of [TTL, and ResourceRecords]]"), so the stack fails at deploy time;
 * an alias answers with the TTL of the record it points at.
 * See https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resource-record-sets-choosing-alias-non-alias.html
 */
export const rule: Rule = {
  meta: {
    id: 'route53-alias-ttl',
    severity: 'error',
    category: 'practice',
    description: 'Disallow TTL on Route 53 alias records',
    cfnLint: ['E3029'],
    options: {},
    messages: {
      aliasTtl: 'An alias record takes the TTL of its target and Route 53 rejects one that sets TTL: remove TTL',
    },
  },
  create(context) {
    return {
      template(template) {
        for (const r of recordEntries(template)) {
          const alias = presence(r.record, 'AliasTarget');
          const ttl = presence(r.record, 'TTL');
          // Both in some Fn::If branches only: the template may well pair them on opposite branches.
          if (alias === 'no' || ttl === 'no' || (alias === 'maybe' && ttl === 'maybe')) continue;
          context.report({ path: [...r.path, 'TTL'], key: true, messageId: 'aliasTtl' });
        }
      },
    };
  },
};
