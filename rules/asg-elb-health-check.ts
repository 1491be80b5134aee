import { branches, isNoValue, Presence } from '../src/lint/if-branches';
import type { Rule } from '../src/lint/types';
import { isPlainObject } from '../src/lint/walk';

/** Properties that put an Auto Scaling group behind Elastic Load Balancing. */
const ATTACHMENTS = ['TargetGroupARNs', 'LoadBalancerNames', 'TrafficSources'] as const;

/**
 * Reports an Auto Scaling group behind a load balancer that checks only EC2 status: an instance whose
 * application fails the load balancer's health check is never replaced, so it stays in service (taken
 * out of the target group but counted as capacity), and in a blue/green deployment the new environment
 * counts as healthy before it serves a single request.
 * See https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-health-checks.html
 */
export const rule: Rule = {
  meta: {
    id: 'asg-elb-health-check',
    severity: 'warning',
    category: 'practice',
    description: 'Require Elastic Load Balancing health checks on Auto Scaling groups behind a load balancer',
    cfnLint: [],
    options: {},
    messages: {
      missing:
        'This Auto Scaling group is behind a load balancer ({{attachment}}) but has no HealthCheckType, so only EC2 status checks replace instances: set HealthCheckType to ELB',
      ec2: 'HealthCheckType {{value}} ignores the load balancer ({{attachment}}) this Auto Scaling group is behind, so instances failing its health check are never replaced: set HealthCheckType to ELB',
    },
  },
  create(context) {
    return {
      resource: {
        'AWS::AutoScaling::AutoScalingGroup': (visit) => {
          const props = visit.resource.Properties;
          if (!isPlainObject(props)) return;
          let attached: Presence = 'no';
          let attachment: (typeof ATTACHMENTS)[number] | undefined;
          for (const key of ATTACHMENTS) {
            const p = attachedBy(props[key], key);
            if (p === 'no' || attached === 'yes') continue;
            if (p === 'yes' || attached === 'no') [attached, attachment] = [p, key];
          }
          if (attachment === undefined) return;
          const base = [...visit.path, 'Properties'];
          if (!('HealthCheckType' in props)) {
            context.report({ path: [...base, attachment], key: true, messageId: 'missing', data: { attachment } });
            return;
          }
          const all = branches(props.HealthCheckType, [...base, 'HealthCheckType']);
          // Attached in some branches only, with ELB checks in some: the template likely pairs them.
          if (attached === 'maybe' && all.some((b) => typeof b.value === 'string' && types(b.value).includes('ELB'))) return;
          for (const b of all) {
            if (isNoValue(b.value)) context.report({ path: [...base, attachment], key: true, messageId: 'missing', data: { attachment } });
            else if (typeof b.value === 'string' && types(b.value).every((t) => t === 'EC2')) context.report({ path: b.path, messageId: 'ec2', data: { value: b.value, attachment } });
          }
        },
      },
    };
  },
};

/** The health check types of a HealthCheckType value ("ELB,VPC_LATTICE" → both), upper case. */
function types(value: string): string[] {
  return value
    .split(',')
    .map((t) => t.trim().toUpperCase())
    .filter(Boolean);
}

/** Whether `value` of `key` attaches load balancers or target groups: surely, in some Fn::If branches, or not. */
function attachedBy(value: unknown, key: (typeof ATTACHMENTS)[number]): Presence {
  if (value === undefined) return 'no';
  const all = branches(value, []);
  const attaching = all.filter((b) => {
    if (isNoValue(b.value)) return false;
    if (!Array.isArray(b.value)) return false; // a Ref to a list parameter may be empty: not guessed
    if (key !== 'TrafficSources') return b.value.some((item) => !isNoValue(item));
    // TrafficSources of type elb / elbv2 (a VPC Lattice source has health checks of its own).
    return b.value.some((item) => isPlainObject(item) && typeof item.Type === 'string' && /^elb(v2)?$/i.test(item.Type.trim()));
  });
  return attaching.length === 0 ? 'no' : attaching.length === all.length ? 'yes' : 'maybe';
}
