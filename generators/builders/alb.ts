/**
 * An internet-facing Application Load Balancer in front of one target group: HTTPS on 443 with an
 * ACM certificate, HTTP on 80 answering with a permanent redirect to HTTPS, and its own security
 * group open to the internet on those two ports only.
 * See https://docs.aws.amazon.com/elasticloadbalancing/latest/application/introduction.html
 */
import { ResourceHandle, TemplateBuilder, getAtt } from '../../src/model/builder';
import { ref, Value } from '../../src/model/intrinsics';
import { nameTag, securityGroup, tcpFromAnywhere } from './network';

/**
 * TLS policy of the HTTPS listener: TLS 1.3 and 1.2 only, forward-secret ciphers.
 * See https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html
 */
export const HTTPS_SSL_POLICY = 'ELBSecurityPolicy-TLS13-1-2-2021-06';

/** Inputs of {@link applicationLoadBalancer}. */
export interface AlbOptions {
  readonly vpcId: Value<string>;
  /** Public subnets, at least two Availability Zones. */
  readonly subnetIds: Value<Array<Value<string>>>;
  /** ACM certificate for the HTTPS listener. */
  readonly certificateArn: Value<string>;
  /** Port the targets listen on (HTTP). Default 80. */
  readonly targetPort?: number;
  /** Path the target group's health check requests. Default `/health`. */
  readonly healthCheckPath?: string;
  /** Prefix of the `Name` tags, e.g. `webapp-blue`. */
  readonly name: string;
}

/** The resources {@link applicationLoadBalancer} adds. */
export interface ApplicationLoadBalancer {
  readonly securityGroup: ResourceHandle<'AWS::EC2::SecurityGroup'>;
  readonly loadBalancer: ResourceHandle<'AWS::ElasticLoadBalancingV2::LoadBalancer'>;
  readonly targetGroup: ResourceHandle<'AWS::ElasticLoadBalancingV2::TargetGroup'>;
  readonly httpsListener: ResourceHandle<'AWS::ElasticLoadBalancingV2::Listener'>;
  readonly httpListener: ResourceHandle<'AWS::ElasticLoadBalancingV2::Listener'>;
}

/**
 * Adds `<prefix>LoadBalancerSecurityGroup`, `<prefix>LoadBalancer`, `<prefix>TargetGroup`,
 * `<prefix>HttpsListener` and `<prefix>HttpListener`.
 */
export function applicationLoadBalancer(b: TemplateBuilder, prefix: string, options: AlbOptions): ApplicationLoadBalancer {
  const targetPort = options.targetPort ?? 80;
  const sg = securityGroup(b, `${prefix}LoadBalancerSecurityGroup`, {
    description: `${options.name} load balancer: HTTPS and HTTP from the internet`,
    vpcId: options.vpcId,
    ingress: [tcpFromAnywhere(443, 'HTTPS from the internet'), tcpFromAnywhere(80, 'HTTP from the internet, redirected to HTTPS')],
    name: `${options.name}-alb`,
  });
  const loadBalancer = b.resource(`${prefix}LoadBalancer`, 'AWS::ElasticLoadBalancingV2::LoadBalancer', {
    Type: 'application',
    Scheme: 'internet-facing',
    IpAddressType: 'ipv4',
    Subnets: options.subnetIds,
    SecurityGroups: [getAtt(sg, 'GroupId')],
    LoadBalancerAttributes: [{ Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' }],
    Tags: nameTag(`${options.name}-alb`),
  });
  const targetGroup = b.resource(`${prefix}TargetGroup`, 'AWS::ElasticLoadBalancingV2::TargetGroup', {
    TargetType: 'instance',
    Protocol: 'HTTP',
    Port: targetPort,
    VpcId: options.vpcId,
    HealthCheckEnabled: true,
    HealthCheckProtocol: 'HTTP',
    HealthCheckPath: options.healthCheckPath ?? '/health',
    HealthCheckIntervalSeconds: 15,
    HealthCheckTimeoutSeconds: 5,
    HealthyThresholdCount: 2,
    UnhealthyThresholdCount: 3,
    Matcher: { HttpCode: '200' },
    TargetGroupAttributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }],
    Tags: nameTag(`${options.name}-tg`),
  });
  const httpsListener = b.resource(`${prefix}HttpsListener`, 'AWS::ElasticLoadBalancingV2::Listener', {
    LoadBalancerArn: ref(loadBalancer),
    Port: 443,
    Protocol: 'HTTPS',
    SslPolicy: HTTPS_SSL_POLICY,
    Certificates: [{ CertificateArn: options.certificateArn }],
    DefaultActions: [{ Type: 'forward', TargetGroupArn: ref(targetGroup) }],
  });
  const httpListener = b.resource(`${prefix}HttpListener`, 'AWS::ElasticLoadBalancingV2::Listener', {
    LoadBalancerArn: ref(loadBalancer),
    Port: 80,
    Protocol: 'HTTP',
    DefaultActions: [
      { Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', Host: '#{host}', Path: '/#{path}', Query: '#{query}', StatusCode: 'HTTP_301' } },
    ],
  });
  return { securityGroup: sg, loadBalancer, targetGroup, httpsListener, httpListener };
}

/** The load balancer's DNS name and Route 53 hosted zone, as alias targets need them. */
export function albAliasTarget(alb: Pick<ApplicationLoadBalancer, 'loadBalancer'>): { dnsName: Value<string>; hostedZoneId: Value<string> } {
  return { dnsName: getAtt(alb.loadBalancer, 'DNSName'), hostedZoneId: getAtt(alb.loadBalancer, 'CanonicalHostedZoneID') };
}

