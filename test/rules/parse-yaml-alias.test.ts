import { rule } from '../../rules/parse-yaml-alias';
import { ruleTester } from '../support/rule-tester';

ruleTester(rule, {
  valid: ['Resources:\n  A:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: "&not-an-anchor *nor-alias"\n'],
  invalid: [
    {
      code: 'Resources:\n  A:\n    Type: AWS::SQS::Queue\n    Properties: &p\n      DelaySeconds: 1\n  B:\n    Type: AWS::SQS::Queue\n    Properties: *p\n',
      errors: [
        { messageId: 'anchor', line: 4, column: 17 },
        { messageId: 'alias', line: 8, column: 17 },
      ],
    },
  ],
});
