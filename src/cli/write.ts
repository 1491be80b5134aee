/**
 * All-or-nothing file output: every file is written to a temporary name beside its target first and
 * renamed only when all writes succeeded, so a failure leaves no partial file and no half-updated set.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from './errors';

/** Writes `files` (name → content) into `dir`, creating it; throws {@link CliError} naming `dir` on failure. */
export function writeFilesAtomically(dir: string, files: ReadonlyArray<{ name: string; content: string }>): string[] {
  const temps: string[] = [];
  try {
    mkdirSync(dir, { recursive: true });
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
