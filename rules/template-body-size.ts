import { utf8Length } from '../src/lint/shapes';
import type { Rule } from '../src/lint/types';

/**
 * Largest template body CreateStack, UpdateStack and ValidateTemplate accept inline (TemplateBody). See
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html
 */
const MAX_INLINE_BYTES = 51_200;
/** Above this template-limits reports an error; this rule stays quiet. */
const MAX_BODY_BYTES = 1_000_000;

/** Warns when a template is too large to pass inline and must be uploaded to S3 first. */
export const rule: Rule = {
  meta: {
    id: 'template-body-size',
    severity: 'warning',
    category: 'template',
    description: 'Warn when a template body is over the 51,200 bytes CloudFormation accepts inline',
    cfnLint: [],
    options: {},
    messages: {
      needsS3: 'the template is {{size}} bytes, over the {{limit}} bytes CloudFormation accepts inline: upload it to S3 and pass --template-url (or deploy with --s3-bucket)',
    },
  },
  create(context) {
    return {
      template() {
        const size = utf8Length(context.parsed.text);
        if (size > MAX_INLINE_BYTES && size <= MAX_BODY_BYTES) context.report({ path: [], messageId: 'needsS3', data: { size, limit: MAX_INLINE_BYTES } });
      },
    };
  },
};
