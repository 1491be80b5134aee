/** One walk over a template model, visiting every value with its path. */
import { Intrinsic, TemplateValue } from '../model/intrinsics';
import type { TemplatePath } from '../parse';

/** Calls `visit` for `value` and every value below it (Map entries, list items, intrinsic arguments). */
export function walkValue(value: unknown, path: Array<string | number>, visit: (value: TemplateValue, path: TemplatePath) => void): void {
  visit(value as TemplateValue, path);
  if (value instanceof Intrinsic) {
    path.push(value.fn);
    walkValue(value.args, path, visit);
    path.pop();
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      walkValue(value[i], path, visit);
      path.pop();
    }
  } else if (value instanceof Map) {
    for (const [k, v] of value) {
      path.push(String(k));
      walkValue(v, path, visit);
      path.pop();
    }
  } else if (value !== null && typeof value === 'object') {
    for (const k of Object.keys(value)) {
      path.push(k);
      walkValue((value as { [key: string]: unknown })[k], path, visit);
      path.pop();
    }
  }
}

/** True for a plain mapping value (not a list, Map, intrinsic or scalar). */
export function isPlainObject(value: unknown): value is { [key: string]: TemplateValue } {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Intrinsic) && !(value instanceof Map);
}
