/**
 * Facts about resource types that the spec index carries only in part: which types hold data, which
 * support `Snapshot` policies, and which property is a resource's fixed physical name.
 */
import { SpecIndex, specIndex } from '../spec';

export { isStateful, supportsSnapshot } from '../spec/retention';

/** Name properties whose spelling the generic rule in {@link fixedNameProperty} does not find. */
const NAME_PROPERTY: Readonly<Record<string, string>> = {
  'AWS::EC2::SecurityGroup': 'GroupName',
  'AWS::ElasticLoadBalancingV2::LoadBalancer': 'Name',
  'AWS::ElasticLoadBalancingV2::TargetGroup': 'Name',
};

/**
 * The property that sets a resource's physical name, when the type has one: a listed exception, else
 * the single primary identifier when it is a string property, else `<Type>Name` (`TableName`,
 * `BucketName`, `FunctionName`). CloudFormation cannot replace a resource whose name stays the same:
 * the new resource would need the old one's name while the old one still exists.
 */
export function fixedNameProperty(type: string, spec: SpecIndex = specIndex()): string | undefined {
  const resource = spec.resource(type);
  if (!resource) return undefined;
  const listed = NAME_PROPERTY[type];
  if (listed && Object.hasOwn(resource.p, listed)) return listed;
  const pi = resource.pi;
  if (pi?.length === 1 && Object.hasOwn(resource.p, pi[0]) && resource.p[pi[0]].t === 's') return pi[0];
  const byName = `${type.split('::').pop()}Name`;
  return Object.hasOwn(resource.p, byName) ? byName : undefined;
}
