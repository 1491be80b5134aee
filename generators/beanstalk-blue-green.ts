// PLACEHOLDER — replaced by the real pattern.
import type { Pattern } from './pattern';
import { TemplateBuilder } from '../src/model/builder';
import type { Template } from '../src/model/template';

/** Options of the `beanstalk-blue-green` pattern. */
export interface BeanstalkBlueGreenOptions {
  readonly name: string;
}

/** Builds the `beanstalk-blue-green` template. */
export function beanstalkBlueGreen(_options: Partial<BeanstalkBlueGreenOptions> = {}): Template {
  return new TemplateBuilder('beanstalk-blue-green').build();
}

/** The `beanstalk-blue-green` pattern. */
export const beanstalkBlueGreenPattern: Pattern<BeanstalkBlueGreenOptions> = {
  name: 'beanstalk-blue-green',
  description: 'beanstalk-blue-green placeholder',
  options: {},
  build: (o) => [{ name: 'beanstalk-blue-green', template: beanstalkBlueGreen(o) }],
};
