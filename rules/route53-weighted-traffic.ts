import { branches, isNoValue, literalNumber, presence } from '../src/lint/if-branches';
import { dnsTarget, recordEntries, recordGroups, recordLabel } from '../src/lint/route53';
import { templateReferences } from '../src/lint/refs';
import type { Rule } from '../src/lint/types';
import { isPlainObject } from '../src/lint/walk';

/** Hosted zone id of every CloudFront distribution, for alias targets. */
const CLOUDFRONT_ZONE = 'Z2FDTNDATAQYW2';

/**
 * Reports weighted Route 53 records that do not move traffic the way a blue/green cutover expects:
 * a name and type whose weights are all 0 (Route 53 then answers with every record equally, so nothing
 * is drained), and a weighted alias record that does not evaluate its target's health (Route 53 keeps
 * sending its share to an environment whose targets all fail).
 * See https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/routing-policy-weighted.html
 */
export const rule: Rule = {
  meta: {
    id: 'route53-weighted-traffic',
    severity: 'warning',
    category: 'practice',
    description: 'Warn when weighted Route 53 records are all weight 0 or alias targets without evaluating their health',
    cfnLint: [],
    options: {},
    messages: {
      allZero:
        'Every weighted record of this name and type ({{records}}) has Weight 0, so Route 53 splits traffic evenly and drains nothing: give the records that should serve a weight above 0 (to take the name out of service, remove its records)',
      noHealth:
        'This weighted alias record does not evaluate target health, so Route 53 keeps sending its share to an environment that fails: set EvaluateTargetHealth to true',
    },
  },
  create(context) {
    return {
      template(template) {
        for (const group of recordGroups(template).values()) {
          const weighted = group.filter((r) => presence(r.record, 'Weight') === 'yes');
          const zero = (value: unknown) => branches(value, []).every((b) => literalNumber(b.value) === 0);
          if (weighted.length >= 2 && weighted.every((r) => zero(r.record.Weight))) {
            context.report({ path: [...weighted[0].path, 'Weight'], messageId: 'allZero', data: { records: weighted.map(recordLabel).join(', ') } });
          }
        }
        const types = templateReferences(template).resources;
        for (const r of recordEntries(template)) {
          if (presence(r.record, 'Weight') === 'no') continue;
          for (const alias of branches(r.record.AliasTarget, [...r.path, 'AliasTarget'])) {
            const target = alias.value;
            if (!isPlainObject(target)) continue;
            // CloudFront does not support EvaluateTargetHealth: true (Route 53 rejects it).
            if (target.HostedZoneId === CLOUDFRONT_ZONE || dnsTarget(target.DNSName, types) === 'CloudFront distribution') continue;
            if (!('EvaluateTargetHealth' in target)) {
              context.report({ path: alias.path, key: alias.path[alias.path.length - 1] === 'AliasTarget', messageId: 'noHealth' });
              continue;
            }
            for (const b of branches(target.EvaluateTargetHealth, [...alias.path, 'EvaluateTargetHealth'])) {
              if (b.value === false || isNoValue(b.value) || (typeof b.value === 'string' && b.value.trim().toLowerCase() === 'false')) context.report({ path: b.path, messageId: 'noHealth' });
            }
          }
        }
      },
    };
  },
};
