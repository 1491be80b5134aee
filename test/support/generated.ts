/** Shared checks for generated templates: cfn-lint clean, round trip, determinism. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emit } from '../../src/emit';
import type { Template } from '../../src/model/template';
import { parseTemplate } from '../../src/parse';
import { PatternOptionError } from '../../generators/pattern';
import { cfnLint, cfnLintAvailable } from './cfn-lint';

/** Writes each template as YAML and JSON and returns cfn-lint's matches for all of them. */
export function lintGenerated(templates: ReadonlyArray<{ name: string; template: Template }>): ReturnType<typeof cfnLint> {
  if (!cfnLintAvailable()) return [];
  const dir = mkdtempSync(join(tmpdir(), 'cfnkit-gen-'));
  try {
    const files: string[] = [];
    for (const { name, template } of templates) {
      for (const format of ['yaml', 'json'] as const) {
        const file = join(dir, `${name}.${format}`);
        writeFileSync(file, emit(template, format));
        files.push(file);
      }
    }
    return cfnLint(files);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Asserts emit → parse gives back the same model, in both formats, and that emitting is repeatable. */
export function expectRoundTrip(template: Template): void {
  for (const format of ['yaml', 'json'] as const) {
    const text = emit(template, format);
    expect(emit(template, format)).toBe(text);
    const parsed = parseTemplate(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.format).toBe(format);
    expect(parsed.template).toStrictEqual(template);
  }
}

/** The PatternOptionError `build` throws; fails the test when it throws nothing or something else. */
export function optionError(build: () => unknown): PatternOptionError {
  try {
    build();
  } catch (e) {
    if (e instanceof PatternOptionError) return e;
    throw e;
  }
  throw new Error('expected a PatternOptionError');
}
