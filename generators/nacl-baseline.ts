// PLACEHOLDER — replaced by the real pattern.
import type { Pattern } from './pattern';
import { TemplateBuilder } from '../src/model/builder';
import type { Template } from '../src/model/template';

/** Options of the `nacl-baseline` pattern. */
export interface NaclBaselineOptions {
  readonly name: string;
}

/** Builds the `nacl-baseline` template. */
export function naclBaseline(_options: Partial<NaclBaselineOptions> = {}): Template {
  return new TemplateBuilder('nacl-baseline').build();
}

/** The `nacl-baseline` pattern. */
export const naclBaselinePattern: Pattern<NaclBaselineOptions> = {
  name: 'nacl-baseline',
  description: 'nacl-baseline placeholder',
  options: {},
  build: (o) => [{ name: 'nacl-baseline', template: naclBaseline(o) }],
};
