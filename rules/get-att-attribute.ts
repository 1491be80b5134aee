import { templateReferences } from '../src/lint/refs';
import type { Rule } from '../src/lint/types';
import type { ResourceSpec } from '../src/spec';

/** Resource types whose attributes are whatever the provider returns. */
function anyAttribute(type: string): boolean {
  // SAM resources stand for the resources the transform creates; their attributes are those resources'.
  return type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource' || type.startsWith('AWS::Serverless::');
}

/**
 * True when the resource type returns `attribute`: an attribute the spec lists (dotted ones included;
 * spec/patches.json adds those CloudFormation returns undocumented, after cfn-lint 1.51's
 * src/cfnlint/schema/_getatts.py, among them every property of some types), a member of one
 * (`Outputs.VpcId` of a nested stack), `Id` (which many older types return without documenting it),
 * or a path below a property (`BgpPeers.0.BgpPeerId`, `InitialVersion.Cores`: list and nested values
 * registry types return). A plain property name of another type is a mistake worth reporting
 * (`AWS::S3::Bucket` `BucketName`, `AWS::IAM::Role` `RoleName`).
 */
function returns(spec: ResourceSpec, attribute: string): boolean {
  if (spec.a.includes(attribute) || attribute === 'Id') return true;
  const dot = attribute.indexOf('.');
  if (dot > 0 && Object.prototype.hasOwnProperty.call(spec.p, attribute.slice(0, dot))) return true;
  // A path below a listed attribute whose members the spec does not list (`Outputs.VpcId`,
  // `Certificate.CertificateArn`); when it lists some (`Endpoint.Address`), only those.
  for (let end = attribute.lastIndexOf('.'); end > 0; end = attribute.lastIndexOf('.', end - 1)) {
    const listed = attribute.slice(0, end);
    if (spec.a.includes(listed)) return !spec.a.some((a) => a.length > end && a.startsWith(listed) && a[end] === '.');
  }
  return false;
}

/**
 * Reports Fn::GetAtt (and `${Resource.Attribute}` Fn::Sub variables) naming an attribute the resource
 * type does not return: CloudFormation rejects the template ("Requested attribute … does not exist").
 */
export const rule: Rule = {
  meta: {
    id: 'get-att-attribute',
    severity: 'error',
    category: 'template',
    description: 'Require every GetAtt attribute to be one the resource type returns',
    cfnLint: ['E1010', 'E1019'],
    options: {},
    messages: {
      unknownAttribute: '{{type}} has no attribute "{{attribute}}" (resource "{{target}}")',
    },
  },
  create(context) {
    return {
      template(template) {
        const refs = templateReferences(template);
        for (const r of refs.targets) {
          if (typeof r.attribute !== 'string') continue;
          const type = refs.resources.get(r.target);
          if (!type || anyAttribute(type)) continue;
          const spec = context.spec.resource(type);
          if (!spec || returns(spec, r.attribute)) continue;
          context.report({ path: r.attributePath ?? r.path, messageId: 'unknownAttribute', data: { type, attribute: r.attribute, target: r.target } });
        }
      },
    };
  },
};
