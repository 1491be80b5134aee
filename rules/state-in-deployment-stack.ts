import { outcomes, propertiesOf, resourcesOf } from '../src/lint/certain';
import type { Rule } from '../src/lint/types';

/** Stateless compute tiers that blue/green deployments clone or recreate, with their stack. */
const COMPUTE_TYPES: ReadonlySet<string> = new Set(['AWS::AutoScaling::AutoScalingGroup', 'AWS::ECS::Service', 'AWS::ElasticBeanstalk::Environment']);

/** Session and application state stores. */
const STORE_TYPES: ReadonlySet<string> = new Set([
  'AWS::DynamoDB::GlobalTable',
  'AWS::DynamoDB::Table',
  'AWS::ElastiCache::CacheCluster',
  'AWS::ElastiCache::ReplicationGroup',
  'AWS::ElastiCache::ServerlessCache',
  'AWS::MemoryDB::Cluster',
  'AWS::RDS::DBCluster',
  'AWS::RDS::DBInstance',
  'AWS::Serverless::SimpleTable',
]);

/**
 * A store resource that is part of another one the rule reports instead (an instance of a DB cluster,
 * a node of a replication group) or a copy of one outside the stack (a read replica).
 */
function partOfAnother(type: string, properties: { [key: string]: unknown }): boolean {
  const present = (name: string) => outcomes(properties[name]).every((o) => o.kind !== 'absent');
  if (type === 'AWS::RDS::DBInstance') return present('DBClusterIdentifier') || present('SourceDBInstanceIdentifier');
  if (type === 'AWS::ElastiCache::CacheCluster') return present('ReplicationGroupId');
  return false;
}

/**
 * Reports a state store (DynamoDB table, ElastiCache, MemoryDB, RDS) created by a template that also
 * creates a stateless compute tier (Auto Scaling group, ECS service, Elastic Beanstalk environment): a
 * blue/green deployment that clones or recreates the stack creates a new, empty store.
 */
export const rule: Rule = {
  meta: {
    id: 'state-in-deployment-stack',
    severity: 'warning',
    category: 'practice',
    description: 'Disallow state stores in a stack that also holds a stateless compute tier',
    cfnLint: [],
    options: {},
    messages: {
      store:
        '{{type}} "{{store}}" lives in the same stack as {{computeType}} "{{compute}}": a blue/green clone or a recreation of this stack creates a new, empty store and loses its sessions and data. Move it to a data stack and import its name or endpoint with Fn::ImportValue',
    },
  },
  create(context) {
    return {
      template(template) {
        const resources = resourcesOf(template);
        const compute = resources.find((r) => COMPUTE_TYPES.has(r.type));
        if (!compute) return;
        for (const r of resources) {
          if (!STORE_TYPES.has(r.type) || partOfAnother(r.type, propertiesOf(r.resource))) continue;
          context.report({
            path: ['Resources', r.logicalId, 'Type'],
            messageId: 'store',
            data: { type: r.type, store: r.logicalId, computeType: compute.type, compute: compute.logicalId },
          });
        }
      },
    };
  },
};
