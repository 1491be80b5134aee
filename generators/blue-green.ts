/**
 * `blue-green`: two identical environments, Blue and Green, each an Auto Scaling group behind its own
 * Application Load Balancer, with weighted Route 53 alias records in front. Shifting BlueWeight and
 * GreenWeight (a stack update) moves traffic; the colour not taking traffic is the one to change.
 * Both colours use the database and session table of the `data-tier` stack, through its exports.
 *
 * With `--split` the pattern produces three stacks that deploy on their own: `blue`, `green` (each
 * exporting its load balancer's DNS name and hosted zone) and `dns` (importing them, owning the weights).
 * See https://docs.aws.amazon.com/whitepapers/latest/blue-green-deployments/update-dns-routing-with-amazon-route-53.html
 */
import { ParameterHandle, TemplateBuilder, getAtt } from '../src/model/builder';
import { Intrinsic, importValue, ref, sub } from '../src/model/intrinsics';
import type { Template } from '../src/model/template';
import { albAliasTarget, applicationLoadBalancer } from './builders/alb';
import { autoScalingGroup, capacityParameters, imageIdParameter, instanceRole, InstanceRole, instanceTypeParameter, launchTemplate, managedPolicyArn } from './builders/asg';
import { checkWeights, dnsParameters, weightedRecords, weightParameter, weightsRule } from './builders/dns';
import { networkParameters, NetworkParameters, securityGroup, tcpFromGroup } from './builders/network';
import { render } from './builders/render';
import type { DATA_TIER_EXPORTS } from './data-tier';
import { PatternFiles, PatternOptionError, Pattern, PatternOption, withDefaults } from './pattern';
import { checkName } from './validate';

/** Options of the `blue-green` pattern. */
export interface BlueGreenOptions {
  /** Application name (letters and digits) used in descriptions, tags and default stack names. Default `webapp`. */
  readonly appName: string;
  /** Default of the BlueWeight Parameter, 0 to 255. Default 90. */
  readonly blueWeight: number;
  /** Default of the GreenWeight Parameter, 0 to 255. Default 10. */
  readonly greenWeight: number;
  /** Produce three stacks (`blue`, `green`, `dns`) instead of one. Default false. */
  readonly split: boolean;
}

/** The three stacks of `blue-green --split`. */
export interface BlueGreenStacks {
  readonly blue: Template;
  readonly green: Template;
  readonly dns: Template;
}

/**
 * One of the data-tier stack's export names ({@link DATA_TIER_EXPORTS}), imported as
 * `${DataStackName}-<name>`: the contract with the `data-tier` pattern.
 */
export type DataTierExport = (typeof DATA_TIER_EXPORTS)[keyof typeof DATA_TIER_EXPORTS];

/** Adds the `DataStackName` Parameter (default `data-tier`). */
export function dataStackNameParameter(b: TemplateBuilder): ParameterHandle {
  return b.parameter('DataStackName', {
    Type: 'String',
    Description: 'Name of the deployed data-tier stack whose exports (DbEndpoint, DbPort, DbClientSecurityGroupId, SessionTableName, SessionTableArn) this stack imports',
    Default: 'data-tier',
    AllowedPattern: '^[a-zA-Z][-a-zA-Z0-9]{0,127}$',
    ConstraintDescription: 'must be a CloudFormation stack name: letters, digits and hyphens, starting with a letter',
  });
}

/** `Fn::ImportValue` of the data-tier export `${DataStackName}-<name>`. */
export function dataTierImport(name: DataTierExport): Intrinsic<'Fn::ImportValue'> {
  return importValue(sub(`\${DataStackName}-${name}`));
}

/** Generation-time options shared by the blue/green patterns. */
export const BLUE_GREEN_OPTIONS: { readonly [name: string]: PatternOption } = {
  appName: { type: 'string', description: 'application name (letters and digits), used in descriptions, tags and default stack names', default: 'webapp' },
  blueWeight: { type: 'number', description: 'default of the BlueWeight parameter (0-255)', default: 90 },
  greenWeight: { type: 'number', description: 'default of the GreenWeight parameter (0-255)', default: 10 },
};

/** Validated options common to the blue/green patterns. */
export function checkBlueGreenOptions(o: { appName: unknown; blueWeight: unknown; greenWeight: unknown }): { appName: string; blueWeight: number; greenWeight: number } {
  const appName = checkName('appName', o.appName);
  const [blueWeight, greenWeight] = checkWeights({ blueWeight: o.blueWeight, greenWeight: o.greenWeight });
  return { appName, blueWeight, greenWeight };
}

const COLOURS = [
  { id: 'Blue', name: 'blue' },
  { id: 'Green', name: 'green' },
] as const;

type Colour = (typeof COLOURS)[number];

const APP_PORT = 80;
const HEALTH_CHECK_PATH = '/health';

/** Parameters every colour reads. */
interface SharedInputs {
  readonly network: NetworkParameters;
  readonly certificateArn: ParameterHandle;
  readonly instanceRole: InstanceRole;
}

/** `blue-green` as one stack (`split` is ignored here; {@link blueGreenStacks} builds the three). */
export function blueGreen(options: Partial<BlueGreenOptions> = {}): Template {
  const o = resolve(options);
  const b = new TemplateBuilder(
    `${o.appName} blue/green deployment: Blue and Green Auto Scaling groups, each behind its own Application Load Balancer, with weighted Route 53 alias records in front (cfnkit blue-green)`,
  );
  const shared = sharedInputs(b);
  const dns = dnsParameters(b, 'both colours answer under this name');
  const weights = COLOURS.map((c) => weightParameter(b, `${c.id}Weight`, `the ${c.name} environment`, c.id === 'Blue' ? o.blueWeight : o.greenWeight));
  const built = COLOURS.map((c) => colourEnvironment(b, c, shared, o.appName));
  weightedRecords(
    b,
    { hostedZoneId: ref(dns.hostedZoneId), name: ref(dns.domainName), comment: `${o.appName} blue/green` },
    COLOURS.map((c, i) => ({ logicalId: `${c.id}Record`, setIdentifier: c.name, weight: ref(weights[i]), target: { alias: albAliasTarget(built[i]) } })),
  );
  b.output('SiteUrl', sub('https://${DomainName}'), { description: 'URL users reach; Route 53 splits it between the colours by weight' });
  COLOURS.forEach((c, i) => {
    b.output(`${c.id}LoadBalancerDnsName`, getAtt(built[i].loadBalancer, 'DNSName'), { description: `DNS name of the ${c.name} load balancer (test a colour directly)` });
    b.output(`${c.id}AutoScalingGroupName`, ref(built[i].autoScalingGroup), { description: `Name of the ${c.name} Auto Scaling group` });
  });
  parameterGroups(b, [
    ['Network', ['VpcId', 'PublicSubnetIds', 'PrivateSubnetIds', 'CertificateArn']],
    ['Data tier', ['DataStackName']],
    ...COLOURS.map((c) => [`${c.id} environment`, colourParameterIds(c)] as [string, string[]]),
    ['Traffic', ['HostedZoneId', 'DomainName', 'BlueWeight', 'GreenWeight']],
  ]);
  return { ...b.build(), Rules: weightsRule(weights) };
}

/** `blue-green --split`: the `blue`, `green` and `dns` stacks. */
export function blueGreenStacks(options: Partial<BlueGreenOptions> = {}): BlueGreenStacks {
  const o = resolve(options);
  const [blue, green] = COLOURS.map((c) => colourStack(c, o.appName));
  return { blue, green, dns: dnsStack(o) };
}

function colourStack(c: Colour, appName: string): Template {
  const b = new TemplateBuilder(
    `${appName} ${c.name} environment: an Auto Scaling group behind an Application Load Balancer, exporting the load balancer for the dns stack (cfnkit blue-green --split)`,
  );
  const shared = sharedInputs(b);
  const env = colourEnvironment(b, c, shared, appName);
  const alias = albAliasTarget(env);
  b.output('AlbDnsName', alias.dnsName, { description: `DNS name of the ${c.name} load balancer`, exportName: sub('${AWS::StackName}-AlbDnsName') });
  b.output('AlbHostedZoneId', alias.hostedZoneId, {
    description: `Route 53 hosted zone of the ${c.name} load balancer, for alias records`,
    exportName: sub('${AWS::StackName}-AlbHostedZoneId'),
  });
  b.output('AutoScalingGroupName', ref(env.autoScalingGroup), { description: `Name of the ${c.name} Auto Scaling group` });
  parameterGroups(b, [
    ['Network', ['VpcId', 'PublicSubnetIds', 'PrivateSubnetIds', 'CertificateArn']],
    ['Data tier', ['DataStackName']],
    [`${c.id} environment`, colourParameterIds(c)],
  ]);
  return b.build();
}

function dnsStack(o: { appName: string; blueWeight: number; greenWeight: number }): Template {
  const b = new TemplateBuilder(
    `${o.appName} blue/green traffic: weighted Route 53 alias records to the load balancers the blue and green stacks export (cfnkit blue-green --split)`,
  );
  const dns = dnsParameters(b, 'both colours answer under this name');
  const stackNames = COLOURS.map((c) =>
    b.parameter(`${c.id}StackName`, {
      Type: 'String',
      Description: `Name of the deployed ${c.name} stack, whose AlbDnsName and AlbHostedZoneId exports this stack imports`,
      Default: `${o.appName.toLowerCase()}-${c.name}`,
      AllowedPattern: '^[a-zA-Z][-a-zA-Z0-9]{0,127}$',
      ConstraintDescription: 'must be a CloudFormation stack name: letters, digits and hyphens, starting with a letter',
    }),
  );
  const weights = COLOURS.map((c) => weightParameter(b, `${c.id}Weight`, `the ${c.name} environment`, c.id === 'Blue' ? o.blueWeight : o.greenWeight));
  weightedRecords(
    b,
    { hostedZoneId: ref(dns.hostedZoneId), name: ref(dns.domainName), comment: `${o.appName} blue/green` },
    COLOURS.map((c, i) => ({
      logicalId: `${c.id}Record`,
      setIdentifier: c.name,
      weight: ref(weights[i]),
      target: {
        alias: {
          dnsName: importValue(sub(`\${${stackNames[i].logicalId}}-AlbDnsName`)),
          hostedZoneId: importValue(sub(`\${${stackNames[i].logicalId}}-AlbHostedZoneId`)),
        },
      },
    })),
  );
  b.output('SiteUrl', sub('https://${DomainName}'), { description: 'URL users reach; Route 53 splits it between the colours by weight' });
  parameterGroups(b, [
    ['Environments', ['BlueStackName', 'GreenStackName']],
    ['Traffic', ['HostedZoneId', 'DomainName', 'BlueWeight', 'GreenWeight']],
  ]);
  return { ...b.build(), Rules: weightsRule(weights) };
}

function resolve(options: Partial<BlueGreenOptions>): BlueGreenOptions {
  const o = withDefaults(blueGreenPattern, options);
  const split = o.split;
  if (typeof split !== 'boolean') throw new PatternOptionError('--split', `"${String(split)}" is not a boolean (true or false)`);
  return { ...checkBlueGreenOptions(o), split };
}

/** The network, certificate, data-tier and instance role inputs of a stack holding colours. */
function sharedInputs(b: TemplateBuilder): SharedInputs {
  const network = networkParameters(b);
  const certificateArn = b.parameter('CertificateArn', {
    Type: 'String',
    Description: 'ARN of the ACM certificate, in this region, for DomainName; the HTTPS listeners present it',
    AllowedPattern: '^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/[a-zA-Z0-9-]+$',
    ConstraintDescription: 'must be an ACM certificate ARN',
  });
  dataStackNameParameter(b);
  const role = instanceRole(b, 'Instance', {
    description: 'Instances of the blue/green environments: session table items and Systems Manager only',
    policyName: 'session-table',
    statements: [
      {
        Sid: 'SessionItems',
        Effect: 'Allow',
        Action: ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
        Resource: dataTierImport('SessionTableArn'),
      },
    ],
    managedPolicyArns: [managedPolicyArn('AmazonSSMManagedInstanceCore')],
  });
  return { network, certificateArn, instanceRole: role };
}

function colourParameterIds(c: Colour): string[] {
  return ['ImageId', 'InstanceType', 'MinSize', 'MaxSize', 'DesiredCapacity'].map((p) => `${c.id}${p}`);
}

/** One colour: load balancer, instance security group, launch template, Auto Scaling group. */
function colourEnvironment(b: TemplateBuilder, c: Colour, shared: SharedInputs, appName: string) {
  const label = `${c.name} environment`;
  const imageId = imageIdParameter(b, `${c.id}ImageId`, `AMI of the ${label}, as an SSM parameter name (default: latest Amazon Linux 2023, x86_64)`);
  const instanceType = instanceTypeParameter(b, `${c.id}InstanceType`, `EC2 instance type of the ${label}`);
  const capacity = capacityParameters(b, c.id, `${c.name} Auto Scaling group`);
  const name = `${appName.toLowerCase()}-${c.name}`;
  const alb = applicationLoadBalancer(b, c.id, {
    vpcId: ref(shared.network.vpcId),
    subnetIds: ref(shared.network.publicSubnetIds),
    certificateArn: ref(shared.certificateArn),
    targetPort: APP_PORT,
    healthCheckPath: HEALTH_CHECK_PATH,
    name,
  });
  const instanceSg = securityGroup(b, `${c.id}InstanceSecurityGroup`, {
    description: `${name} instances: HTTP from the ${c.name} load balancer only`,
    vpcId: ref(shared.network.vpcId),
    ingress: [tcpFromGroup(APP_PORT, getAtt(alb.securityGroup, 'GroupId'), `HTTP from the ${c.name} load balancer`)],
    name: `${name}-instances`,
  });
  const asgId = `${c.id}AutoScalingGroup`;
  const script = render('user-data.sh.hbs', {
    appName,
    appDir: appName.toLowerCase(),
    colour: c.name,
    signalResource: asgId,
    port: APP_PORT,
    healthCheckPath: HEALTH_CHECK_PATH,
  });
  const template = launchTemplate(b, `${c.id}LaunchTemplate`, {
    imageId: ref(imageId),
    instanceType: ref(instanceType),
    securityGroupIds: [getAtt(instanceSg, 'GroupId'), dataTierImport('DbClientSecurityGroupId')],
    instanceProfile: shared.instanceRole.instanceProfile,
    userData: sub(script, {
      DbEndpoint: dataTierImport('DbEndpoint'),
      DbPort: dataTierImport('DbPort'),
      SessionTableName: dataTierImport('SessionTableName'),
    }),
    name,
  });
  const group = autoScalingGroup(b, asgId, {
    launchTemplate: template,
    subnetIds: ref(shared.network.privateSubnetIds),
    targetGroupArns: [ref(alb.targetGroup)],
    capacity,
    name,
  });
  return { ...alb, autoScalingGroup: group };
}

/** Sets `AWS::CloudFormation::Interface` parameter groups: how the console orders and labels Parameters. */
export function parameterGroups(b: TemplateBuilder, groups: Array<[string, string[]]>): void {
  b.setMetadata('AWS::CloudFormation::Interface', {
    ParameterGroups: groups.map(([label, ids]) => ({ Label: { default: label }, Parameters: ids })),
  });
}

/** The `blue-green` pattern. */
export const blueGreenPattern: Pattern<BlueGreenOptions> = {
  name: 'blue-green',
  description: 'Blue and Green Auto Scaling groups behind their own ALBs, weighted Route 53 records in front',
  options: {
    ...BLUE_GREEN_OPTIONS,
    split: { type: 'boolean', description: 'produce three independently deployable stacks: blue, green and dns', default: false },
  },
  build(options): PatternFiles {
    if (!resolve(options).split) return [{ name: 'blue-green', template: blueGreen(options) }];
    const stacks = blueGreenStacks(options);
    return [
      { name: 'blue', template: stacks.blue },
      { name: 'green', template: stacks.green },
      { name: 'dns', template: stacks.dns },
    ];
  },
};
