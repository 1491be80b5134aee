/**
 * `beanstalk-blue-green`: one Elastic Beanstalk application with a Blue and a Green load-balanced
 * environment, and weighted Route 53 CNAME records (TTL 60) to their load balancers. Shifting
 * BlueWeight and GreenWeight is the CloudFormation form of Beanstalk's "swap environment URLs",
 * and it can move traffic gradually. Deploy to the colour not taking traffic through its
 * VersionLabel and platform Parameters, then shift the weights.
 *
 * Both environments read the data-tier stack's exports as environment properties. A change of
 * SolutionStackName replaces the environment (a new one is created, the record follows its new
 * endpoint, the old one is deleted); a change of PlatformArn updates it in place.
 * See https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/using-features.CNAMESwap.html
 */
import { ParameterHandle, ResourceHandle, TemplateBuilder, getAtt } from '../src/model/builder';
import { equals, fnIf, join, not, ref, sub, Value } from '../src/model/intrinsics';
import type { Template } from '../src/model/template';
import type { ElasticBeanstalkEnvironmentOptionSetting } from '../src/spec/generated/resources';
import { HTTPS_SSL_POLICY } from './builders/alb';
import { instanceRole, instanceTypeParameter, managedPolicyArn, sizeParameters } from './builders/asg';
import { dnsParameters, weightedRecords, weightParameter, weightsRule } from './builders/dns';
import { networkParameters, NetworkParameters } from './builders/network';
import { BLUE_GREEN_OPTIONS, checkBlueGreenOptions, dataStackNameParameter, dataTierImport, parameterGroups } from './blue-green';
import { Pattern, withDefaults } from './pattern';
import { checkChoice } from './validate';

/** How the environments name their platform: `SolutionStackName` or `PlatformArn` Parameters. */
export const PLATFORM_CHOICES = ['solution-stack', 'platform-arn'] as const;

/** Options of the `beanstalk-blue-green` pattern. */
export interface BeanstalkBlueGreenOptions {
  /** Application name (letters and digits) used in descriptions. Default `webapp`. */
  readonly appName: string;
  /** Default of the BlueWeight Parameter, 0 to 255. Default 90. */
  readonly blueWeight: number;
  /** Default of the GreenWeight Parameter, 0 to 255. Default 10. */
  readonly greenWeight: number;
  /** `solution-stack` (default) or `platform-arn`. */
  readonly platform: (typeof PLATFORM_CHOICES)[number];
}

/**
 * Default solution stack; platform versions are superseded often, so pick a current one with
 * `aws elasticbeanstalk list-available-solution-stacks`.
 * See https://docs.aws.amazon.com/elasticbeanstalk/latest/platforms/platform-history-nodejs.html
 */
export const DEFAULT_SOLUTION_STACK = '64bit Amazon Linux 2023 v6.10.0 running Node.js 22';

/** TTL of the weighted CNAME records: short, so a weight change takes effect within a minute. */
export const RECORD_TTL = 60;

const COLOURS = [
  { id: 'Blue', name: 'blue' },
  { id: 'Green', name: 'green' },
] as const;

type Colour = (typeof COLOURS)[number];

interface Inputs {
  readonly network: NetworkParameters;
  readonly certificateArn: ParameterHandle;
  readonly instanceProfile: ResourceHandle<'AWS::IAM::InstanceProfile'>;
  readonly serviceRole: ResourceHandle<'AWS::IAM::Role'>;
  readonly application: ResourceHandle<'AWS::ElasticBeanstalk::Application'>;
  readonly platform: BeanstalkBlueGreenOptions['platform'];
}

/** Builds the `beanstalk-blue-green` template. */
export function beanstalkBlueGreen(options: Partial<BeanstalkBlueGreenOptions> = {}): Template {
  const given = withDefaults(beanstalkBlueGreenPattern, options);
  const o = { ...checkBlueGreenOptions(given), platform: checkChoice('platform', given.platform, PLATFORM_CHOICES) };
  const b = new TemplateBuilder(
    `${o.appName} blue/green on Elastic Beanstalk: Blue and Green environments of one application, with weighted Route 53 CNAME records in front (cfnkit beanstalk-blue-green)`,
  );
  const network = networkParameters(b);
  const certificateArn = b.parameter('CertificateArn', {
    Type: 'String',
    Description: "ARN of the ACM certificate, in this region, for DomainName; the environments' HTTPS listeners present it",
    AllowedPattern: '^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/[a-zA-Z0-9-]+$',
    ConstraintDescription: 'must be an ACM certificate ARN',
  });
  dataStackNameParameter(b);
  const dns = dnsParameters(b, 'a CNAME, so not the zone apex');
  const weights = COLOURS.map((c) => weightParameter(b, `${c.id}Weight`, `the ${c.name} environment`, c.id === 'Blue' ? o.blueWeight : o.greenWeight));

  const application = b.resource('Application', 'AWS::ElasticBeanstalk::Application', {
    Description: `${o.appName}: blue and green environments behind weighted Route 53 records`,
  });
  const inputs: Inputs = {
    network,
    certificateArn,
    instanceProfile: beanstalkInstanceRole(b).instanceProfile,
    serviceRole: beanstalkServiceRole(b),
    application,
    platform: o.platform,
  };
  const environments = COLOURS.map((c) => colourEnvironment(b, c, inputs, o.appName));
  weightedRecords(
    b,
    { hostedZoneId: ref(dns.hostedZoneId), name: ref(dns.domainName), comment: `${o.appName} blue/green (Elastic Beanstalk)` },
    COLOURS.map((c, i) => ({
      logicalId: `${c.id}Record`,
      setIdentifier: c.name,
      weight: ref(weights[i]),
      target: { cname: getAtt(environments[i], 'EndpointURL'), ttl: RECORD_TTL },
    })),
  );

  b.output('SiteUrl', sub('https://${DomainName}'), { description: 'URL users reach; Route 53 splits it between the environments by weight' });
  b.output('ApplicationName', ref(application), { description: 'Elastic Beanstalk application holding both environments' });
  COLOURS.forEach((c, i) => {
    b.output(`${c.id}EnvironmentName`, ref(environments[i]), { description: `Name of the ${c.name} environment` });
    b.output(`${c.id}EndpointUrl`, getAtt(environments[i], 'EndpointURL'), { description: `Load balancer of the ${c.name} environment (test a colour directly)` });
  });
  parameterGroups(b, [
    ['Network', ['VpcId', 'PublicSubnetIds', 'PrivateSubnetIds', 'CertificateArn']],
    ['Data tier', ['DataStackName']],
    ...COLOURS.map((c) => [`${c.id} environment`, colourParameterIds(c, o.platform)] as [string, string[]]),
    ['Traffic', ['HostedZoneId', 'DomainName', 'BlueWeight', 'GreenWeight']],
  ]);
  return { ...b.build(), Rules: weightsRule(weights) };
}

/** The instance role: Beanstalk's web tier policy, Systems Manager, and the session table items. */
function beanstalkInstanceRole(b: TemplateBuilder) {
  return instanceRole(b, 'Instance', {
    description: 'Instances of the blue/green Elastic Beanstalk environments: web tier, session table items and Systems Manager only',
    policyName: 'session-table',
    statements: [
      {
        Sid: 'SessionItems',
        Effect: 'Allow',
        Action: ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
        Resource: dataTierImport('SessionTableArn'),
      },
    ],
    managedPolicyArns: [managedPolicyArn('AWSElasticBeanstalkWebTier'), managedPolicyArn('AmazonSSMManagedInstanceCore')],
  });
}

/**
 * The service role Elastic Beanstalk assumes for enhanced health and managed updates.
 * See https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/iam-servicerole.html
 */
function beanstalkServiceRole(b: TemplateBuilder): ResourceHandle<'AWS::IAM::Role'> {
  return b.resource('ServiceRole', 'AWS::IAM::Role', {
    Description: 'Elastic Beanstalk service role of the blue/green environments',
    AssumeRolePolicyDocument: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'elasticbeanstalk.amazonaws.com' },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': 'elasticbeanstalk' } },
        },
      ],
    },
    ManagedPolicyArns: [managedPolicyArn('AWSElasticBeanstalkEnhancedHealth'), managedPolicyArn('AWSElasticBeanstalkManagedUpdatesCustomerRolePolicy')],
  });
}

function colourParameterIds(c: Colour, platform: BeanstalkBlueGreenOptions['platform']): string[] {
  const platformId = platform === 'platform-arn' ? 'PlatformArn' : 'SolutionStackName';
  return [platformId, 'VersionLabel', 'InstanceType', 'MinSize', 'MaxSize'].map((p) => `${c.id}${p}`);
}

/** One environment with its platform, version, instance type and size Parameters. */
function colourEnvironment(b: TemplateBuilder, c: Colour, inputs: Inputs, appName: string): ResourceHandle<'AWS::ElasticBeanstalk::Environment'> {
  const label = `${c.name} environment`;
  const platform =
    inputs.platform === 'platform-arn'
      ? b.parameter(`${c.id}PlatformArn`, {
          Type: 'String',
          Description: `Elastic Beanstalk platform ARN of the ${label} (changing it updates the environment in place)`,
          AllowedPattern: '^arn:aws[a-z-]*:elasticbeanstalk:[a-z0-9-]+::platform/.+$',
          ConstraintDescription: 'must be an Elastic Beanstalk platform ARN',
        })
      : b.parameter(`${c.id}SolutionStackName`, {
          Type: 'String',
          Description: `Elastic Beanstalk solution stack of the ${label} (changing it replaces the environment; list them with aws elasticbeanstalk list-available-solution-stacks)`,
          Default: DEFAULT_SOLUTION_STACK,
          MinLength: 1,
        });
  const versionLabel = b.parameter(`${c.id}VersionLabel`, {
    Type: 'String',
    Description: `Application version to run in the ${label} (a version of this stack's application); empty runs the sample application`,
    Default: '',
  });
  const hasVersion = b.condition(`${c.id}HasVersionLabel`, not(equals(ref(versionLabel), '')));
  const instanceType = instanceTypeParameter(b, `${c.id}InstanceType`, `EC2 instance type of the ${label}`);
  const size = sizeParameters(b, c.id, `${c.name} environment's Auto Scaling group`);

  const settings: ElasticBeanstalkEnvironmentOptionSetting[] = [
    option('aws:elasticbeanstalk:environment', 'EnvironmentType', 'LoadBalanced'),
    option('aws:elasticbeanstalk:environment', 'LoadBalancerType', 'application'),
    option('aws:elasticbeanstalk:environment', 'ServiceRole', getAtt(inputs.serviceRole, 'Arn')),
    option('aws:elasticbeanstalk:healthreporting:system', 'SystemType', 'enhanced'),
    option('aws:ec2:vpc', 'VPCId', ref(inputs.network.vpcId)),
    option('aws:ec2:vpc', 'Subnets', join(',', ref(inputs.network.privateSubnetIds))),
    option('aws:ec2:vpc', 'ELBSubnets', join(',', ref(inputs.network.publicSubnetIds))),
    option('aws:ec2:vpc', 'ELBScheme', 'public'),
    option('aws:ec2:vpc', 'AssociatePublicIpAddress', 'false'),
    option('aws:ec2:instances', 'InstanceTypes', ref(instanceType)),
    option('aws:autoscaling:asg', 'MinSize', ref(size.minSize)),
    option('aws:autoscaling:asg', 'MaxSize', ref(size.maxSize)),
    option('aws:autoscaling:launchconfiguration', 'IamInstanceProfile', ref(inputs.instanceProfile)),
    option('aws:autoscaling:launchconfiguration', 'SecurityGroups', dataTierImport('DbClientSecurityGroupId')),
    // IMDSv2 only; also makes Beanstalk use a launch template (https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/environments-cfg-autoscaling-launch-templates.html)
    option('aws:autoscaling:launchconfiguration', 'DisableIMDSv1', 'true'),
    option('aws:elbv2:listener:443', 'Protocol', 'HTTPS'),
    option('aws:elbv2:listener:443', 'SSLCertificateArns', ref(inputs.certificateArn)),
    option('aws:elbv2:listener:443', 'SSLPolicy', HTTPS_SSL_POLICY),
    option('aws:elasticbeanstalk:environment:process:default', 'HealthCheckPath', '/'),
    option('aws:elasticbeanstalk:environment:process:default', 'MatcherHTTPCode', '200'),
    option('aws:elasticbeanstalk:environment:process:default', 'DeregistrationTimeout', '30'),
    option('aws:elasticbeanstalk:application:environment', 'APP_NAME', appName),
    option('aws:elasticbeanstalk:application:environment', 'APP_COLOUR', c.name),
    option('aws:elasticbeanstalk:application:environment', 'DB_ENDPOINT', dataTierImport('DbEndpoint')),
    option('aws:elasticbeanstalk:application:environment', 'DB_PORT', dataTierImport('DbPort')),
    option('aws:elasticbeanstalk:application:environment', 'SESSION_TABLE_NAME', dataTierImport('SessionTableName')),
  ];
  return b.resource(`${c.id}Environment`, 'AWS::ElasticBeanstalk::Environment', {
    ApplicationName: ref(inputs.application),
    Description: `${appName} ${label}`,
    Tier: { Name: 'WebServer', Type: 'Standard' },
    ...(inputs.platform === 'platform-arn' ? { PlatformArn: ref(platform) } : { SolutionStackName: ref(platform) }),
    VersionLabel: fnIf(hasVersion, ref(versionLabel), ref('AWS::NoValue')),
    OptionSettings: settings,
  });
}

function option(namespace: string, name: string, value: Value<string>): ElasticBeanstalkEnvironmentOptionSetting {
  return { Namespace: namespace, OptionName: name, Value: value };
}

/** The `beanstalk-blue-green` pattern. */
export const beanstalkBlueGreenPattern: Pattern<BeanstalkBlueGreenOptions> = {
  name: 'beanstalk-blue-green',
  description: 'Elastic Beanstalk Blue and Green environments of one application, weighted Route 53 records in front',
  options: {
    ...BLUE_GREEN_OPTIONS,
    platform: {
      type: 'string',
      description: 'how the environments name their platform: a SolutionStackName or a PlatformArn parameter',
      default: 'solution-stack',
      choices: PLATFORM_CHOICES,
    },
  },
  build: (options) => [{ name: 'beanstalk-blue-green', template: beanstalkBlueGreen(options) }],
};
