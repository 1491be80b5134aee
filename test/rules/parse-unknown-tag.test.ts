import { rule } from '../../rules/parse-unknown-tag';
import { ruleTester } from '../support/rule-tester';

ruleTester(rule, {
  valid: ['Resources:\n  A:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Sub "${AWS::StackName}-q"\n'],
  invalid: [
    { code: 'Resources:\n  A:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Subb x\n', errors: [{ messageId: 'unknown-tag', line: 5, column: 18 }] },
    { name: 'pre-processor tag', code: 'Resources:\n  A:\n    Type: AWS::Lambda::Function\n    Properties:\n      Code: !Rain::Embed x.py\n', errors: [{ messageId: 'unknown-tag', line: 5 }] },
  ],
});
