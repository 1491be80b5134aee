/**
 * Templates for the scale benchmark and the hostile-input tests (issue 6): realistic resources in a
 * repeating mix, and a condition-heavy template of the kind that sends cfn-lint into minutes and GBs
 * (its issues #2874, #4387, #2212). Deterministic: the same arguments give the same text.
 */

/** One group of seven resources that reference each other and a shared VPC, as real stacks do. */
function group(i: number, count: number): string[] {
  const next = (i + 1) % count;
  return [
    `  Queue${i}:
    Type: AWS::SQS::Queue
    Condition: ${i % 3 === 0 ? 'IsProd' : 'HasAlarms'}
    Properties:
      QueueName: !Sub '\${AWS::StackName}-queue-${i}'
      VisibilityTimeout: ${30 + (i % 60)}
      RedrivePolicy:
        deadLetterTargetArn: !GetAtt DeadLetter${i}.Arn
        maxReceiveCount: 5`,
    `  DeadLetter${i}:
    Type: AWS::SQS::Queue
    Properties:
      MessageRetentionPeriod: 1209600`,
    `  Bucket${i}:
    Type: AWS::S3::Bucket
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: aws:kms
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        BlockPublicPolicy: true
        IgnorePublicAcls: true
        RestrictPublicBuckets: true
      VersioningConfiguration:
        Status: Enabled
      Tags:
        - Key: team
          Value: !Ref Team
        - Key: index
          Value: '${i}'`,
    `  Role${i}:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              Service: lambda.amazonaws.com
            Action: sts:AssumeRole
      Policies:
        - PolicyName: access
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: [s3:GetObject, s3:PutObject]
                Resource: !Sub '\${Bucket${i}.Arn}/*'
              - Effect: Allow
                Action: sqs:SendMessage
                Resource: !If [HasAlarms, !GetAtt DeadLetter${i}.Arn, !GetAtt DeadLetter${next}.Arn]`,
    `  Function${i}:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      Role: !GetAtt Role${i}.Arn
      Timeout: 30
      Code:
        ZipFile: |
          def handler(event, context):
              return {"index": ${i}}
      Environment:
        Variables:
          BUCKET: !Ref Bucket${i}
          NEXT_QUEUE: !If [IsProd, !Ref DeadLetter${next}, !Ref AWS::NoValue]`,
    `  Topic${i}:
    Type: AWS::SNS::Topic
    Properties:
      Subscription:
        - Endpoint: !GetAtt DeadLetter${i}.Arn
          Protocol: sqs`,
    `  Group${i}:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: !Join [' ', [group, '${i}', !Ref Team]]
      VpcId: !Ref Vpc
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 443
          ToPort: 443
          CidrIp: 10.0.0.0/8`,
  ];
}

/**
 * A YAML template of exactly `resources` resources: a VPC, groups of seven, and plain queues for the
 * remainder; with parameters, conditions and outputs. Clean apart from CloudFormation's limits.
 */
export function scaleTemplate(resources: number): string {
  const groups = Math.floor((resources - 1) / 7);
  const out: string[] = [];
  for (let i = 0; i < groups; i++) out.push(...group(i, groups));
  for (let k = 0; out.length < resources - 1; k++) out.push(`  Extra${k}:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: ${k % 900}`);
  const outputs = Math.min(groups, 150);
  return [
    "AWSTemplateFormatVersion: '2010-09-09'",
    `Description: scale benchmark, ${resources} resources`,
    'Parameters:',
    '  Team:',
    '    Type: String',
    '    Default: platform',
    '  Stage:',
    '    Type: String',
    '    AllowedValues: [dev, prod]',
    '    Default: dev',
    'Conditions:',
    '  IsProd: !Equals [!Ref Stage, prod]',
    '  HasAlarms: !Or [!Condition IsProd, !Equals [!Ref Team, ops]]',
    'Resources:',
    '  Vpc:',
    '    Type: AWS::EC2::VPC',
    '    Properties:',
    '      CidrBlock: 10.0.0.0/16',
    ...out,
    ...(outputs > 0 ? ['Outputs:'] : []),
    ...Array.from({ length: outputs }, (_, i) => `  Bucket${i}Arn:\n    Value: !GetAtt Bucket${i}.Arn\n    Export:\n      Name: !Sub '\${AWS::StackName}-bucket-${i}'`),
    '',
  ].join('\n');
}

/** The smallest {@link scaleTemplate} of at least `bytes` bytes. */
export function scaleTemplateOfSize(bytes: number): string {
  const perResource = scaleTemplate(701).length / 701;
  let n = Math.ceil(bytes / perResource);
  let text = scaleTemplate(n);
  while (Buffer.byteLength(text) < bytes) text = scaleTemplate((n += 50));
  return text;
}

/**
 * `conditions` conditions, each combining the two before it through Fn::And, Fn::Or and Fn::Not (so
 * expanding the last one into its parameter comparisons takes Fibonacci(n) steps), resources that
 * each carry one, and values nested through Fn::If over ten conditions at a time.
 */
export function conditionHeavyTemplate(conditions = 50): string {
  const lines: string[] = ["AWSTemplateFormatVersion: '2010-09-09'", 'Parameters:'];
  for (let i = 0; i < conditions; i++) lines.push(`  P${i}:`, '    Type: String', '    AllowedValues: [a, b]', '    Default: a');
  lines.push('Conditions:');
  for (let i = 0; i < conditions; i++) {
    if (i < 2) lines.push(`  C${i}: !Equals [!Ref P${i}, a]`);
    else lines.push(`  C${i}: !Or [!And [!Condition C${i - 1}, !Condition C${i - 2}], !Not [!Condition C${i - 1}], !Equals [!Ref P${i}, b]]`);
  }
  const nestedIf = (from: number, depth: number, leaf: (k: number) => string): string =>
    depth === 0 ? leaf(from) : `!If [C${from % conditions}, ${nestedIf(from + 1, depth - 1, leaf)}, ${leaf(from + 100)}]`;
  lines.push('Resources:');
  for (let i = 0; i < conditions; i++) {
    lines.push(
      `  Queue${i}:`,
      '    Type: AWS::SQS::Queue',
      `    Condition: C${i}`,
      '    Properties:',
      `      DelaySeconds: ${nestedIf(i, 10, (k) => String(k % 900))}`,
      `      QueueName: ${nestedIf(i + 7, 10, (k) => `q${k}`)}`,
      i + 1 < conditions
        ? `      RedrivePolicy: !If [C${(i + 3) % conditions}, {deadLetterTargetArn: !GetAtt Queue${i + 1}.Arn, maxReceiveCount: 3}, !Ref AWS::NoValue]`
        : '      RedrivePolicy: !Ref AWS::NoValue',
    );
  }
  lines.push('Outputs:');
  for (let i = 0; i < conditions; i += 5) {
    lines.push(`  Out${i}:`, `    Condition: C${i}`, `    Value: ${nestedIf(i, 10, (k) => `v${k}`)}`);
  }
  return lines.join('\n') + '\n';
}
