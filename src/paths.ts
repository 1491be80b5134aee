/** Locations inside the installed package, the same from `dist/` and from the TypeScript sources. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

let root: string | undefined;

/** The directory holding cfnkit's package.json. */
export function packageRoot(): string {
  if (root) return root;
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'templates'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`cfnkit: package root not found above ${__dirname}`);
    dir = up;
  }
  root = dir;
  return root;
}
