/**
 * Shape helpers shared by the template-structure rules: which transforms a template declares, how to
 * read a section whatever its shape, and how to name a value's kind in a message. Templates are user
 * input, so every helper accepts any value.
 */
import { Intrinsic } from '../model/intrinsics';
import type { Template } from '../model/template';
import { isPlainObject } from './walk';

/** The AWS SAM transform; it adds `Globals` and the `AWS::Serverless::*` resource types. */
export const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';

/**
 * The transform that adds `Fn::ForEach`, `Fn::Length`, `Fn::ToJsonString`, `Fn::FindInMap` defaults and
 * intrinsics in more places. See
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/transform-aws-languageextensions.html
 */
export const LANGUAGE_EXTENSIONS = 'AWS::LanguageExtensions';

/** Prefix of `Fn::ForEach::<LoopName>` keys (AWS::LanguageExtensions). */
export const FOR_EACH_PREFIX = 'Fn::ForEach::';

/** The names of the transforms a template declares in its `Transform` section, in order. */
export function transformNames(template: Template): string[] {
  const declared = (template as unknown as { Transform?: unknown }).Transform;
  const names: string[] = [];
  const add = (item: unknown) => {
    if (typeof item === 'string') names.push(item);
    else if (isPlainObject(item) && typeof item.Name === 'string') names.push(item.Name);
  };
  if (Array.isArray(declared)) declared.forEach(add);
  else add(declared);
  return names;
}

/** What a template's transforms allow, computed once per template. */
export interface TransformSupport {
  /** `AWS::Serverless-2016-10-31` is declared. */
  readonly sam: boolean;
  /** `AWS::LanguageExtensions` is declared. */
  readonly languageExtensions: boolean;
  /**
   * A transform outside the `AWS::` namespace (a macro) is declared: it may rewrite anything before
   * CloudFormation reads the template, so keys CloudFormation does not know may be the macro's input.
   */
  readonly macro: boolean;
}

/** The {@link TransformSupport} of `template`. */
export function transformSupport(template: Template): TransformSupport {
  const names = transformNames(template);
  return {
    sam: names.includes(SAM_TRANSFORM),
    languageExtensions: names.includes(LANGUAGE_EXTENSIONS),
    macro: names.some((n) => !n.startsWith('AWS::')),
  };
}

/** True for a `Fn::ForEach::<LoopName>` key. */
export function isForEachKey(key: string): boolean {
  return key.startsWith(FOR_EACH_PREFIX);
}

/** True for a key that is not an entry but an intrinsic CloudFormation expands into entries (`Fn::ForEach::*`, `Fn::Transform`). */
export function isExpansionKey(key: string): boolean {
  return key === 'Fn::Transform' || isForEachKey(key);
}

/**
 * Calls `visit` for each entry of a section (`Resources`, `Outputs`…), including the entries an
 * `Fn::ForEach` loop declares (with AWS::LanguageExtensions; nested loops too), each with its model path.
 * `Fn::Transform` keys (AWS::Include and macro calls) are skipped.
 */
export function visitEntries(
  section: string,
  value: unknown,
  languageExtensions: boolean,
  visit: (path: Array<string | number>, id: string, entry: unknown) => void,
): void {
  const walk = (path: Array<string | number>, body: unknown) => {
    for (const [id, entry] of sectionEntries(body)) {
      if (!isExpansionKey(id)) visit([...path, id], id, entry);
      else if (languageExtensions && isForEachKey(id) && Array.isArray(entry)) walk([...path, id, 2], entry[2]);
    }
  };
  walk([section], value);
}

/** True for a mapping value: a plain object or (for `Mappings`) a `Map`. */
export function isMapping(value: unknown): boolean {
  return isPlainObject(value) || value instanceof Map;
}

/** The entries of a section (plain object or `Map`); none for any other value. */
export function sectionEntries(value: unknown): Array<[string, unknown]> {
  if (value instanceof Map) return [...(value as Map<string, unknown>).entries()];
  if (isPlainObject(value)) return Object.entries(value);
  return [];
}

/**
 * The function a value calls: the name of an {@link Intrinsic}, or the key of a one-key mapping whose
 * key starts with `Fn::` (functions the model keeps as plain data: `Fn::Length`, `Fn::ToJsonString`,
 * `Fn::ForEach::*`, the Rules-only functions, misspellings). Undefined for anything else.
 */
export function functionName(value: unknown): string | undefined {
  if (value instanceof Intrinsic) return value.fn;
  if (!isPlainObject(value)) return undefined;
  let only: string | undefined;
  for (const key in value) {
    if (only !== undefined) return undefined;
    only = key;
  }
  return only !== undefined && only.startsWith('Fn::') ? only : undefined;
}

/** The value's kind in CloudFormation's words, for messages: `a string`, `a list`, `Fn::Sub`… */
export function kindOf(value: unknown): string {
  const fn = functionName(value);
  if (fn) return fn;
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (isMapping(value)) return 'a mapping';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  return typeof value;
}

/** Size of `text` in UTF-8 bytes, the unit of CloudFormation's size quotas. */
export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** True for an integer or a string of decimal digits (CloudFormation reads both as a number), optionally signed. */
export function isIntegerLike(value: unknown): boolean {
  if (typeof value === 'number') return Number.isInteger(value);
  return typeof value === 'string' && INTEGER.test(value.trim());
}

/** The numeric value of a number or numeric string; undefined otherwise. */
export function numberLike(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || !NUMBER.test(value.trim())) return undefined;
  return Number(value);
}

const INTEGER = /^[-+]?\d+$/;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Parameter types. See
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html and
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-supplied-parameter-types.html
 */
const PLAIN_PARAMETER_TYPES: ReadonlySet<string> = new Set([
  'String',
  'Number',
  'CommaDelimitedList',
  'AWS::EC2::AvailabilityZone::Name',
  'AWS::EC2::Image::Id',
  'AWS::EC2::Instance::Id',
  'AWS::EC2::KeyPair::KeyName',
  'AWS::EC2::SecurityGroup::GroupName',
  'AWS::EC2::SecurityGroup::Id',
  'AWS::EC2::Subnet::Id',
  'AWS::EC2::VPC::Id',
  'AWS::EC2::Volume::Id',
  'AWS::Route53::HostedZone::Id',
  'AWS::SSM::Parameter::Name',
]);
const LIST_TYPE = /^List<.+>$/;
const SSM_VALUE_TYPE = /^AWS::SSM::Parameter::Value<.+>$/;

/**
 * True when `type` is a parameter type CloudFormation accepts: a documented one, or any `List<…>` /
 * `AWS::SSM::Parameter::Value<…>` (CloudFormation accepts those and validates only the documented
 * inner types; cfn-lint does the same since aws-cloudformation/cfn-lint#4361).
 */
export function isParameterType(type: string): boolean {
  return PLAIN_PARAMETER_TYPES.has(type) || LIST_TYPE.test(type) || SSM_VALUE_TYPE.test(type);
}

/** True for a list parameter type (CommaDelimitedList, List<…>): its value is comma-separated. */
export function isListParameterType(type: string): boolean {
  return type === 'CommaDelimitedList' || LIST_TYPE.test(type);
}

/** True for an `AWS::SSM::Parameter::Value<…>` type: its Default names an SSM parameter, not a value. */
export function isSsmValueParameterType(type: string): boolean {
  return SSM_VALUE_TYPE.test(type);
}
