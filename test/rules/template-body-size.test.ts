import { rule } from '../../rules/template-body-size';
import { ruleTester } from '../support/rule-tester';

const y = (...lines: string[]) => lines.join('\n') + '\n';
const queue = ['Resources:', '  Queue:', '    Type: AWS::SQS::Queue'];
/** A template of exactly `bytes` UTF-8 bytes. */
const sized = (bytes: number) => {
  const base = y('Description: ', ...queue);
  return base.replace('Description: ', `Description: ${'x'.repeat(bytes - base.length)}`);
};

ruleTester(rule, {
  valid: [
    { name: 'small', code: y(...queue) },
    { name: 'exactly 51,200 bytes', code: sized(51_200) },
    { name: 'over 1 MB is template-limits\' error', code: sized(1_000_001) },
  ],
  invalid: [
    { name: '51,201 bytes', code: sized(51_201), errors: [{ messageId: 'needsS3', line: 1, column: 1 }] },
    { name: 'multi-byte characters count as bytes', code: y(`Description: ${'€'.repeat(17_100)}`, ...queue), errors: [{ messageId: 'needsS3', line: 1 }] },
  ],
});
