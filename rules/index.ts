/**
 * Every rule cfnkit ships, loaded from this folder: one file per rule, the file name is the rule id
 * (the meta-test checks it, and that each has a docs page and a table test). Loading by listing the
 * folder keeps adding a rule to one new file.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Rule } from '../src/lint/types';

function load(): Rule[] {
  return readdirSync(__dirname)
    .filter((f) => /\.(js|ts)$/.test(f) && !f.endsWith('.d.ts') && !/^index\./.test(f))
    .sort()
    .map((f) => (require(join(__dirname, f)) as { rule: Rule }).rule);
}

/** All rules, sorted by id. */
export const RULES: readonly Rule[] = load();

/** The rule with id `id`, or undefined. */
export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
