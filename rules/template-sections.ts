import { SECTION_ORDER } from '../src/model/template';
import { functionName, isMapping, kindOf, transformNames, transformSupport } from '../src/lint/shapes';
import type { Rule } from '../src/lint/types';
import { isPlainObject } from '../src/lint/walk';

/**
 * The top-level sections CloudFormation reads. See
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html
 */
const SECTIONS: ReadonlySet<string> = new Set(SECTION_ORDER);

/**
 * The ECS blue/green transform reads a top-level `Hooks` section. See
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/blue-green.html
 */
const CODE_DEPLOY_BLUE_GREEN = 'AWS::CodeDeployBlueGreen';

/** Sections whose value is a mapping of named entries. `Resources` is left to resources-required when empty. */
const MAPPING_SECTIONS = ['Metadata', 'Parameters', 'Rules', 'Mappings', 'Conditions', 'Resources', 'Outputs'] as const;

/** Reports unknown top-level sections and sections whose value has the wrong type. */
export const rule: Rule = {
  meta: {
    id: 'template-sections',
    severity: 'error',
    category: 'template',
    description: 'Require known top-level sections, each with the value type CloudFormation expects',
    cfnLint: ['E1001', 'E1004', 'E1005', 'E2001', 'E6003', 'E7001', 'E8001'],
    options: {},
    messages: {
      unknownSection: '"{{section}}" is not a template section (CloudFormation reads AWSTemplateFormatVersion, Description, Metadata, Parameters, Rules, Mappings, Conditions, Transform, Resources and Outputs)',
      globalsWithoutSam: 'the Globals section is read only by the AWS SAM transform: add "Transform: AWS::Serverless-2016-10-31"',
      descriptionType: 'Description must be a string, found {{kind}}',
      notAMapping: '{{section}} must be a mapping, found {{kind}}',
      transformType: 'Transform must be a transform name, a {Name, Parameters} mapping or a list of them, found {{kind}}',
    },
  },
  create(context) {
    return {
      template(template) {
        const sections = template as unknown as { [key: string]: unknown };
        const support = transformSupport(template);
        const blueGreen = transformNames(template).includes(CODE_DEPLOY_BLUE_GREEN);
        for (const key of Object.keys(sections)) {
          if (SECTIONS.has(key) || key === 'Fn::Transform') continue;
          if (key === 'Globals') {
            if (!support.sam) context.report({ path: [key], key: true, messageId: 'globalsWithoutSam' });
            else if (!isMapping(sections[key])) context.report({ path: [key], messageId: 'notAMapping', data: { section: key, kind: kindOf(sections[key]) } });
          } else if (key === 'Hooks' && blueGreen) {
            if (!isMapping(sections[key])) context.report({ path: [key], messageId: 'notAMapping', data: { section: key, kind: kindOf(sections[key]) } });
          } else if (!support.macro) {
            context.report({ path: [key], key: true, messageId: 'unknownSection', data: { section: key } });
          }
        }

        if ('Description' in sections && typeof sections.Description !== 'string') {
          context.report({ path: ['Description'], messageId: 'descriptionType', data: { kind: kindOf(sections.Description) } });
        }
        for (const section of MAPPING_SECTIONS) {
          if (!(section in sections)) continue;
          const value = sections[section];
          if (section === 'Resources' && (value === null || value === undefined)) continue;
          // AWS::Include may supply any section but Parameters (and the format version).
          if (section !== 'Parameters' && functionName(value) === 'Fn::Transform') continue;
          if (!isMapping(value)) context.report({ path: [section], messageId: 'notAMapping', data: { section, kind: kindOf(value) } });
        }
        if ('Transform' in sections) {
          const value = sections.Transform;
          const ok = Array.isArray(value) ? value.every(isTransformDeclaration) : isTransformDeclaration(value);
          if (!ok) context.report({ path: ['Transform'], messageId: 'transformType', data: { kind: kindOf(value) } });
        }
      },
    };
  },
};

/** A transform name, or `{Name, Parameters}` (AWS::Include and macros with parameters). */
function isTransformDeclaration(value: unknown): boolean {
  if (typeof value === 'string') return value !== '';
  return isPlainObject(value) && typeof value.Name === 'string' && Object.keys(value).every((k) => k === 'Name' || k === 'Parameters');
}
