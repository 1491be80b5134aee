/** Golden files for renderer output (test/report/golden/). Set UPDATE_GOLDEN=1 to rewrite them. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const GOLDEN = join(__dirname, 'golden');

/** Compares `actual` with golden file `name`; writes it when missing or under UPDATE_GOLDEN=1. */
export function expectGolden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
