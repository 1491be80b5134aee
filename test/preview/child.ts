/** Running TypeScript entry points in a child `node` process, and waiting for what it prints. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** A child process with its output collected. */
export interface Child {
  readonly process: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves when stdout contains `text`; rejects after `timeoutMs` or if the child exits first. */
  waitFor(text: string, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code (or the signal name) once the child has exited. */
  exited(): Promise<number | string>;
}

/** Starts `node -r register-ts.js <script> …args` in the repository root. */
export function spawnTs(script: string, args: readonly string[] = [], env: NodeJS.ProcessEnv = {}): Child {
  const child = spawn(process.execPath, ['-r', join(__dirname, 'register-ts.js'), join(ROOT, script), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
  const exit = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  return {
    process: child,
    stdout: () => out,
    stderr: () => err,
    exited: () => exit,
    waitFor: (text, timeoutMs = 60_000) =>
      new Promise<void>((resolve, reject) => {
        const deadline = Date.now() + timeoutMs;
        const check = () => {
          if (out.includes(text)) return resolve();
          if (child.exitCode !== null || child.signalCode !== null) return reject(new Error(`child exited before printing "${text}":\n${out}\n${err}`));
          if (Date.now() > deadline) return reject(new Error(`child did not print "${text}" within ${timeoutMs} ms:\n${out}\n${err}`));
          setTimeout(check, 20);
        };
        check();
      }),
  };
}
