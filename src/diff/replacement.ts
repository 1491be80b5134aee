/**
 * Update behaviour of a property path, from the spec's type graph: every step of the path is looked up
 * (resource property, then nested property types through lists, maps and unions) and the worst
 * `causesReplacement` on the way wins, so `AutoScalingGroupProvider.AutoScalingGroupArn` on an ECS
 * capacity provider is a replacement although `AutoScalingGroupProvider` itself updates in place.
 * cdk diff reads only the top-level property; see issue 5.
 */
import { SpecIndex, TypeCode, specIndex } from '../spec';
import type { PropertySpec } from '../spec';
import type { Impact } from './types';
import type { Segment } from './paths';

const RANK: Readonly<Record<Impact, number>> = { update: 0, 'may-replace': 1, replace: 2 };

/** The more disruptive of two impacts. */
export function worst(a: Impact, b: Impact): Impact {
  return RANK[b] > RANK[a] ? b : a;
}

/** The impact a `causesReplacement` marker stands for. */
function impactOf(spec: PropertySpec): Impact {
  return spec.c === 'y' ? 'replace' : spec.c === 'm' ? 'may-replace' : 'update';
}

/**
 * What changing `path` (below `Properties`) does to a resource of `type`. Types the spec does not
 * know (custom resources, `Custom::*`, third-party types) and properties it does not list are
 * `may-replace`: their update behaviour is unknown.
 */
export function propertyImpact(type: string, path: readonly Segment[], spec: SpecIndex = specIndex()): Impact {
  const resource = spec.resource(type);
  if (!resource) return 'may-replace';
  const [name, ...rest] = path;
  if (typeof name !== 'string') return 'may-replace';
  let impact: Impact = 'update';
  if (resource.rp?.some((rp) => isPrefix(rp, path))) impact = 'replace';
  const prop = Object.hasOwn(resource.p, name) ? resource.p[name] : undefined;
  if (!prop) return worst(impact, 'may-replace');
  impact = worst(impact, impactOf(prop));
  let codes: TypeCode[] = [prop.t];
  for (const segment of rest) {
    const next: TypeCode[] = [];
    let matched = false;
    let structured = false;
    for (const code of expand(codes)) {
      if (typeof code === 'string') {
        if (!code.startsWith('#')) continue; // a scalar or free-form JSON: nothing below to look up
        structured = true;
        const props = spec.propertyType(code.slice(1));
        const child = typeof segment === 'string' && props && Object.hasOwn(props, segment) ? props[segment] : undefined;
        if (child) {
          matched = true;
          impact = worst(impact, impactOf(child));
          next.push(child.t);
        }
      } else if ('l' in code) {
        structured = true;
        if (typeof segment === 'number') {
          matched = true;
          next.push(code.l);
        }
      } else if ('m' in code) {
        structured = true;
        if (typeof segment === 'string') {
          matched = true;
          next.push(code.m);
        }
      }
    }
    if (!matched) return structured ? worst(impact, 'may-replace') : impact;
    codes = next;
  }
  return impact;
}

/** Union alternatives flattened; enums dropped (they are strings). */
function expand(codes: readonly TypeCode[]): TypeCode[] {
  const out: TypeCode[] = [];
  for (const code of codes) {
    if (typeof code === 'object' && 'u' in code) out.push(...expand(code.u));
    else if (!(typeof code === 'object' && 'e' in code)) out.push(code);
  }
  return out;
}

/** True when spec path `prefix` (`*` for any list index) starts `path`. */
function isPrefix(prefix: readonly string[], path: readonly Segment[]): boolean {
  if (prefix.length > path.length) return false;
  return prefix.every((p, i) => (p === '*' ? typeof path[i] === 'number' : p === path[i]));
}
