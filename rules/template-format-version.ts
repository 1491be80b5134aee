import { kindOf } from '../src/lint/shapes';
import type { Rule } from '../src/lint/types';

/** The only template format version CloudFormation has published. */
const FORMAT_VERSION = '2010-09-09';

/** Reports an AWSTemplateFormatVersion other than "2010-09-09". */
export const rule: Rule = {
  meta: {
    id: 'template-format-version',
    severity: 'error',
    category: 'template',
    description: 'Require AWSTemplateFormatVersion, when present, to be "2010-09-09"',
    cfnLint: ['E1001'],
    options: {},
    messages: {
      wrongVersion: 'AWSTemplateFormatVersion must be "2010-09-09", found "{{version}}"',
      notAString: 'AWSTemplateFormatVersion must be the string "2010-09-09", found {{kind}}',
    },
  },
  create(context) {
    return {
      template(template) {
        const sections = template as unknown as { [key: string]: unknown };
        if (!('AWSTemplateFormatVersion' in sections)) return;
        // The YAML reader keeps an unquoted 2010-09-09 a string, so a date-looking value is fine here.
        const version = sections.AWSTemplateFormatVersion;
        if (typeof version !== 'string') {
          context.report({ path: ['AWSTemplateFormatVersion'], messageId: 'notAString', data: { kind: kindOf(version) } });
        } else if (version !== FORMAT_VERSION) {
          context.report({ path: ['AWSTemplateFormatVersion'], messageId: 'wrongVersion', data: { version } });
        }
      },
    };
  },
};
