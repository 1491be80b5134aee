/** The golden files in out/: every pattern with default options, in YAML and JSON. */
import { PATTERNS } from '../generators';
import { emit } from '../src/emit';

/** out/ file name → content, in a fixed order. */
export function goldenFiles(): Array<{ name: string; content: string }> {
  const files: Array<{ name: string; content: string }> = [];
  for (const pattern of PATTERNS) {
    for (const { name, template } of pattern.build({})) {
      for (const format of ['yaml', 'json'] as const) files.push({ name: `${name}.${format}`, content: emit(template, format) });
    }
  }
  return files;
}
