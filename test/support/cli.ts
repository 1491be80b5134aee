/** Runs the CLI in-process and captures what it writes. */
import { main } from '../../src/cli/main';

/** Exit code and output of one CLI run. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `cfnkit <args>` in `cwd` (default: the current directory), with `env` set over the process
 * environment for the run (an undefined value unsets the variable).
 */
export async function runCli(args: string[], cwd?: string, env: { readonly [name: string]: string | undefined } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  // yargs prints --help and --version through console.log
  const log = jest.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => {
    stdout += parts.map(String).join(' ') + '\n';
  });
  const before = process.cwd();
  const savedEnv = { ...process.env };
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  try {
    if (cwd) process.chdir(cwd);
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    process.chdir(before);
    process.env = savedEnv;
    out.mockRestore();
    err.mockRestore();
    log.mockRestore();
  }
}
