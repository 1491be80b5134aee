/**
 * Renders a handlebars source from `templates/` (inline Lambda code, EC2 user data). HTML escaping is
 * off: the output is code or shell, not markup. Handlebars is loaded on first use only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/paths';

const cache = new Map<string, (data: unknown) => string>();

/** Renders `templates/<name>` with `data`. */
export function render(name: string, data: Record<string, unknown> = {}): string {
  let fn = cache.get(name);
  if (!fn) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Handlebars = require('handlebars') as typeof import('handlebars');
    const source = readFileSync(join(packageRoot(), 'templates', name), 'utf8');
    fn = Handlebars.compile(source, { noEscape: true, strict: true });
    cache.set(name, fn);
  }
  return fn(data);
}
