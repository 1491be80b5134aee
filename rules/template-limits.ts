import { isExpansionKey, sectionEntries, utf8Length } from '../src/lint/shapes';
import type { Rule } from '../src/lint/types';

/**
 * CloudFormation's template quotas. See
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html
 */
const MAX_ENTRIES = { Resources: 500, Parameters: 200, Outputs: 200, Mappings: 200 } as const;
const MAX_MAPPING_ATTRIBUTES = 200;
const MAX_LOGICAL_ID = 255;
const MAX_DESCRIPTION_BYTES = 1024;
/** "1 MB" for a template read from S3; counted as 1,000,000 bytes, as cfn-lint's E1002 does. */
const MAX_BODY_BYTES = 1_000_000;

/** Sections whose entry names count against the 255-character name quota. */
const NAMED_SECTIONS = ['Resources', 'Parameters', 'Outputs', 'Mappings', 'Conditions'] as const;

/** Reports templates over CloudFormation's hard quotas: entry counts, name lengths, description and body size. */
export const rule: Rule = {
  meta: {
    id: 'template-limits',
    severity: 'error',
    category: 'template',
    description: 'Require a template within CloudFormation quotas for entry counts, name lengths, description and body size',
    cfnLint: ['E1002', 'E1003', 'E2010', 'E2011', 'E3010', 'E6010', 'E7010'],
    options: {},
    messages: {
      tooManyEntries: '{{section}} declares {{count}} entries; CloudFormation allows at most {{limit}}',
      tooManyAttributes: 'mapping "{{name}}" has {{count}} keys at one level; CloudFormation allows at most {{limit}}',
      nameTooLong: '{{section}} name is {{length}} characters long; CloudFormation allows at most {{limit}}',
      descriptionTooLong: 'Description is {{size}} bytes long; CloudFormation allows at most {{limit}}',
      bodyTooLarge: 'the template is {{size}} bytes; CloudFormation reads at most {{limit}} bytes, even from S3',
    },
  },
  create(context) {
    return {
      template(template) {
        const sections = template as unknown as { [key: string]: unknown };
        const size = utf8Length(context.parsed.text);
        if (size > MAX_BODY_BYTES) context.report({ path: [], messageId: 'bodyTooLarge', data: { size, limit: MAX_BODY_BYTES } });

        if (typeof sections.Description === 'string') {
          const bytes = utf8Length(sections.Description);
          if (bytes > MAX_DESCRIPTION_BYTES) context.report({ path: ['Description'], messageId: 'descriptionTooLong', data: { size: bytes, limit: MAX_DESCRIPTION_BYTES } });
        }

        for (const section of NAMED_SECTIONS) {
          const entries = sectionEntries(sections[section]);
          let count = 0;
          for (const [name] of entries) {
            if (isExpansionKey(name)) continue;
            count++;
            if (name.length > MAX_LOGICAL_ID) {
              context.report({ path: [section, name], key: true, messageId: 'nameTooLong', data: { section: singular(section), length: name.length, limit: MAX_LOGICAL_ID } });
            }
          }
          const limit = section === 'Conditions' ? undefined : MAX_ENTRIES[section];
          if (limit !== undefined && count > limit) context.report({ path: [section], key: true, messageId: 'tooManyEntries', data: { section, count, limit } });
        }

        for (const [name, mapping] of sectionEntries(sections.Mappings)) {
          const topKeys = sectionEntries(mapping);
          if (topKeys.length > MAX_MAPPING_ATTRIBUTES) {
            context.report({ path: ['Mappings', name], key: true, messageId: 'tooManyAttributes', data: { name, count: topKeys.length, limit: MAX_MAPPING_ATTRIBUTES } });
          }
          for (const [topKey, level] of topKeys) {
            const count = sectionEntries(level).length;
            if (count > MAX_MAPPING_ATTRIBUTES) {
              context.report({ path: ['Mappings', name, topKey], key: true, messageId: 'tooManyAttributes', data: { name, count, limit: MAX_MAPPING_ATTRIBUTES } });
            }
          }
        }
      },
    };
  },
};

function singular(section: string): string {
  return section === 'Resources' ? 'resource' : section === 'Mappings' ? 'mapping' : section === 'Parameters' ? 'parameter' : section === 'Outputs' ? 'output' : 'condition';
}
