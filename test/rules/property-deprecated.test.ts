import { rule } from '../../rules/property-deprecated';
import { ruleTester } from '../support/rule-tester';

/** A template with one resource `R` of `type`; property lines start at line 5, indented 6. */
const res = (type: string, ...lines: string[]) => `Resources:\n  R:\n    Type: ${type}\n    Properties:\n${lines.map((l) => `      ${l}\n`).join('')}`;

ruleTester(rule, {
  valid: [
    res('AWS::EC2::EIPAssociation', 'AllocationId: !GetAtt Eip.AllocationId', 'InstanceId: !Ref Instance'),
    { name: 'unknown resource types', code: res('Acme::Widget::Thing', 'EIP: x') },
  ],
  invalid: [
    { code: res('AWS::EC2::EIPAssociation', 'EIP: !Ref Eip', 'InstanceId: !Ref Instance'), errors: [{ messageId: 'deprecated', line: 5, column: 7 }] },
    {
      name: 'nested',
      code: res('AWS::AutoScaling::AutoScalingGroup', 'MinSize: 1', 'MaxSize: 1', 'NotificationConfiguration:', '  TopicARN: !Ref Topic'),
      errors: [{ messageId: 'deprecated', line: 7 }],
    },
    { name: 'in an Fn::If branch', code: res('AWS::ElastiCache::CacheCluster', 'CacheNodeType: cache.t3.micro', 'Engine: redis', 'NumCacheNodes: 1', 'CacheSecurityGroupNames: !If [C, [a], !Ref AWS::NoValue]'), errors: [{ messageId: 'deprecated', line: 8 }] },
  ],
});
