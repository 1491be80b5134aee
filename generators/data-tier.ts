// PLACEHOLDER — replaced by the real pattern.
import type { Pattern } from './pattern';
import { TemplateBuilder } from '../src/model/builder';
import type { Template } from '../src/model/template';

/** Options of the `data-tier` pattern. */
export interface DataTierOptions {
  readonly name: string;
}

/** Builds the `data-tier` template. */
export function dataTier(_options: Partial<DataTierOptions> = {}): Template {
  return new TemplateBuilder('data-tier').build();
}

/** The `data-tier` pattern. */
export const dataTierPattern: Pattern<DataTierOptions> = {
  name: 'data-tier',
  description: 'data-tier placeholder',
  options: {},
  build: (o) => [{ name: 'data-tier', template: dataTier(o) }],
};
