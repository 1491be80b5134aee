import { SNAPSHOT_TYPES } from '../src/spec/retention';
import { Intrinsic } from '../src/model/intrinsics';
import { functionName, isMapping, kindOf, transformSupport, visitEntries } from '../src/lint/shapes';
import type { Rule } from '../src/lint/types';
import { isPlainObject } from '../src/lint/walk';

/**
 * Resource attributes. See
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-product-attribute-reference.html
 */
const ATTRIBUTES: ReadonlySet<string> = new Set([
  'Type',
  'Properties',
  'DependsOn',
  'Condition',
  'Metadata',
  'DeletionPolicy',
  'UpdateReplacePolicy',
  'CreationPolicy',
  'UpdatePolicy',
]);
/** Attributes the AWS SAM transform reads and removes: embedded connectors and per-resource Globals opt-out. */
const SAM_ATTRIBUTES: ReadonlySet<string> = new Set(['Connectors', 'IgnoreGlobals']);
/** `Version` is a legacy attribute of custom resources only. */
const CUSTOM_RESOURCE = /^(AWS::CloudFormation::CustomResource$|Custom::)/;

const DELETION_POLICIES = ['Delete', 'Retain', 'RetainExceptOnCreate', 'Snapshot'];
/** UpdateReplacePolicy has no RetainExceptOnCreate. */
const UPDATE_REPLACE_POLICIES = ['Delete', 'Retain', 'Snapshot'];
/** Functions CloudFormation resolves in DeletionPolicy / UpdateReplacePolicy (cfn-lint E3035 / E3036 accept the same). */
const POLICY_FUNCTIONS: ReadonlySet<string> = new Set(['Ref', 'Fn::If', 'Fn::Sub', 'Fn::Select', 'Fn::FindInMap']);

/** Reports resources whose entry is not shaped as CloudFormation reads it. */
export const rule: Rule = {
  meta: {
    id: 'resource-shape',
    severity: 'error',
    category: 'template',
    description: 'Require each resource to have a string Type, only resource attributes, and attribute values of the right shape',
    cfnLint: ['E3001', 'E3002', 'E3005', 'E3035', 'E3036'],
    options: {},
    messages: {
      notAMapping: 'resource "{{id}}" must be a mapping, found {{kind}}',
      missingType: 'resource "{{id}}" has no Type',
      typeNotString: 'Type must be a resource type name, found {{kind}}',
      unknownAttribute: '"{{attribute}}" is not a resource attribute (Type, Properties, DependsOn, Condition, Metadata, DeletionPolicy, UpdateReplacePolicy, CreationPolicy, UpdatePolicy)',
      notAMappingAttribute: '{{attribute}} must be a mapping, found {{kind}}',
      dependsOnShape: 'DependsOn must be a logical id or a list of logical ids, found {{kind}}',
      conditionNotString: 'Condition must be a condition name, found {{kind}}',
      badPolicy: '{{attribute}} must be one of {{allowed}}, found "{{value}}"',
      snapshotUnsupported: '{{attribute}} Snapshot is not supported by {{type}}; it applies to {{types}}',
      policyShape: '{{attribute}} must be a policy name, found {{kind}}',
    },
  },
  create(context) {
    return {
      template(template) {
        const support = transformSupport(template);
        const visit = (path: Array<string | number>, id: string, resource: unknown) => {
          if (functionName(resource) === 'Fn::Transform') return; // AWS::Include supplies the entry
          if (!isPlainObject(resource)) {
            context.report({ path, messageId: 'notAMapping', data: { id, kind: kindOf(resource) } });
            return;
          }
          const type = typeof resource.Type === 'string' ? resource.Type : '';
          // AWS::Include may supply any part of the entry, Type included.
          const included = 'Fn::Transform' in resource;
          if (!('Type' in resource)) {
            if (!included) context.report({ path, key: true, messageId: 'missingType', data: { id } });
          }
          else if (typeof resource.Type !== 'string' || resource.Type === '') {
            context.report({ path: [...path, 'Type'], messageId: 'typeNotString', data: { kind: kindOf(resource.Type) } });
          }

          for (const attribute of Object.keys(resource)) {
            if (ATTRIBUTES.has(attribute) || attribute === 'Fn::Transform') continue;
            if (support.sam && SAM_ATTRIBUTES.has(attribute)) continue;
            if (attribute === 'Version' && CUSTOM_RESOURCE.test(type)) continue;
            // A macro may read attributes of its own (Count, ExplodeMap…) and remove them.
            if (support.macro) continue;
            context.report({ path: [...path, attribute], key: true, messageId: 'unknownAttribute', data: { attribute } });
          }

          if ('Properties' in resource && !isPlainObject(resource.Properties) && !isIntrinsic(resource.Properties, 'Fn::If')) {
            context.report({ path: [...path, 'Properties'], messageId: 'notAMappingAttribute', data: { attribute: 'Properties', kind: kindOf(resource.Properties) } });
          }
          for (const attribute of ['Metadata', 'CreationPolicy', 'UpdatePolicy'] as const) {
            const value = resource[attribute];
            if (value === undefined || value === null || isMapping(value) || isIntrinsic(value, 'Fn::If')) continue;
            context.report({ path: [...path, attribute], messageId: 'notAMappingAttribute', data: { attribute, kind: kindOf(value) } });
          }
          if ('DependsOn' in resource) {
            const dependsOn = resource.DependsOn;
            const ok = isName(dependsOn) || (Array.isArray(dependsOn) && dependsOn.every(isName));
            if (!ok) context.report({ path: [...path, 'DependsOn'], messageId: 'dependsOnShape', data: { kind: kindOf(dependsOn) } });
          }
          if ('Condition' in resource && !isName(resource.Condition)) {
            context.report({ path: [...path, 'Condition'], messageId: 'conditionNotString', data: { kind: kindOf(resource.Condition) } });
          }
          policy(path, resource, 'DeletionPolicy', DELETION_POLICIES, type);
          policy(path, resource, 'UpdateReplacePolicy', UPDATE_REPLACE_POLICIES, type);
        };

        const policy = (path: Array<string | number>, resource: { [key: string]: unknown }, attribute: string, allowed: string[], type: string) => {
          if (!(attribute in resource)) return;
          const value = resource[attribute];
          const at = [...path, attribute];
          if (value instanceof Intrinsic) {
            if (!POLICY_FUNCTIONS.has(value.fn)) context.report({ path: at, messageId: 'policyShape', data: { attribute, kind: value.fn } });
            return;
          }
          if (typeof value !== 'string') {
            context.report({ path: at, messageId: 'policyShape', data: { attribute, kind: kindOf(value) } });
          } else if (!allowed.includes(value)) {
            context.report({ path: at, messageId: 'badPolicy', data: { attribute, value, allowed: allowed.join(', ') } });
          } else if (value === 'Snapshot' && type !== '' && !SNAPSHOT_TYPES.has(type)) {
            context.report({ path: at, messageId: 'snapshotUnsupported', data: { attribute, type, types: [...SNAPSHOT_TYPES].join(', ') } });
          }
        };

        visitEntries('Resources', (template as unknown as { Resources?: unknown }).Resources, support.languageExtensions, visit);
      },
    };
  },
};

function isName(value: unknown): boolean {
  return typeof value === 'string' && value !== '';
}

function isIntrinsic(value: unknown, fn: string): boolean {
  return value instanceof Intrinsic && value.fn === fn;
}
