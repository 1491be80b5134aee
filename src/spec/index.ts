/**
 * The compiled spec index (spec/catalog.json and spec/services/*.json, produced by
 * `npm run spec:gen` from the pinned @aws-cdk/aws-service-spec). Loaded lazily: the catalog on first
 * use, each service namespace's file on the first lookup of one of its types.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../paths';

/**
 * A property's value type: 's' string, 'i' integer, 'n' number, 'b' boolean, 'j' JSON, 'g' tag,
 * 'd' date-time, `#Name` a named property type, or an enum / list / map / union.
 */
export type TypeCode =
  | 's'
  | 'i'
  | 'n'
  | 'b'
  | 'j'
  | 'g'
  | 'd'
  | `#${string}`
  | { readonly e: readonly string[] }
  | { readonly l: TypeCode }
  | { readonly m: TypeCode }
  | { readonly u: readonly TypeCode[] };

/** One property of a resource or property type. */
export interface PropertySpec {
  /** Value type. */
  readonly t: TypeCode;
  /** 1 when required. */
  readonly r?: 1;
  /** Update behaviour: 'y' replacement, 'm' may replace (conditional); absent: no interruption or some interruption. */
  readonly c?: 'y' | 'm';
  /** 1 when deprecated. */
  readonly d?: 1;
  /** Types the property accepted before (accepted too, for backwards compatibility). */
  readonly pt?: readonly TypeCode[];
}

/** A resource type. */
export interface ResourceSpec {
  /** Properties by name. */
  readonly p: { readonly [name: string]: PropertySpec };
  /** GetAtt attribute names (dotted ones included, e.g. `Endpoint.Address`). */
  readonly a: readonly string[];
  /** 1 when the spec marks the type stateful. */
  readonly s?: 1;
  /** Property paths that also cause replacement (`*` for any list element). */
  readonly rp?: ReadonlyArray<readonly string[]>;
  /** Primary identifier properties. */
  readonly pi?: readonly string[];
}

interface ServiceFile {
  readonly resources: { readonly [type: string]: ResourceSpec };
  readonly types: { readonly [name: string]: { readonly [prop: string]: PropertySpec } };
}

/** Lookups over the compiled spec. */
export class SpecIndex {
  private catalog?: { source: string; resourceTypes: string[] };
  private typeSet?: Set<string>;
  private readonly services = new Map<string, ServiceFile | null>();

  constructor(private readonly dir: string = join(packageRoot(), 'spec')) {}

  /** The package and version the index was compiled from, e.g. `@aws-cdk/aws-service-spec@0.1.216`. */
  get source(): string {
    return this.loadCatalog().source;
  }

  /** Every resource type in the spec, sorted. */
  resourceTypes(): readonly string[] {
    return this.loadCatalog().resourceTypes;
  }

  /** True when `type` is a resource type in the spec. */
  hasResourceType(type: string): boolean {
    this.loadCatalog();
    return this.typeSet!.has(type);
  }

  /** The spec of resource type `type`, or undefined when unknown. */
  resource(type: string): ResourceSpec | undefined {
    if (!this.hasResourceType(type)) return undefined;
    return this.service(type)?.resources[type];
  }

  /** The properties of named property type `name` (as in a `#Name` type code), or undefined. */
  propertyType(name: string): { readonly [prop: string]: PropertySpec } | undefined {
    return this.service(name)?.types[name];
  }

  private loadCatalog(): { source: string; resourceTypes: string[] } {
    if (!this.catalog) {
      this.catalog = JSON.parse(readFileSync(join(this.dir, 'catalog.json'), 'utf8')) as { source: string; resourceTypes: string[] };
      this.typeSet = new Set(this.catalog.resourceTypes);
    }
    return this.catalog;
  }

  private service(name: string): ServiceFile | undefined {
    const key = name.split('::').slice(0, 2).join('_');
    if (!this.services.has(key)) {
      let file: ServiceFile | null = null;
      try {
        file = JSON.parse(readFileSync(join(this.dir, 'services', `${key}.json`), 'utf8')) as ServiceFile;
      } catch {
        file = null;
      }
      this.services.set(key, file);
    }
    return this.services.get(key) ?? undefined;
  }
}

let shared: SpecIndex | undefined;

/** The process-wide spec index over the package's own spec/ folder. */
export function specIndex(): SpecIndex {
  shared ??= new SpecIndex();
  return shared;
}
