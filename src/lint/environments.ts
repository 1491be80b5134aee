/**
 * Environments of an application a template holds, and which of them are twins: the copies of one
 * application a blue/green deployment switches between. Twins are found three ways:
 * - the records of one weighted Route 53 record set, each resolving (alias or ResourceRecords → load
 *   balancer → listener → target group, or an Elastic Beanstalk environment's endpoint) to one environment;
 * - the target groups of one weighted ALB forward action, each with one environment behind it;
 * - logical ids that differ only by a Blue / Green word (`BlueAutoScalingGroup`, `GreenAutoScalingGroup`).
 * See https://docs.aws.amazon.com/whitepapers/latest/blue-green-deployments/update-dns-routing-with-amazon-route-53.html
 */
import { Intrinsic } from '../model/intrinsics';
import type { Template } from '../model/template';
import { presence } from './if-branches';
import { subVariables } from './refs';
import { attributeUses, recordGroups, recordLabel } from './route53';
import { isPlainObject } from './walk';

/** One environment: a compute resource and the resources that configure it. */
export interface Environment {
  /** Logical id of the Auto Scaling group, instance, Beanstalk environment, ECS service, or a launch template / configuration / task definition no group uses. */
  readonly id: string;
  readonly type: string;
  /** Logical ids of the resources configuring it, itself first (launch template, task definition, configuration template…). */
  readonly parts: readonly string[];
}

/** Environments that are copies of one application. */
export interface TwinGroup {
  readonly environments: readonly Environment[];
  /** How the twins were found, for messages. */
  readonly via: string;
}

type Resources = { readonly [id: string]: { readonly Type: string; readonly Properties: { readonly [key: string]: unknown }; readonly Metadata?: unknown } };

/** Resource types that configure an environment, by the environment type. */
const CONFIGURED_BY: { readonly [type: string]: readonly string[] } = {
  'AWS::AutoScaling::AutoScalingGroup': ['AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::LaunchConfiguration'],
  'AWS::EC2::Instance': ['AWS::EC2::LaunchTemplate'],
  'AWS::ElasticBeanstalk::Environment': ['AWS::ElasticBeanstalk::ConfigurationTemplate'],
  'AWS::ECS::Service': ['AWS::ECS::TaskDefinition'],
};

/** Configuring types that are an environment of their own when nothing uses them. */
const STANDALONE = new Set(['AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::LaunchConfiguration', 'AWS::ECS::TaskDefinition']);

/** The resources of `template` with a string Type, their Properties ({} when absent). */
export function plainResources(template: Template): Resources {
  const out: { [id: string]: Resources[string] } = {};
  const resources: unknown = template.Resources;
  if (!isPlainObject(resources)) return out;
  for (const [id, r] of Object.entries(resources)) {
    if (isPlainObject(r) && typeof r.Type === 'string') out[id] = { Type: r.Type, Properties: isPlainObject(r.Properties) ? r.Properties : {}, Metadata: r.Metadata };
  }
  return out;
}

/** Logical ids a value names anywhere inside it: Ref, Fn::GetAtt and Fn::Sub variables. */
export function namedIds(value: unknown): Set<string> {
  const out = new Set<string>();
  const visit = (v: unknown): void => {
    if (v instanceof Intrinsic) {
      const args: unknown = v.args;
      if (v.fn === 'Ref' && typeof args === 'string') out.add(args);
      else if (v.fn === 'Fn::GetAtt' && Array.isArray(args) && typeof args[0] === 'string') out.add(args[0]);
      else if (v.fn === 'Fn::GetAtt' && typeof args === 'string') out.add(args.split('.')[0]);
      else if (v.fn === 'Fn::Sub') {
        const text = typeof args === 'string' ? args : Array.isArray(args) && typeof args[0] === 'string' ? args[0] : '';
        for (const name of subVariables(text)) out.add(name.split('.')[0]);
        if (Array.isArray(args)) visit(args[1]);
      } else visit(args);
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (isPlainObject(v)) Object.values(v).forEach(visit);
  };
  visit(value);
  return out;
}

/** Every environment of `template`, in template order. */
export function environments(template: Template): Environment[] {
  const resources = plainResources(template);
  const used = new Set<string>();
  const out: Environment[] = [];
  for (const [id, r] of Object.entries(resources)) {
    const configuredBy = CONFIGURED_BY[r.Type];
    if (!configuredBy) continue;
    const source =
      r.Type === 'AWS::ElasticBeanstalk::Environment' ? r.Properties.TemplateName
      : r.Type === 'AWS::ECS::Service' ? r.Properties.TaskDefinition
      : [r.Properties.LaunchTemplate, r.Properties.LaunchConfigurationName, r.Properties.MixedInstancesPolicy];
    const parts = [...namedIds(source)].filter((p) => configuredBy.includes(resources[p]?.Type ?? ''));
    parts.forEach((p) => used.add(p));
    out.push({ id, type: r.Type, parts: [id, ...parts] });
  }
  for (const [id, r] of Object.entries(resources)) {
    if (STANDALONE.has(r.Type) && !used.has(id)) out.push({ id, type: r.Type, parts: [id] });
  }
  const order = Object.keys(resources);
  return out.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
}

/** The twin groups of `template` (each with two or more environments), without repeats. */
export function twinGroups(template: Template): TwinGroup[] {
  const resources = plainResources(template);
  const envs = environments(template);
  const behind = new Behind(resources, envs);
  const groups: TwinGroup[] = [];
  const seen = new Set<string>();
  const add = (list: Environment[], via: string) => {
    const unique = [...new Map(list.map((e) => [e.id, e])).values()];
    const key = unique.map((e) => e.id).sort().join('|');
    if (unique.length >= 2 && !seen.has(key)) {
      seen.add(key);
      groups.push({ environments: unique, via });
    }
  };

  for (const group of recordGroups(template).values()) {
    const weighted = group.filter((r) => presence(r.record, 'Weight') !== 'no');
    if (weighted.length < 2) continue;
    const found: Environment[] = [];
    for (const r of weighted) {
      const targets = new Set([...attributeUses(r.record.AliasTarget), ...attributeUses(r.record.ResourceRecords)].map((u) => u.target));
      const envSet = new Map<string, Environment>();
      for (const t of targets) for (const e of behind.of(t, 0)) envSet.set(e.id, e);
      if (envSet.size === 1) found.push(...envSet.values()); // one record → several environments: not twins for sure
    }
    add(found, `weighted records ${weighted.map(recordLabel).join(', ')}`);
  }

  for (const [id, r] of Object.entries(resources)) {
    if (r.Type !== 'AWS::ElasticLoadBalancingV2::Listener' && r.Type !== 'AWS::ElasticLoadBalancingV2::ListenerRule') continue;
    const actions = r.Type === 'AWS::ElasticLoadBalancingV2::Listener' ? r.Properties.DefaultActions : r.Properties.Actions;
    for (const action of Array.isArray(actions) ? actions : []) {
      const groupsOf = isPlainObject(action) && isPlainObject(action.ForwardConfig) ? action.ForwardConfig.TargetGroups : undefined;
      if (!Array.isArray(groupsOf) || groupsOf.length < 2) continue;
      const found: Environment[] = [];
      for (const tg of groupsOf) {
        const envSet = new Map<string, Environment>();
        for (const t of namedIds(isPlainObject(tg) ? tg.TargetGroupArn : undefined)) for (const e of behind.targetGroup(t)) envSet.set(e.id, e);
        if (envSet.size === 1) found.push(...envSet.values());
      }
      add(found, `weighted target groups of ${id}`);
    }
  }

  const byStem = new Map<string, Array<{ env: Environment; colour: string }>>();
  for (const env of envs) {
    const named = env.parts.map(colourOf).find((c) => c !== undefined);
    if (!named) continue;
    const key = `${env.type}|${named.stem}`;
    byStem.set(key, [...(byStem.get(key) ?? []), { env, colour: named.colour }]);
  }
  for (const list of byStem.values()) {
    if (new Set(list.map((l) => l.colour)).size >= 2) add(list.map((l) => l.env), 'blue/green logical ids');
  }
  return groups;
}

/** The Blue / Green word of a logical id and the rest of it (lower case), or undefined. */
export function colourOf(id: string): { colour: string; stem: string } | undefined {
  const words = id.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g) ?? [];
  const at = words.findIndex((w) => /^(blue|green)$/i.test(w));
  if (at < 0) return undefined;
  return {
    colour: words[at].toLowerCase(),
    stem: words
      .filter((_w, i) => i !== at)
      .join('')
      .toLowerCase(),
  };
}

/** Which environments serve behind a load balancer, target group, distribution or Beanstalk endpoint. */
class Behind {
  constructor(
    private readonly resources: Resources,
    private readonly envs: readonly Environment[],
  ) {}

  /** Environments behind resource `id` (depth counts distribution → load balancer hops). */
  of(id: string, depth: number): Environment[] {
    const r = this.resources[id];
    if (!r) return [];
    switch (r.Type) {
      case 'AWS::ElasticBeanstalk::Environment':
        return this.envs.filter((e) => e.id === id);
      case 'AWS::ElasticLoadBalancingV2::LoadBalancer':
        return this.targetGroupsOf(id).flatMap((tg) => this.targetGroup(tg));
      case 'AWS::ElasticLoadBalancing::LoadBalancer':
        return this.envs.filter((e) => {
          const p = this.resources[e.id].Properties;
          if (e.type === 'AWS::AutoScaling::AutoScalingGroup') return namedIds(p.LoadBalancerNames).has(id);
          if (e.type === 'AWS::ECS::Service') return namedIds(p.LoadBalancers).has(id);
          return e.type === 'AWS::EC2::Instance' && namedIds(r.Properties.Instances).has(e.id);
        });
      case 'AWS::CloudFront::Distribution': {
        if (depth > 0) return [];
        const config = r.Properties.DistributionConfig;
        return [...namedIds(isPlainObject(config) ? config.Origins : undefined)].flatMap((o) => this.of(o, depth + 1));
      }
      default:
        return [];
    }
  }

  /** Environments registered with target group `tg`. */
  targetGroup(tg: string): Environment[] {
    const r = this.resources[tg];
    if (!r || r.Type !== 'AWS::ElasticLoadBalancingV2::TargetGroup') return [];
    return this.envs.filter((e) => {
      const p = this.resources[e.id].Properties;
      if (e.type === 'AWS::AutoScaling::AutoScalingGroup') return namedIds([p.TargetGroupARNs, p.TrafficSources]).has(tg);
      if (e.type === 'AWS::ECS::Service') return namedIds(p.LoadBalancers).has(tg);
      return e.type === 'AWS::EC2::Instance' && namedIds(r.Properties.Targets).has(e.id);
    });
  }

  /** Target groups the listeners (and listener rules) of load balancer `lb` forward to. */
  private targetGroupsOf(lb: string): string[] {
    const listeners = Object.keys(this.resources).filter(
      (id) => this.resources[id].Type === 'AWS::ElasticLoadBalancingV2::Listener' && namedIds(this.resources[id].Properties.LoadBalancerArn).has(lb),
    );
    const out = new Set<string>();
    for (const [id, r] of Object.entries(this.resources)) {
      const own = listeners.includes(id) ? r.Properties.DefaultActions : undefined;
      const rule = r.Type === 'AWS::ElasticLoadBalancingV2::ListenerRule' && [...namedIds(r.Properties.ListenerArn)].some((l) => listeners.includes(l)) ? r.Properties.Actions : undefined;
      for (const t of namedIds([own, rule])) if (this.resources[t]?.Type === 'AWS::ElasticLoadBalancingV2::TargetGroup') out.add(t);
    }
    return [...out];
  }
}
