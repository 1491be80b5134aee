/** fast-check arbitraries for template models: any value the builders and the parser can produce. */
import fc from 'fast-check';
import { INTRINSIC_NAMES, Intrinsic, TemplateValue, isIntrinsicName } from '../../src/model/intrinsics';
import type { Template } from '../../src/model/template';

/** Strings that trip YAML writers: 1.1 booleans, octals, dates, indicators, blank and multi-line text. */
const trickyStrings = fc.constantFrom(
  'yes', 'no', 'on', 'off', 'Y', 'n', 'true', 'NULL', '~', '', ' ', '010', '0777', '0x1F', '1_000', '1:20', '1e3', '.5',
  '2010-09-09', '2001-12-14t21:59:43.10-05:00', '- item', '? key', ': x', 'a: b', 'a #b', '#comment', '@at', '`tick',
  '!Ref x', '&anchor', '*alias', '%TAG', '|', '>', '"quoted"', "'single'", '{a}', '[a]', 'line1\nline2', 'trailing\n',
  '\nleading', '  indented\nx', 'tab\there', 'üñíçødé ✓', '${AWS::StackName}-x', '${!Literal}', 'a\\b', '<<', '__proto__',
);

const plainString = fc.oneof(fc.string({ maxLength: 12 }), trickyStrings);
const logicalId = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,11}$/);
const key = fc.oneof(logicalId, trickyStrings).filter((k) => !isIntrinsicName(k) && !k.startsWith('Fn::'));

const scalar: fc.Arbitrary<TemplateValue> = fc.oneof(
  plainString,
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Object.is(d, -0)),
  fc.boolean(),
  fc.constant(null),
);

/** Any template value up to a small depth, intrinsics included. */
export const templateValue: fc.Arbitrary<TemplateValue> = fc.letrec<{ value: TemplateValue; fn: Intrinsic }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4, noNullPrototype: true }).filter((o) => Object.keys(o).length !== 1 || !isIntrinsicName(Object.keys(o)[0])),
    tie('fn'),
  ),
  fn: fc.oneof(
    logicalId.map((id) => new Intrinsic('Ref', id)),
    fc.tuple(logicalId, fc.oneof(fc.stringMatching(/^[A-Za-z][A-Za-z0-9.]{0,10}$/), tie('fn'))).map(([a, b]) => new Intrinsic('Fn::GetAtt', [a, b] as never)),
    plainString.map((s) => new Intrinsic('Fn::Sub', s)),
    fc.tuple(plainString, fc.dictionary(logicalId, tie('value'), { maxKeys: 3, noNullPrototype: true })).map((a) => new Intrinsic('Fn::Sub', a)),
    fc.tuple(plainString, fc.oneof(fc.array(tie('value'), { maxLength: 3 }), tie('fn'))).map((a) => new Intrinsic('Fn::Join', a as never)),
    fc.tuple(fc.nat(5), tie('value')).map((a) => new Intrinsic('Fn::Select', a as never)),
    fc.tuple(logicalId, tie('value'), tie('value')).map((a) => new Intrinsic('Fn::If', a)),
    fc.tuple(tie('value'), tie('value')).map((a) => new Intrinsic('Fn::Equals', a)),
    fc.array(tie('fn'), { minLength: 2, maxLength: 3 }).map((a) => new Intrinsic('Fn::And', a)),
    fc.array(tie('fn'), { minLength: 2, maxLength: 3 }).map((a) => new Intrinsic('Fn::Or', a)),
    tie('fn').map((a) => new Intrinsic('Fn::Not', [a])),
    fc.tuple(logicalId, tie('value'), tie('value')).map((a) => new Intrinsic('Fn::FindInMap', a as never)),
    fc.oneof(plainString, tie('fn')).map((a) => new Intrinsic('Fn::ImportValue', a as never)),
    fc.oneof(plainString, tie('fn')).map((a) => new Intrinsic('Fn::Base64', a as never)),
    fc.tuple(tie('value'), fc.nat(16), fc.nat(16)).map((a) => new Intrinsic('Fn::Cidr', a as never)),
    fc.oneof(fc.constant(''), tie('fn')).map((a) => new Intrinsic('Fn::GetAZs', a as never)),
    logicalId.map((c) => new Intrinsic('Condition', c)),
    fc.tuple(logicalId, fc.dictionary(logicalId, tie('value'), { maxKeys: 2, noNullPrototype: true })).map(([n, p]) => new Intrinsic('Fn::Transform', { Name: n, Parameters: p })),
    fc.tuple(plainString, fc.oneof(plainString, tie('fn'))).map((a) => new Intrinsic('Fn::Split', a as never)),
  ),
})).value;

/** Mappings with integer-like and other keys, in any order. */
const mappings = fc
  .uniqueArray(fc.tuple(logicalId, fc.uniqueArray(fc.tuple(fc.oneof(logicalId, fc.nat(999).map(String)), fc.uniqueArray(fc.tuple(fc.oneof(logicalId, fc.nat(99).map(String)), templateValue), { maxLength: 3, selector: (e) => e[0] })), { minLength: 1, maxLength: 3, selector: (e) => e[0] })), { minLength: 1, maxLength: 2, selector: (e) => e[0] })
  .map((m) => new Map(m.map(([n, top]) => [n, new Map(top.map(([k, second]) => [k, new Map(second)]))])));

/** A whole template: resources with arbitrary properties, mappings, outputs. */
export const template: fc.Arbitrary<Template> = fc
  .record(
    {
      Description: plainString,
      Mappings: mappings,
      Resources: fc.dictionary(
        logicalId,
        fc.record({ Type: fc.constantFrom('AWS::S3::Bucket', 'Custom::Thing', 'AWS::EC2::VPC'), Properties: fc.dictionary(logicalId, templateValue, { maxKeys: 4, noNullPrototype: true }) }, { noNullPrototype: true }),
        { minKeys: 1, maxKeys: 4, noNullPrototype: true },
      ),
      Outputs: fc.dictionary(logicalId, fc.record({ Value: templateValue }, { noNullPrototype: true }), { maxKeys: 2, noNullPrototype: true }),
    },
    { requiredKeys: ['Resources'], noNullPrototype: true },
  )
  .map((t) => ({ AWSTemplateFormatVersion: '2010-09-09', ...t }) as Template);

export { INTRINSIC_NAMES };
