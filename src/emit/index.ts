/** Template emitters: `emit(template, 'yaml' | 'json')`. Same input, byte-identical output. */
import type { Template } from '../model/template';
import { writeJson } from './json';
import { orderTemplate } from './ordered';
import { writeYaml } from './yaml';

/** Output formats of the emitter. */
export type TemplateFormat = 'yaml' | 'json';

/** Renders a template model as YAML (short-form tags) or JSON. */
export function emit(template: Template, format: TemplateFormat = 'yaml'): string {
  const tree = orderTemplate(template);
  return format === 'json' ? writeJson(tree) : writeYaml(tree);
}
