import { branches, literalNumber, presence } from '../src/lint/if-branches';
import { dnsTarget, recordEntries, routing } from '../src/lint/route53';
import { templateReferences } from '../src/lint/refs';
import type { Rule } from '../src/lint/types';

/** Options of route53-long-ttl. */
interface Options {
  maxRoutedTtl: number;
  maxTargetTtl: number;
}

/**
 * Reports a long TTL on a non-alias record that a deployment moves: a weighted (or other routed)
 * record, where resolvers keep answering with the old weights until the TTL runs out, so a 10 % shift
 * or a rollback takes that long to reach clients; and a record pointing at a load balancer or
 * CloudFront name, whose addresses change underneath it.
 * See https://docs.aws.amazon.com/whitepapers/latest/blue-green-deployments/update-dns-routing-with-amazon-route-53.html
 */
export const rule: Rule<Options> = {
  meta: {
    id: 'route53-long-ttl',
    severity: 'warning',
    category: 'practice',
    description: 'Limit the TTL of routed Route 53 records and of records that point at a load balancer or CloudFront',
    cfnLint: [],
    options: {
      maxRoutedTtl: { default: 60, description: 'highest TTL in seconds of a record with a routing policy (SetIdentifier: weighted, failover, latency, geolocation…)' },
      maxTargetTtl: { default: 300, description: 'highest TTL in seconds of any other record whose values point at a load balancer or CloudFront distribution' },
    },
    messages: {
      routed:
        'TTL {{ttl}} of this routed record keeps old answers in resolvers for {{ttl}} seconds, so a weight shift or rollback takes that long: set TTL to {{max}} or less',
      target:
        'TTL {{ttl}} of this record pointing at a {{target}} keeps its old addresses in resolvers too long: set TTL to {{max}} or less, or make it an alias record (no TTL)',
    },
  },
  create(context) {
    const maxRouted = Number(context.options.maxRoutedTtl);
    const maxTarget = Number(context.options.maxTargetTtl);
    return {
      template(template) {
        const types = templateReferences(template).resources;
        for (const r of recordEntries(template)) {
          if (presence(r.record, 'AliasTarget') !== 'no') continue; // alias records have no TTL (route53-alias-ttl)
          const routed = routing(r) !== 'no';
          const target = routed ? undefined : dnsTarget(r.record.ResourceRecords, types);
          if (!routed && target === undefined) continue;
          const max = routed ? maxRouted : maxTarget;
          for (const b of branches(r.record.TTL, [...r.path, 'TTL'])) {
            const ttl = literalNumber(b.value);
            if (ttl === undefined || ttl <= max) continue;
            context.report({ path: b.path, messageId: routed ? 'routed' : 'target', data: { ttl, max, target: target ?? '' } });
          }
        }
      },
    };
  },
};
