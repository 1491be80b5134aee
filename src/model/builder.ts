/**
 * Typed template builder: resources are checked against the generated spec interfaces, GetAtt
 * attribute names against the spec's attribute list, and logical ids are unique.
 */
import { Intrinsic, TemplateValue, Value } from './intrinsics';
import type { Mappings, Output, Parameter, Resource, RetentionPolicy, Template } from './template';
import type { ResourceAttributeMap, ResourcePropsMap } from '../spec/generated/resources';

/** Resource types with generated prop interfaces (scripts/spec-types.json). */
export type TypedResourceType = keyof ResourcePropsMap;

/** A resource added to a builder; pass it to `ref()` / `getAtt()`. */
export interface ResourceHandle<T extends string = string> {
  readonly logicalId: string;
  readonly type: T;
}

/** A parameter added to a builder. */
export interface ParameterHandle {
  readonly logicalId: string;
}

/** A condition added to a builder. */
export interface ConditionHandle {
  readonly logicalId: string;
}

/** Resource attributes besides Type and Properties. */
export interface ResourceOptions {
  readonly condition?: ConditionHandle | string;
  readonly dependsOn?: Array<ResourceHandle | string>;
  readonly metadata?: { [key: string]: TemplateValue };
  readonly deletionPolicy?: RetentionPolicy;
  readonly updateReplacePolicy?: RetentionPolicy;
  readonly creationPolicy?: { [key: string]: TemplateValue };
  readonly updatePolicy?: { [key: string]: TemplateValue };
}

/** `Fn::GetAtt` with an attribute name the spec lists for the resource's type. */
export function getAtt<T extends TypedResourceType>(resource: ResourceHandle<T>, attribute: ResourceAttributeMap[T]): Intrinsic<'Fn::GetAtt'> {
  return new Intrinsic('Fn::GetAtt', [resource.logicalId, attribute as string]);
}

const LOGICAL_ID = /^[A-Za-z0-9]+$/;

/** Builds a {@link Template}; sections come out in CloudFormation's order whatever the call order. */
export class TemplateBuilder {
  private readonly parameters: { [id: string]: Parameter } = {};
  private readonly conditions: { [id: string]: TemplateValue } = {};
  private readonly mappings: Mappings = new Map();
  private readonly resources: { [id: string]: Resource } = {};
  private readonly outputs: { [id: string]: Output } = {};
  private readonly metadata: { [key: string]: TemplateValue } = {};
  private readonly ids = new Set<string>();

  constructor(private readonly description?: string) {}

  /** Adds a parameter. */
  parameter(logicalId: string, definition: Parameter): ParameterHandle {
    this.claim(logicalId);
    this.parameters[logicalId] = stripUndefined(definition) as Parameter;
    return { logicalId };
  }

  /** Adds a condition. */
  condition(logicalId: string, expression: Intrinsic): ConditionHandle {
    this.claim(logicalId);
    this.conditions[logicalId] = expression;
    return { logicalId };
  }

  /** Adds a mapping; entries keep the order given. */
  mapping(logicalId: string, entries: Array<[string, Array<[string, TemplateValue]>]>): { logicalId: string } {
    this.claim(logicalId);
    this.mappings.set(logicalId, new Map(entries.map(([k, v]) => [k, new Map(v)])));
    return { logicalId };
  }

  /** Adds a typed resource. */
  resource<T extends TypedResourceType>(logicalId: string, type: T, properties: ResourcePropsMap[T], options: ResourceOptions = {}): ResourceHandle<T> {
    this.claim(logicalId);
    const r: Resource = { Type: type };
    if (options.condition) r.Condition = typeof options.condition === 'string' ? options.condition : options.condition.logicalId;
    if (options.dependsOn?.length) {
      const ids = options.dependsOn.map((d) => (typeof d === 'string' ? d : d.logicalId));
      r.DependsOn = ids.length === 1 ? ids[0] : ids;
    }
    if (options.metadata) r.Metadata = options.metadata;
    if (options.deletionPolicy) r.DeletionPolicy = options.deletionPolicy;
    if (options.updateReplacePolicy) r.UpdateReplacePolicy = options.updateReplacePolicy;
    if (options.creationPolicy) r.CreationPolicy = options.creationPolicy;
    if (options.updatePolicy) r.UpdatePolicy = options.updatePolicy;
    const props = stripUndefined(properties as unknown as TemplateValue) as { [key: string]: TemplateValue };
    if (Object.keys(props).length > 0) r.Properties = props;
    this.resources[logicalId] = r;
    return { logicalId, type };
  }

  /** Adds an output, optionally exported under `exportName`. */
  output(logicalId: string, value: TemplateValue, options: { description?: string; exportName?: Value<string>; condition?: string } = {}): void {
    this.claim(logicalId);
    const o: Output = { Value: value };
    if (options.description) o.Description = options.description;
    if (options.condition) o.Condition = options.condition;
    if (options.exportName !== undefined) o.Export = { Name: options.exportName };
    this.outputs[logicalId] = o;
  }

  /** Sets a top-level Metadata key (e.g. `AWS::CloudFormation::Interface`). */
  setMetadata(key: string, value: TemplateValue): void {
    this.metadata[key] = value;
  }

  /** The finished template. */
  build(): Template {
    const t: Template = { AWSTemplateFormatVersion: '2010-09-09', Resources: this.resources };
    if (this.description) t.Description = this.description;
    if (Object.keys(this.metadata).length) t.Metadata = this.metadata;
    if (Object.keys(this.parameters).length) t.Parameters = this.parameters;
    if (this.mappings.size) t.Mappings = this.mappings;
    if (Object.keys(this.conditions).length) t.Conditions = this.conditions;
    if (Object.keys(this.outputs).length) t.Outputs = this.outputs;
    return t;
  }

  private claim(logicalId: string): void {
    if (!LOGICAL_ID.test(logicalId) || logicalId.length > 255) {
      throw new Error(`invalid logical id "${logicalId}": CloudFormation allows 1-255 alphanumeric characters`);
    }
    if (this.ids.has(logicalId)) throw new Error(`duplicate logical id "${logicalId}"`);
    this.ids.add(logicalId);
  }
}

/** Drops `undefined` members of objects (optional builder inputs left unset), recursively. */
function stripUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripUndefined);
  if (value instanceof Intrinsic) return new Intrinsic(value.fn, stripUndefined(value.args) as never);
  if (value !== null && typeof value === 'object' && !(value instanceof Map)) {
    const out: { [key: string]: unknown } = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = stripUndefined(v);
    return out;
  }
  return value;
}
