/**
 * A private JavaScript copy of cfnkit for tests that need a real process: child processes whose peak
 * memory is measured, and worker threads (which only run compiled code). Transpiled file by file
 * (no type check; `npm test` runs tsc first) into `.tmp/` inside the repository, so the package
 * root — spec/ and templates/ — is found as from dist/; dist/ itself may be stale while developing.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

/** The repository root. */
export const ROOT = join(__dirname, '..', '..', '..');

const SOURCES = ['src', 'rules', 'generators'];

function* tsFiles(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* tsFiles(p);
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) yield p;
  }
}

/** Transpiles the sources into a fresh folder under .tmp/ and returns it; remove it with {@link removeBuild}. */
export function buildJs(): string {
  const out = join(ROOT, '.tmp', `hardening-${process.pid}-${Date.now()}`);
  const compilerOptions: ts.CompilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };
  for (const top of SOURCES) {
    for (const file of tsFiles(join(ROOT, top))) {
      const js = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions, fileName: file }).outputText;
      const target = join(out, relative(ROOT, file)).replace(/\.ts$/, '.js');
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, js);
    }
  }
  writeFileSync(join(out, 'measure.js'), MEASURE);
  return out;
}

/** Removes a folder made by {@link buildJs}. */
export function removeBuild(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Runs the CLI in this process and reports, on the last line of stderr, the exit code, the wall time
 * in ms and the peak resident memory in KB (process.resourceUsage().maxRSS, worker threads included).
 */
const MEASURE = `'use strict';
const { main } = require('./src/cli/main.js');
const start = process.hrtime.bigint();
main(process.argv.slice(2)).then((code) => {
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stderr.write('\\n__MEASURE__ ' + code + ' ' + ms.toFixed(0) + ' ' + process.resourceUsage().maxRSS + '\\n');
  process.exitCode = code;
}, (e) => {
  process.stderr.write('\\n__CRASH__ ' + (e && e.stack) + '\\n');
  process.exitCode = 99;
});
`;

/** What one measured CLI run did. */
export interface Measured {
  readonly code: number;
  readonly ms: number;
  readonly rssMb: number;
  readonly stdout: string;
  /** stderr without the measurement line. */
  readonly stderr: string;
}

/**
 * Runs `cfnkit <args>` from `build` in a child process, with `nodeArgs` (e.g. a heap cap), and
 * measures it. A run longer than `limitMs` is killed and fails the test: that is the "no hang" bound.
 */
export function measureCli(build: string, args: string[], options: { cwd?: string; nodeArgs?: string[]; limitMs?: number; input?: string | Buffer } = {}): Measured {
  const r = spawnSync(process.execPath, [...(options.nodeArgs ?? []), join(build, 'measure.js'), ...args], {
    cwd: options.cwd,
    input: options.input,
    encoding: 'utf8',
    maxBuffer: 256 << 20,
    timeout: options.limitMs ?? 120_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (r.error) throw r.error;
  const m = /\n__MEASURE__ (-?\d+) (\d+) (\d+)\n$/.exec(r.stderr);
  if (!m) throw new Error(`cfnkit ${args.join(' ')}: no measurement (status ${r.status}, signal ${r.signal}): ${r.stderr.slice(-2000)}`);
  return { code: Number(m[1]), ms: Number(m[2]), rssMb: Number(m[3]) / 1024, stdout: r.stdout, stderr: r.stderr.slice(0, m.index) };
}
