import fc from 'fast-check';
import { closest, propertyName, specIssues } from '../../src/lint/spec-walk';
import type { ResourceVisit } from '../../src/lint/types';
import type { TemplateValue } from '../../src/model/intrinsics';
import type { Template } from '../../src/model/template';
import { parseTemplate } from '../../src/parse';
import { specIndex } from '../../src/spec';
import { templateValue } from '../support/arbitrary';

const spec = specIndex();
const parsed = parseTemplate('{}');

/** Resource types with lists and maps of property types, unions, previous types, tags and custom resources. */
const TYPES = ['AWS::S3::Bucket', 'AWS::EC2::SecurityGroup', 'AWS::AutoScaling::AutoScalingGroup', 'AWS::DynamoDB::Table', 'AWS::ApiGateway::UsagePlan', 'AWS::Batch::JobDefinition', 'Custom::Thing', 'Acme::Unknown::Type'];

function issuesOf(type: string, properties: TemplateValue | undefined) {
  const resource = { Type: type, ...(properties === undefined ? {} : { Properties: properties }) } as ResourceVisit['resource'];
  const template = { Parameters: { L: { Type: 'CommaDelimitedList' } }, Resources: { R: resource } } as unknown as Template;
  return specIssues({ template, spec, parsed }, { logicalId: 'R', resource, path: ['Resources', 'R'] });
}

describe('specIssues', () => {
  it('never throws and reports only inside the resource, for any properties', () => {
    const props = (type: string) => {
      const names = Object.keys(spec.resource(type.startsWith('Custom::') ? 'AWS::CloudFormation::CustomResource' : type)?.p ?? { Any: 1 });
      return fc.oneof(templateValue, fc.dictionary(fc.constantFrom(...names), templateValue, { maxKeys: 6, noNullPrototype: true }));
    };
    const arb = fc.constantFrom(...TYPES).chain((type) => fc.tuple(fc.constant(type), fc.option(props(type), { nil: undefined })));
    fc.assert(
      fc.property(arb, ([type, properties]) => {
        for (const issue of issuesOf(type, properties)) expect(issue.path.slice(0, 2)).toEqual(['Resources', 'R']);
      }),
      { numRuns: 300 },
    );
  });

  it('walks each resource once (cached per resource object)', () => {
    const resource = { Type: 'AWS::SQS::Queue', Properties: { DelaySeconds: 'x' } } as unknown as ResourceVisit['resource'];
    const context = { template: { Resources: { R: resource } } as unknown as Template, spec, parsed };
    const visit = { logicalId: 'R', resource, path: ['Resources', 'R'] };
    expect(specIssues(context, visit)).toBe(specIssues(context, visit));
  });
});

describe('closest', () => {
  it.each([
    ['BucketNam', ['BucketName', 'Tags'], 'BucketName'],
    ['queuename', ['QueueName'], 'QueueName'],
    ['Tag', ['Tags', 'Tag'], 'Tag'],
    ['Frobnicate', ['QueueName', 'Tags'], undefined],
    ['Ab', ['Cd'], undefined],
  ])('%s among %j is %s', (name, candidates, expected) => {
    expect(closest(name, candidates)).toBe(expected);
  });
});

describe('propertyName', () => {
  it('writes the path below Properties as users do, without Fn::If branches', () => {
    expect(propertyName(['Resources', 'R', 'Properties', 'Tags', 0, 'Key'])).toBe('Tags[0].Key');
    expect(propertyName(['Resources', 'R', 'Properties', 'A', 'Fn::If', 1, 'B'])).toBe('A.B');
    expect(propertyName(['Resources', 'R', 'Properties'])).toBe('Properties');
  });
});
