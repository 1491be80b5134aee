// PLACEHOLDER — replaced by the real pattern.
import type { Pattern } from './pattern';
import { TemplateBuilder } from '../src/model/builder';
import type { Template } from '../src/model/template';

/** Options of the `blue-green` pattern. */
export interface BlueGreenOptions {
  readonly name: string;
}

/** Builds the `blue-green` template. */
export function blueGreen(_options: Partial<BlueGreenOptions> = {}): Template {
  return new TemplateBuilder('blue-green').build();
}

/** The `blue-green` pattern. */
export const blueGreenPattern: Pattern<BlueGreenOptions> = {
  name: 'blue-green',
  description: 'blue-green placeholder',
  options: {},
  build: (o) => [{ name: 'blue-green', template: blueGreen(o) }],
};
