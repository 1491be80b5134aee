/** Loading old/new template pairs from test/fixtures/diff/<case>/ for the diff tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Template } from '../../src/model/template';
import { parseTemplate } from '../../src/parse';

/** test/fixtures/diff */
export const FIXTURES = join(__dirname, '..', 'fixtures', 'diff');

/** Paths of a fixture pair: `old.*` and `new.*` (yaml or json). */
export function fixturePaths(name: string): { old: string; new: string } {
  const files = readdirSync(join(FIXTURES, name));
  const find = (stem: string) => join(FIXTURES, name, files.find((f) => f.startsWith(`${stem}.`))!);
  return { old: find('old'), new: find('new') };
}

/** Parses a template file; fails the test on any parse problem. */
export function loadTemplate(path: string): Template {
  const parsed = parseTemplate(readFileSync(path));
  if (!parsed.template || parsed.problems.length > 0) throw new Error(`${path}: ${parsed.problems.map((p) => p.message).join('; ')}`);
  return parsed.template;
}

/** The old and new templates of fixture `name`. */
export function loadPair(name: string): { before: Template; after: Template } {
  const paths = fixturePaths(name);
  return { before: loadTemplate(paths.old), after: loadTemplate(paths.new) };
}
