/**
 * The template model: a CloudFormation template as plain data, in CloudFormation's own words.
 * Intrinsics are {@link Intrinsic} instances; `Mappings` are `Map`s because their keys are often
 * integer-like ("443", "10") and a plain object would reorder those.
 */
import type { TemplateValue, Value } from './intrinsics';

/** Top-level sections in the order CloudFormation documents them; the emitter writes this order. */
export const SECTION_ORDER = [
  'AWSTemplateFormatVersion',
  'Description',
  'Metadata',
  'Parameters',
  'Rules',
  'Mappings',
  'Conditions',
  'Transform',
  'Resources',
  'Outputs',
] as const;

/** Resource attribute order the emitter writes; other keys follow in their own order. */
export const RESOURCE_KEY_ORDER = [
  'Type',
  'Condition',
  'DependsOn',
  'Metadata',
  'DeletionPolicy',
  'UpdateReplacePolicy',
  'CreationPolicy',
  'UpdatePolicy',
  'Properties',
] as const;

/** Parameter key order the emitter writes. */
export const PARAMETER_KEY_ORDER = [
  'Type',
  'Description',
  'Default',
  'AllowedValues',
  'AllowedPattern',
  'MinLength',
  'MaxLength',
  'MinValue',
  'MaxValue',
  'ConstraintDescription',
  'NoEcho',
] as const;

/** Output key order the emitter writes. */
export const OUTPUT_KEY_ORDER = ['Description', 'Condition', 'Value', 'Export'] as const;

/** `DeletionPolicy` / `UpdateReplacePolicy` values. */
export type RetentionPolicy = 'Delete' | 'Retain' | 'RetainExceptOnCreate' | 'Snapshot';

/** A template parameter. */
export interface Parameter {
  Type: string;
  Description?: string;
  Default?: string | number | string[];
  AllowedValues?: Array<string | number>;
  AllowedPattern?: string;
  MinLength?: number;
  MaxLength?: number;
  MinValue?: number;
  MaxValue?: number;
  ConstraintDescription?: string;
  NoEcho?: boolean;
}

/** A resource entry. */
export interface Resource {
  Type: string;
  Condition?: string;
  DependsOn?: string | string[];
  Metadata?: { [key: string]: TemplateValue };
  DeletionPolicy?: Value<RetentionPolicy>;
  UpdateReplacePolicy?: Value<RetentionPolicy>;
  CreationPolicy?: { [key: string]: TemplateValue };
  UpdatePolicy?: { [key: string]: TemplateValue };
  Properties?: { [key: string]: TemplateValue };
}

/** An output. */
export interface Output {
  Description?: Value<string>;
  Condition?: string;
  Value: TemplateValue;
  Export?: { Name: Value<string> };
}

/** Mappings: map name → top-level key → second-level key → value, each in insertion order. */
export type Mappings = Map<string, Map<string, Map<string, TemplateValue>>>;

/** A whole template. */
export interface Template {
  AWSTemplateFormatVersion?: string;
  Description?: string;
  Metadata?: { [key: string]: TemplateValue };
  Parameters?: { [logicalId: string]: Parameter };
  Rules?: { [name: string]: TemplateValue };
  Mappings?: Mappings;
  Conditions?: { [name: string]: TemplateValue };
  Transform?: string | string[];
  Resources: { [logicalId: string]: Resource };
  Outputs?: { [logicalId: string]: Output };
}
