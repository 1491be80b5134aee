/** Rewrites out/ from the generators (npm run out:refresh). */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFilesAtomically } from '../src/cli/write';
import { packageRoot } from '../src/paths';
import { goldenFiles } from './out-files';

const dir = join(packageRoot(), 'out');
const files = goldenFiles();
const keep = new Set(files.map((f) => f.name));
for (const old of readdirSync(dir)) if (!keep.has(old) && /\.(ya?ml|json)$/.test(old)) rmSync(join(dir, old));
writeFilesAtomically(dir, files);
process.stdout.write(`out/: ${files.length} files\n`);
