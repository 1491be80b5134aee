import { rule } from '../../rules/get-att-attribute';
import { ruleTester } from '../support/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'listed attributes, dotted ones, in GetAtt and Fn::Sub',
      code: `Resources:
  Db:
    Type: AWS::RDS::DBInstance
  Bucket:
    Type: AWS::S3::Bucket
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !GetAtt Db.Endpoint.Address
      DelaySeconds:
        Fn::GetAtt: [Db, Endpoint.Port]
      RedrivePolicy: !Sub '\${Bucket.Arn}/\${Bucket.RegionalDomainName}'
`,
    },
    {
      name: 'nested stack and provisioned product outputs',
      code: `Resources:
  Network:
    Type: AWS::CloudFormation::Stack
    Properties: { TemplateURL: https://example.com/network.yaml }
  Product:
    Type: AWS::ServiceCatalog::CloudFormationProvisionedProduct
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !GetAtt Network.Outputs.VpcId
      DelaySeconds: !GetAtt Product.Outputs.Delay
`,
    },
    {
      name: 'custom, SAM, third-party and unknown types accept any attribute',
      code: `Transform: AWS::Serverless-2016-10-31
Resources:
  Lookup:
    Type: Custom::AmiLookup
  Legacy:
    Type: AWS::CloudFormation::CustomResource
  Handler:
    Type: AWS::Serverless::Function
  Thing:
    Type: Acme::Widgets::Widget
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !GetAtt Lookup.ImageId
      DelaySeconds: !GetAtt Legacy.Anything
      RedrivePolicy: !Sub '\${Handler.Arn} \${Thing.Color}'
`,
    },
    {
      name: 'types that return their properties; Id; paths below properties',
      code: `Resources:
  Queue:
    Type: AWS::SQS::Queue
  Subnet:
    Type: AWS::EC2::Subnet
  Record:
    Type: AWS::Route53::RecordSet
  Other:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: !GetAtt Queue.DelaySeconds
      DisplayName: !GetAtt Subnet.MapPublicIpOnLaunch
      KmsMasterKeyId: !GetAtt Record.Id
`,
    },
    {
      name: 'undocumented attributes spec/patches.json adds',
      code: `Resources:
  Search:
    Type: AWS::OpenSearchService::Domain
  Instance:
    Type: AWS::ServiceDiscovery::Instance
    Properties: { ServiceId: srv-1, InstanceAttributes: { AWS_INSTANCE_IPV4: 10.0.0.1 } }
  Other:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: !GetAtt Search.DomainArn
      DisplayName: !GetAtt Instance.InstanceId
`,
    },
    {
      name: 'a computed attribute or resource type is not checked; a missing resource is for ref-target',
      code: `Parameters:
  Attr:
    Type: String
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Queue:
    Type: !Ref AWS::NoValue
  Other:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: !GetAtt [Bucket, !Ref Attr]
      DisplayName: !GetAtt Queue.Whatever
      KmsMasterKeyId: !GetAtt Missing.Whatever
`,
    },
  ],
  invalid: [
    {
      name: 'a property name that S3 does not return',
      code: `Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: !GetAtt Bucket.BucketName
`,
      errors: [{ messageId: 'unknownAttribute', line: 7, resource: 'Topic' }],
    },
    {
      name: 'long form and Fn::Sub',
      code: `Resources:
  Role:
    Type: AWS::IAM::Role
  Fn:
    Type: AWS::Lambda::Function
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      TopicName:
        Fn::GetAtt:
          - Fn
          - FunctionName
      DisplayName: !Sub 'role \${Role.RoleName}'
`,
      errors: [
        { messageId: 'unknownAttribute', line: 12 },
        { messageId: 'unknownAttribute', line: 13 },
      ],
    },
    {
      name: 'a misspelt dotted attribute',
      code: `Resources:
  Db:
    Type: AWS::RDS::DBCluster
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: !GetAtt Db.Endpoint.Adress
      DisplayName: !Sub '\${Db.ReadEndpoint.Port}'
`,
      errors: [
        { messageId: 'unknownAttribute', line: 7 },
        { messageId: 'unknownAttribute', line: 8 },
      ],
    },
    {
      name: 'JSON, in Outputs',
      code: `{
  "Resources": { "Queue": { "Type": "AWS::SQS::Queue" } },
  "Outputs": { "Name": { "Value": { "Fn::GetAtt": ["Queue", "Url"] } } }
}
`,
      errors: [{ messageId: 'unknownAttribute', line: 3, resource: 'Name' }],
    },
  ],
});
