/**
 * The compiled spec index (spec/catalog.json and spec/resources/*.json, produced by
 * `npm run spec:gen` from the pinned @aws-cdk/aws-service-spec). Loaded lazily: each resource type's
 * file (the type and its property types) on the first lookup of it, the catalog of every type only
 * for {@link SpecIndex.resourceTypes} and {@link SpecIndex.source}.
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

/** One file of spec/resources/: a resource type and the property types named after it. */
interface ResourceFile {
  readonly resources: { readonly [type: string]: ResourceSpec };
  readonly types: { readonly [name: string]: { readonly [prop: string]: PropertySpec } };
}

/** Unknown type names looked up in files before the catalog is consulted first. */
const MISSES_BEFORE_CATALOG = 64;

/** A resource type name as the spec spells them (`AWS::EC2::VPC`): only these name a file. */
const TYPE_NAME = /^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+$/;

/**
 * Lookups over the compiled spec. Each cache is filled by one assignment, after its file is parsed:
 * lint's time budget may stop a lookup half-way, and the next one must not find half a cache.
 */
export class SpecIndex {
  private catalog?: { source: string; resourceTypes: string[] };
  private known?: ReadonlySet<string>;
  private readonly files = new Map<string, ResourceFile | null>();
  private misses = 0;

  constructor(private readonly dir: string = join(packageRoot(), 'spec')) {}

  /** The package and version the index was compiled from, e.g. `@aws-cdk/aws-service-spec@0.1.216`. */
  get source(): string {
    return this.loadCatalog().source;
  }

  /** Every resource type in the spec, sorted. */
  resourceTypes(): readonly string[] {
    return this.loadCatalog().resourceTypes;
  }

  /** True when `type` is a resource type in the spec (case-sensitive, as CloudFormation). */
  hasResourceType(type: string): boolean {
    return this.resource(type) !== undefined;
  }

  /** The spec of resource type `type`, or undefined when unknown. */
  resource(type: string): ResourceSpec | undefined {
    const file = this.file(type);
    return file && Object.prototype.hasOwnProperty.call(file.resources, type) ? file.resources[type] : undefined;
  }

  /** The properties of named property type `name` (as in a `#Name` type code), or undefined. */
  propertyType(name: string): { readonly [prop: string]: PropertySpec } | undefined {
    const dot = name.indexOf('.');
    const file = dot > 0 ? this.file(name.slice(0, dot)) : undefined;
    return file && Object.prototype.hasOwnProperty.call(file.types, name) ? file.types[name] : undefined;
  }

  private loadCatalog(): { source: string; resourceTypes: string[] } {
    this.catalog ??= JSON.parse(readFileSync(join(this.dir, 'catalog.json'), 'utf8')) as { source: string; resourceTypes: string[] };
    return this.catalog;
  }

  /**
   * The file of resource type `type`, or null when there is none. The exact name is checked by the
   * caller against the file's keys: on a case-insensitive file system `AWS::EC2::Vpc` opens the file of
   * `AWS::EC2::VPC`.
   */
  private file(type: string): ResourceFile | null {
    let file = this.files.get(type);
    if (file === undefined) {
      file = null;
      // past a few unknown names (a hostile template can hold thousands), the catalog answers before the file system
      if (this.misses > MISSES_BEFORE_CATALOG) this.known ??= new Set(this.resourceTypes());
      if (TYPE_NAME.test(type) && (!this.known || this.known.has(type))) {
        try {
          file = JSON.parse(readFileSync(join(this.dir, 'resources', `${type.replace(/::/g, '_')}.json`), 'utf8')) as ResourceFile;
        } catch {
          file = null;
        }
      }
      if (!file) this.misses++;
      this.files.set(type, file);
    }
    return file;
  }
}

let shared: SpecIndex | undefined;

/** The process-wide spec index over the package's own spec/ folder. */
export function specIndex(): SpecIndex {
  shared ??= new SpecIndex();
  return shared;
}
