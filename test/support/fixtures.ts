/** Small fixture builders for templates in tests. */
import type { TemplateValue } from '../../src/model/intrinsics';
import type { Resource, Template } from '../../src/model/template';

/** A resource entry. */
export function resource(type: string, properties?: { [key: string]: TemplateValue }, extra: Partial<Resource> = {}): Resource {
  return { Type: type, ...extra, ...(properties ? { Properties: properties } : {}) };
}

/** A template around `resources` (and any other sections). */
export function template(resources: { [id: string]: Resource }, sections: Partial<Template> = {}): Template {
  return { AWSTemplateFormatVersion: '2010-09-09', ...sections, Resources: resources };
}
