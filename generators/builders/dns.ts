/**
 * Route 53 weighted routing: one record per target under the same name and type, each with its own
 * `SetIdentifier` and `Weight`; Route 53 answers with target i for weight_i / sum(weights) of the
 * queries. Shifting the weights is the cut-over of a blue/green deployment.
 * See https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/routing-policy-weighted.html
 */
import { ParameterHandle, ResourceHandle, TemplateBuilder } from '../../src/model/builder';
import { and, equals, not, ref, TemplateValue, Value } from '../../src/model/intrinsics';
import { checkInt } from '../validate';
import { PatternOptionError, kebab } from '../pattern';

/** Largest weight Route 53 accepts. */
export const MAX_WEIGHT = 255;

/** The hosted zone and record name Parameters. */
export interface DnsParameters {
  /** `HostedZoneId`, type `AWS::Route53::HostedZone::Id`. */
  readonly hostedZoneId: ParameterHandle;
  /** `DomainName`: the record name users resolve. */
  readonly domainName: ParameterHandle;
}

/** Adds `HostedZoneId` and `DomainName`; `nameNote` ends the DomainName description. */
export function dnsParameters(b: TemplateBuilder, nameNote: string): DnsParameters {
  return {
    hostedZoneId: b.parameter('HostedZoneId', {
      Type: 'AWS::Route53::HostedZone::Id',
      Description: 'Route 53 public hosted zone that holds DomainName',
    }),
    domainName: b.parameter('DomainName', {
      Type: 'String',
      Description: `Name of the weighted records, inside HostedZoneId (e.g. app.example.com); ${nameNote}`,
      AllowedPattern: '^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]{2,63}\\.?$',
      ConstraintDescription: 'must be a fully qualified domain name such as app.example.com',
    }),
  };
}

/** Adds a routing weight Parameter (Number, 0 to 255). */
export function weightParameter(b: TemplateBuilder, logicalId: string, target: string, defaultWeight: number): ParameterHandle {
  return b.parameter(logicalId, {
    Type: 'Number',
    Description: `Route 53 weight of ${target}: its share of DNS answers is this weight over the sum of the weights (0 takes it out of rotation)`,
    Default: defaultWeight,
    MinValue: 0,
    MaxValue: MAX_WEIGHT,
  });
}

/**
 * Checks generation-time weight options: each an integer from 0 to 255, not all 0 (Route 53 would
 * then split evenly, which is never what a weight of 0 means). Throws {@link PatternOptionError}.
 */
export function checkWeights(options: { readonly [option: string]: unknown }): number[] {
  const names = Object.keys(options);
  const weights = names.map((name) => checkInt(name, options[name], 0, MAX_WEIGHT));
  if (weights.every((w) => w === 0)) {
    const [first, ...others] = names.map((n) => `--${kebab(n)}`);
    throw new PatternOptionError(first, `cannot be 0 when ${others.join(' and ')} ${others.length > 1 ? 'are' : 'is'} also 0 (at least one weight must be from 1 to ${MAX_WEIGHT})`);
  }
  return weights;
}

/**
 * A template `Rules` entry that rejects a stack whose weight Parameters are all 0 before any
 * resource changes. See https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/rules-section-structure.html
 */
export function weightsRule(weights: ReadonlyArray<ParameterHandle>): { [name: string]: TemplateValue } {
  const allZero = and(...weights.map((w) => equals(ref(w), '0')));
  return {
    WeightsNotAllZero: {
      Assertions: [
        {
          Assert: not(allZero),
          AssertDescription: `${weights.map((w) => w.logicalId).join(' and ')} cannot ${weights.length === 2 ? 'both' : 'all'} be 0`,
        },
      ],
    },
  };
}

/** Where a weighted record sends its share: an alias `A` record or a `CNAME`. */
export type WeightedTarget =
  | { readonly alias: { readonly dnsName: Value<string>; readonly hostedZoneId: Value<string> } }
  | { readonly cname: Value<string>; readonly ttl: number };

/** One member of a weighted record set. */
export interface WeightedRecord {
  readonly logicalId: string;
  /** `SetIdentifier`, unique within the name and type. */
  readonly setIdentifier: string;
  readonly weight: Value<number>;
  readonly target: WeightedTarget;
}

/**
 * Adds one `AWS::Route53::RecordSet` per record, all with the same `Name` and `Type`. Alias targets
 * give `A` records with `EvaluateTargetHealth` (an unhealthy target stops getting answers); CNAME
 * targets give `CNAME` records with the TTL given. All records must be of one kind.
 */
export function weightedRecords(
  b: TemplateBuilder,
  zone: { readonly hostedZoneId: Value<string>; readonly name: Value<string>; readonly comment?: string },
  records: ReadonlyArray<WeightedRecord>,
): Array<ResourceHandle<'AWS::Route53::RecordSet'>> {
  const kinds = new Set(records.map((r) => ('alias' in r.target ? 'A' : 'CNAME')));
  if (kinds.size !== 1) throw new Error('weightedRecords: all records of a weighted set must have the same type');
  return records.map((r) => {
    const common = { HostedZoneId: zone.hostedZoneId, Name: zone.name };
    const weighting = { SetIdentifier: r.setIdentifier, Weight: r.weight, Comment: zone.comment };
    return b.resource(
      r.logicalId,
      'AWS::Route53::RecordSet',
      'alias' in r.target
        ? {
            ...common,
            Type: 'A',
            ...weighting,
            AliasTarget: { DNSName: r.target.alias.dnsName, HostedZoneId: r.target.alias.hostedZoneId, EvaluateTargetHealth: true },
          }
        : { ...common, Type: 'CNAME', ...weighting, TTL: String(r.target.ttl), ResourceRecords: [r.target.cname] },
    );
  });
}
