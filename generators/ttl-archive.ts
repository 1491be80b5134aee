// PLACEHOLDER — replaced by the real pattern.
import type { Pattern } from './pattern';
import { TemplateBuilder } from '../src/model/builder';
import type { Template } from '../src/model/template';

/** Options of the `ttl-archive` pattern. */
export interface TtlArchiveOptions {
  readonly name: string;
}

/** Builds the `ttl-archive` template. */
export function ttlArchive(_options: Partial<TtlArchiveOptions> = {}): Template {
  return new TemplateBuilder('ttl-archive').build();
}

/** The `ttl-archive` pattern. */
export const ttlArchivePattern: Pattern<TtlArchiveOptions> = {
  name: 'ttl-archive',
  description: 'ttl-archive placeholder',
  options: {},
  build: (o) => [{ name: 'ttl-archive', template: ttlArchive(o) }],
};
