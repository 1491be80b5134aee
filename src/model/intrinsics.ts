/**
 * CloudFormation intrinsic functions as a closed, typed family.
 *
 * Every intrinsic in a template model is an {@link Intrinsic} instance; everything else is plain data.
 * `Value<T>` is what a property accepts: a literal `T` or any intrinsic that resolves to one at deploy
 * time. See https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
 */

/** Long-form names of the intrinsic functions cfnkit models, in CloudFormation's spelling. */
export const INTRINSIC_NAMES = [
  'Ref',
  'Fn::GetAtt',
  'Fn::Sub',
  'Fn::Join',
  'Fn::Select',
  'Fn::Split',
  'Fn::If',
  'Fn::Equals',
  'Fn::And',
  'Fn::Or',
  'Fn::Not',
  'Fn::FindInMap',
  'Fn::ImportValue',
  'Fn::Base64',
  'Fn::Cidr',
  'Fn::GetAZs',
  'Condition',
  'Fn::Transform',
] as const;

/** One of {@link INTRINSIC_NAMES}. */
export type IntrinsicName = (typeof INTRINSIC_NAMES)[number];

const NAME_SET: ReadonlySet<string> = new Set(INTRINSIC_NAMES);

/** True when `key` is the long-form name of a modelled intrinsic function. */
export function isIntrinsicName(key: string): key is IntrinsicName {
  return NAME_SET.has(key);
}

/** A literal `T` or an intrinsic function that yields one at deploy time. */
export type Value<T = TemplateValue> = T | Intrinsic;

/** Any value that can stand in a template: scalars, lists, maps and intrinsics. */
export type TemplateValue =
  | string
  | number
  | boolean
  | null
  | Intrinsic
  | TemplateValue[]
  | { [key: string]: TemplateValue };

/** Argument shapes per function, as the CloudFormation reference documents them. */
export interface IntrinsicArgs {
  Ref: string;
  'Fn::GetAtt': [string, Value<string>];
  'Fn::Sub': string | [string, { [name: string]: TemplateValue }];
  'Fn::Join': [string, Value<TemplateValue[]>];
  'Fn::Select': [Value<number | string>, Value<TemplateValue[]>];
  'Fn::Split': [string, Value<string>];
  'Fn::If': [string, TemplateValue, TemplateValue];
  'Fn::Equals': [TemplateValue, TemplateValue];
  'Fn::And': TemplateValue[];
  'Fn::Or': TemplateValue[];
  'Fn::Not': [TemplateValue];
  'Fn::FindInMap': [Value<string>, Value<string>, Value<string>] | [Value<string>, Value<string>, Value<string>, TemplateValue];
  'Fn::ImportValue': Value<string>;
  'Fn::Base64': Value<string>;
  'Fn::Cidr': [Value<string>, Value<number | string>, Value<number | string>];
  'Fn::GetAZs': Value<string>;
  Condition: string;
  'Fn::Transform': { Name: string; Parameters?: { [name: string]: TemplateValue } };
}

/**
 * One intrinsic function call. Built by the typed helpers below ({@link ref}, {@link getAtt}, …) or by
 * the parser, which keeps whatever arguments a template holds (lint checks their shape).
 */
export class Intrinsic<N extends IntrinsicName = IntrinsicName> {
  constructor(
    /** Long-form function name, e.g. `Fn::GetAtt`. */
    readonly fn: N,
    /** The function's arguments, exactly as CloudFormation receives them. */
    readonly args: IntrinsicArgs[N],
  ) {}
}

/** True when `value` is an intrinsic function call (of kind `fn`, when given). */
export function isIntrinsic<N extends IntrinsicName>(value: unknown, fn?: N): value is Intrinsic<N> {
  return value instanceof Intrinsic && (fn === undefined || value.fn === fn);
}

/** Pseudo parameters, valid targets of `Ref` in every template. */
export const PSEUDO_PARAMETERS = [
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
] as const;

/** One of {@link PSEUDO_PARAMETERS}. */
export type PseudoParameter = (typeof PSEUDO_PARAMETERS)[number];

/** Anything with a logical id: resources, parameters and conditions built by a template builder. */
export interface Referenceable {
  readonly logicalId: string;
}

/** `Ref` to a resource, parameter or pseudo parameter. */
export function ref(target: Referenceable | PseudoParameter): Intrinsic<'Ref'> {
  return new Intrinsic('Ref', typeof target === 'string' ? target : target.logicalId);
}

/** `Fn::Sub`, optionally with a variable map. */
export function sub(template: string, variables?: { [name: string]: TemplateValue }): Intrinsic<'Fn::Sub'> {
  return new Intrinsic('Fn::Sub', variables ? [template, variables] : template);
}

/** `Fn::Join`. */
export function join(delimiter: string, values: Value<TemplateValue[]>): Intrinsic<'Fn::Join'> {
  return new Intrinsic('Fn::Join', [delimiter, values]);
}

/** `Fn::Select`. */
export function select(index: Value<number | string>, list: Value<TemplateValue[]>): Intrinsic<'Fn::Select'> {
  return new Intrinsic('Fn::Select', [index, list]);
}

/** `Fn::Split`. */
export function split(delimiter: string, source: Value<string>): Intrinsic<'Fn::Split'> {
  return new Intrinsic('Fn::Split', [delimiter, source]);
}

/** `Fn::If` on a named condition. */
export function fnIf(condition: Referenceable | string, whenTrue: TemplateValue, whenFalse: TemplateValue): Intrinsic<'Fn::If'> {
  return new Intrinsic('Fn::If', [typeof condition === 'string' ? condition : condition.logicalId, whenTrue, whenFalse]);
}

/** `Fn::Equals`. */
export function equals(a: TemplateValue, b: TemplateValue): Intrinsic<'Fn::Equals'> {
  return new Intrinsic('Fn::Equals', [a, b]);
}

/** `Fn::And` (2 to 10 conditions). */
export function and(...conditions: TemplateValue[]): Intrinsic<'Fn::And'> {
  return new Intrinsic('Fn::And', conditions);
}

/** `Fn::Or` (2 to 10 conditions). */
export function or(...conditions: TemplateValue[]): Intrinsic<'Fn::Or'> {
  return new Intrinsic('Fn::Or', conditions);
}

/** `Fn::Not`. */
export function not(condition: TemplateValue): Intrinsic<'Fn::Not'> {
  return new Intrinsic('Fn::Not', [condition]);
}

/** `Fn::FindInMap`. */
export function findInMap(map: Referenceable | string, topKey: Value<string>, secondKey: Value<string>): Intrinsic<'Fn::FindInMap'> {
  return new Intrinsic('Fn::FindInMap', [typeof map === 'string' ? map : map.logicalId, topKey, secondKey]);
}

/** `Fn::ImportValue` of another stack's export. */
export function importValue(exportName: Value<string>): Intrinsic<'Fn::ImportValue'> {
  return new Intrinsic('Fn::ImportValue', exportName);
}

/** `Fn::Base64`. */
export function base64(value: Value<string>): Intrinsic<'Fn::Base64'> {
  return new Intrinsic('Fn::Base64', value);
}

/** `Fn::Cidr`: `count` subnets of `2^cidrBits` addresses each carved out of `ipBlock`. */
export function cidr(ipBlock: Value<string>, count: Value<number | string>, cidrBits: Value<number | string>): Intrinsic<'Fn::Cidr'> {
  return new Intrinsic('Fn::Cidr', [ipBlock, count, cidrBits]);
}

/** `Fn::GetAZs`; the empty string means the stack's region. */
export function getAZs(region: Value<string> = ''): Intrinsic<'Fn::GetAZs'> {
  return new Intrinsic('Fn::GetAZs', region);
}

/** `Condition` reference, valid inside Conditions and `Fn::If` / `Fn::And` / `Fn::Or` / `Fn::Not`. */
export function conditionRef(condition: Referenceable | string): Intrinsic<'Condition'> {
  return new Intrinsic('Condition', typeof condition === 'string' ? condition : condition.logicalId);
}

/** `Fn::Transform` (a macro call); always emitted in long form. */
export function transform(name: string, parameters?: { [name: string]: TemplateValue }): Intrinsic<'Fn::Transform'> {
  return new Intrinsic('Fn::Transform', parameters ? { Name: name, Parameters: parameters } : { Name: name });
}
