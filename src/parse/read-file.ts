/** Reading template bytes from a file or stdin with a ceiling, for every command that reads templates. */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { MAX_TEMPLATE_BYTES } from './limits';

/**
 * Reads a file (`-` is stdin), at most one byte past {@link MAX_TEMPLATE_BYTES}: the parser reports
 * anything longer as too large, so `/dev/zero` or an endless pipe cannot fill the memory (issue 6).
 * Throws the file system's errors (ENOENT, EISDIR, EACCES, …).
 */
export function readTemplateBytes(file: string): Buffer {
  const fd = file === '-' ? 0 : openSync(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    // a regular file in one read and a small one to see its end; pipes and devices in growing chunks
    let want = Math.max(fd === 0 ? 0 : fstatSync(fd).size + 1, 1 << 16);
    for (let first = true; ; first = false) {
      const chunk = Buffer.allocUnsafe(Math.min(want, MAX_TEMPLATE_BYTES + 1 - total));
      want = first ? 1 << 12 : Math.min(want * 2, 1 << 20);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > MAX_TEMPLATE_BYTES) break;
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}
