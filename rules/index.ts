/**
 * Every rule cfnkit ships, by id. One file per rule under rules/; the meta-test checks that this list,
 * the files, the docs pages and the tests agree.
 */
import type { Rule } from '../src/lint/types';
import { rule as parseDuplicateKey } from './parse-duplicate-key';
import { rule as parseSyntax } from './parse-syntax';
import { rule as parseUnknownTag } from './parse-unknown-tag';
import { rule as parseYamlAlias } from './parse-yaml-alias';

/** All rules, sorted by id. */
export const RULES: readonly Rule[] = [parseDuplicateKey, parseSyntax, parseUnknownTag, parseYamlAlias];
