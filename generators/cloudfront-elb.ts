// PLACEHOLDER — replaced by the real pattern.
import type { Pattern } from './pattern';
import { TemplateBuilder } from '../src/model/builder';
import type { Template } from '../src/model/template';

/** Options of the `cloudfront-elb` pattern. */
export interface CloudfrontElbOptions {
  readonly name: string;
}

/** Builds the `cloudfront-elb` template. */
export function cloudfrontElb(_options: Partial<CloudfrontElbOptions> = {}): Template {
  return new TemplateBuilder('cloudfront-elb').build();
}

/** The `cloudfront-elb` pattern. */
export const cloudfrontElbPattern: Pattern<CloudfrontElbOptions> = {
  name: 'cloudfront-elb',
  description: 'cloudfront-elb placeholder',
  options: {},
  build: (o) => [{ name: 'cloudfront-elb', template: cloudfrontElb(o) }],
};
