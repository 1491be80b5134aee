import { templateReferences } from '../src/lint/refs';
import type { Rule } from '../src/lint/types';
import type { ResourceSpec } from '../src/spec';

/** Resource types whose attributes are whatever the provider returns. */
function anyAttribute(type: string): boolean {
  // SAM resources stand for the resources the transform creates; their attributes are those resources'.
  return type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource' || type.startsWith('AWS::Serverless::');
}

/**
 * True when the resource type returns `attribute`: an attribute the spec lists (dotted ones included),
 * a member of one (`Outputs.VpcId` of a nested stack), or one of the spec's known gaps below.
 */
function returns(type: string, spec: ResourceSpec, attribute: string): boolean {
  if (spec.a.includes(attribute) || attribute === 'Id' || EXTRA_ATTRIBUTES[type]?.includes(attribute)) return true;
  const dot = attribute.indexOf('.');
  const head = dot > 0 ? attribute.slice(0, dot) : attribute;
  if (Object.prototype.hasOwnProperty.call(spec.p, head) && (dot > 0 || RETURNS_PROPERTIES.has(type))) return true;
  // A path below a listed attribute whose members the spec does not list (`Outputs.VpcId`,
  // `Certificate.CertificateArn`); when it lists some (`Endpoint.Address`), only those.
  for (let end = attribute.lastIndexOf('.'); end > 0; end = attribute.lastIndexOf('.', end - 1)) {
    const listed = attribute.slice(0, end);
    if (spec.a.includes(listed)) return !spec.a.some((a) => a.length > end && a.startsWith(listed) && a[end] === '.');
  }
  return false;
}

/*
 * The spec index lists the attributes the CloudFormation reference documents; CloudFormation returns
 * more. Accepted besides, after cfn-lint 1.51 (src/cfnlint/schema/_getatts.py), until spec/patches.json
 * carries them:
 * - `Id`, which many older resource types return without documenting it;
 * - a path below a property (`BgpPeers.0.BgpPeerId`, `InitialVersion.Cores`): list and nested values
 *   that registry types return;
 * - every property of the types below (`AWS::SQS::Queue` `DelaySeconds`, `AWS::EC2::Subnet`
 *   `MapPublicIpOnLaunch`); on other types a property name is a mistake worth reporting
 *   (`AWS::S3::Bucket` `BucketName`, `AWS::IAM::Role` `RoleName`).
 */
const RETURNS_PROPERTIES: ReadonlySet<string> = new Set([
  'AWS::Amplify::Branch',
  'AWS::Amplify::Domain',
  'AWS::AppSync::DomainName',
  'AWS::AppSync::FunctionConfiguration',
  'AWS::AppSync::Resolver',
  'AWS::AutoScaling::AutoScalingGroup',
  'AWS::Backup::BackupSelection',
  'AWS::Backup::BackupVault',
  'AWS::Backup::LogicallyAirGappedBackupVault',
  'AWS::CodeArtifact::Domain',
  'AWS::CodeArtifact::Repository',
  'AWS::EC2::CapacityReservation',
  'AWS::EC2::Instance',
  'AWS::EC2::SecurityGroup',
  'AWS::EC2::Subnet',
  'AWS::EC2::VPC',
  'AWS::EFS::MountTarget',
  'AWS::EKS::Nodegroup',
  'AWS::ElastiCache::ReplicationGroup',
  'AWS::ElasticLoadBalancingV2::LoadBalancer',
  'AWS::EventSchemas::Discoverer',
  'AWS::EventSchemas::Registry',
  'AWS::EventSchemas::Schema',
  'AWS::Events::EventBus',
  'AWS::GameLift::GameSessionQueue',
  'AWS::GameLift::MatchmakingConfiguration',
  'AWS::GameLift::MatchmakingRuleSet',
  'AWS::Grafana::Workspace',
  'AWS::Greengrass::ConnectorDefinition',
  'AWS::Greengrass::CoreDefinition',
  'AWS::Greengrass::DeviceDefinition',
  'AWS::Greengrass::FunctionDefinition',
  'AWS::Greengrass::Group',
  'AWS::Greengrass::LoggerDefinition',
  'AWS::Greengrass::ResourceDefinition',
  'AWS::Greengrass::SubscriptionDefinition',
  'AWS::ImageBuilder::Component',
  'AWS::ImageBuilder::ContainerRecipe',
  'AWS::ImageBuilder::DistributionConfiguration',
  'AWS::ImageBuilder::ImagePipeline',
  'AWS::ImageBuilder::ImageRecipe',
  'AWS::ImageBuilder::InfrastructureConfiguration',
  'AWS::ManagedBlockchain::Node',
  'AWS::Neptune::DBCluster',
  'AWS::RDS::DBInstance',
  'AWS::RDS::DBParameterGroup',
  'AWS::RedshiftServerless::Workgroup',
  'AWS::RoboMaker::RobotApplication',
  'AWS::RoboMaker::SimulationApplication',
  'AWS::Route53Resolver::ResolverRule',
  'AWS::Route53Resolver::ResolverRuleAssociation',
  'AWS::S3::AccessPoint',
  'AWS::SNS::Topic',
  'AWS::SQS::Queue',
  'AWS::SSM::Parameter',
  'AWS::SageMaker::DataQualityJobDefinition',
  'AWS::SageMaker::ModelBiasJobDefinition',
  'AWS::SageMaker::ModelExplainabilityJobDefinition',
  'AWS::SageMaker::ModelQualityJobDefinition',
  'AWS::SageMaker::MonitoringSchedule',
  'AWS::StepFunctions::Activity',
]);

const EXTRA_ATTRIBUTES: { readonly [type: string]: readonly string[] } = {
  'AWS::Elasticsearch::Domain': ['DomainArn'],
  'AWS::OpenSearchService::Domain': ['DomainArn'],
  'AWS::ServiceDiscovery::Instance': ['InstanceId'],
};

/**
 * Reports Fn::GetAtt (and `${Resource.Attribute}` Fn::Sub variables) naming an attribute the resource
 * type does not return: CloudFormation rejects the template ("Requested attribute … does not exist").
 */
export const rule: Rule = {
  meta: {
    id: 'get-att-attribute',
    severity: 'error',
    category: 'template',
    description: 'Require every GetAtt attribute to be one the resource type returns',
    cfnLint: ['E1010', 'E1019'],
    options: {},
    messages: {
      unknownAttribute: '{{type}} has no attribute "{{attribute}}" (resource "{{target}}")',
    },
  },
  create(context) {
    return {
      template(template) {
        const refs = templateReferences(template);
        for (const r of refs.targets) {
          if (typeof r.attribute !== 'string') continue;
          const type = refs.resources.get(r.target);
          if (!type || anyAttribute(type)) continue;
          const spec = context.spec.resource(type);
          if (!spec || returns(type, spec, r.attribute)) continue;
          context.report({ path: r.attributePath ?? r.path, messageId: 'unknownAttribute', data: { type, attribute: r.attribute, target: r.target } });
        }
      },
    };
  },
};
