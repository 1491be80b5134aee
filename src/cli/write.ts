/**
 * All-or-nothing file output: every file is written to a temporary name beside its target first and
 * renamed only when all writes succeeded, so a failure leaves no partial file and no half-updated set.
 */
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CliError } from './errors';

/** Writes `files` (name → content) into `dir`, creating it; throws {@link CliError} naming `dir` on failure. */
export function writeFilesAtomically(dir: string, files: ReadonlyArray<{ name: string; content: string }>): string[] {
  const temps: string[] = [];
  try {
    makeDirectory(dir);
    for (const f of files) {
      const tmp = join(dir, `.${f.name}.${process.pid}.tmp`);
      temps.push(tmp);
      writeFileSync(tmp, f.content, { flag: 'wx' });
    }
  } catch (e) {
    for (const t of temps) rmSync(t, { force: true });
    const err = e as NodeJS.ErrnoException;
    throw new CliError('write-failed', `cannot write to --out ${dir}: ${err.code ?? ''} ${err.message.replace(/^\w+: /, '')}`.trim(), 1, { cause: e });
  }
  const written: string[] = [];
  files.forEach((f, i) => {
    const target = join(dir, f.name);
    renameSync(temps[i], target);
    written.push(target);
  });
  return written;
}

/**
 * Creates `dir` and missing parents one level at a time. (`mkdirSync(dir, {recursive: true})` spins
 * forever on some paths under /proc on Linux; a level-by-level walk fails cleanly instead.)
 */
function makeDirectory(dir: string): void {
  const missing: string[] = [];
  let d = resolve(dir);
  for (;;) {
    try {
      if (!statSync(d).isDirectory()) throw Object.assign(new Error(`${d} is not a directory`), { code: 'ENOTDIR' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      missing.push(d);
      const up = dirname(d);
      if (up === d) break;
      d = up;
    }
  }
  for (const m of missing.reverse()) mkdirSync(m);
}
