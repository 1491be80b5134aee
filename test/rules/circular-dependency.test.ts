import { rule } from '../../rules/circular-dependency';
import { ruleTester, runRule } from '../support/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'a chain through Ref, GetAtt, Sub and DependsOn',
      code: `Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.0.0.0/16 }
  Subnet:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: !GetAtt Vpc.CidrBlock }
  Group:
    Type: AWS::EC2::SecurityGroup
    DependsOn: Subnet
    Properties: { GroupDescription: !Sub '\${Subnet} in \${Vpc.CidrBlock}', VpcId: !Ref Vpc }
`,
    },
    {
      name: 'security groups that refer to each other through separate ingress resources',
      code: `Resources:
  Web:
    Type: AWS::EC2::SecurityGroup
    Properties: { GroupDescription: web }
  Db:
    Type: AWS::EC2::SecurityGroup
    Properties: { GroupDescription: db }
  DbFromWeb:
    Type: AWS::EC2::SecurityGroupIngress
    Properties: { GroupId: !Ref Db, SourceSecurityGroupId: !Ref Web, IpProtocol: tcp, FromPort: 5432, ToPort: 5432 }
  WebFromDb:
    Type: AWS::EC2::SecurityGroupIngress
    Properties: { GroupId: !Ref Web, SourceSecurityGroupId: !Ref Db, IpProtocol: tcp, FromPort: 80, ToPort: 80 }
`,
    },
    {
      name: 'conditions, outputs, parameters and Sub variable maps do not make resource dependencies',
      code: `Parameters:
  Name:
    Type: String
Conditions:
  HasName: !Not [!Equals [!Ref Name, '']]
Resources:
  A:
    Type: AWS::SNS::Topic
    Condition: HasName
    Properties:
      TopicName: !Sub ['\${B}', { B: !Ref Name }]
  B:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: !Sub '\${!A}'
Outputs:
  A:
    Value: !Ref A
`,
    },
  ],
  invalid: [
    {
      name: 'two resources that Ref each other',
      code: `Resources:
  Web:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - SourceSecurityGroupId: !Ref Db
  Db:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: db
      SecurityGroupIngress:
        - SourceSecurityGroupId: !GetAtt Web.GroupId
`,
      errors: [{ messageId: 'cycle', line: 2, column: 3, resource: 'Web' }],
    },
    {
      name: 'a resource that refers to itself',
      code: `Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: !Sub '\${Topic.TopicName}-copy'
`,
      errors: [{ messageId: 'cycle', line: 2 }],
    },
    {
      name: 'a three-resource cycle through DependsOn, GetAtt and Sub; one finding for the cycle',
      code: `Resources:
  A:
    Type: AWS::SNS::Topic
    DependsOn: [B]
  B:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: !GetAtt C.TopicName
  C:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: !Sub '\${A}'
`,
      errors: [{ messageId: 'cycle', line: 2 }],
    },
    {
      name: 'two separate cycles, JSON',
      code: `{
  "Resources": {
    "A": { "Type": "AWS::SNS::Topic", "DependsOn": "B" },
    "B": { "Type": "AWS::SNS::Topic", "DependsOn": "A" },
    "C": { "Type": "AWS::SNS::Topic", "DependsOn": "A" },
    "D": { "Type": "AWS::SNS::Topic", "Properties": { "TopicName": { "Ref": "E" } } },
    "E": { "Type": "AWS::SNS::Topic", "Properties": { "TopicName": { "Ref": "D" } } }
  }
}
`,
      errors: [
        { messageId: 'cycle', line: 3 },
        { messageId: 'cycle', line: 6 },
      ],
    },
  ],
});

describe('circular-dependency messages and scale', () => {
  it('names the cycle from its first resource', () => {
    const code = 'Resources:\n  A:\n    Type: AWS::SNS::Topic\n    DependsOn: B\n  B:\n    Type: AWS::SNS::Topic\n    DependsOn: C\n  C:\n    Type: AWS::SNS::Topic\n    DependsOn: [A, B]\n';
    expect(runRule(rule, code).map((f) => f.message)).toEqual(['circular dependency between resources: A → B → C → A']);
  });

  // JSON: the scale is the rule's, not the YAML reader's.
  const resources = (body: (i: number) => object) => JSON.stringify({ Resources: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`R${i}`, { Type: 'AWS::SNS::Topic', ...body(i) }])) }, null, 1);

  it('finds one cycle through 5,000 resources without deep recursion', () => {
    const findings = runRule(rule, resources((i) => ({ DependsOn: `R${(i + 1) % 5000}` })));
    expect(findings.map((f) => [f.line, f.message])).toEqual([[3, 'circular dependency between resources: R0 → R1 → R2 → R3 → R4 → R5 → R6 → R7 → … → R0 (5000 resources)']]);
  });

  it('stays quiet on 5,000 resources in a long chain', () => {
    const code = resources((i) => (i > 0 ? { Properties: { TopicName: { 'Fn::GetAtt': [`R${i - 1}`, 'TopicName'] } } } : {}));
    expect(runRule(rule, code)).toEqual([]);
  });
});
