/**
 * cfn-lint as an oracle: runs the real `cfn-lint` on template files and returns its findings.
 * Under CI=true a missing cfn-lint fails the suite instead of skipping the oracle.
 */
import { execFileSync, spawnSync } from 'node:child_process';

/** One cfn-lint finding, as its JSON formatter prints it (trimmed). */
export interface CfnLintMatch {
  readonly rule: string;
  readonly level: string;
  readonly message: string;
  readonly file: string;
  readonly line: number;
}

let available: boolean | undefined;

/** True when `cfn-lint` runs on this machine; throws under CI=true when it does not. */
export function cfnLintAvailable(): boolean {
  if (available === undefined) {
    available = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' }).status === 0;
    if (!available && process.env.CI === 'true') throw new Error('cfn-lint is required under CI=true but is not on PATH');
  }
  return available;
}

/** Runs cfn-lint (all rules, informational included) on `files`; returns every match. */
export function cfnLint(files: readonly string[]): CfnLintMatch[] {
  let stdout: string;
  try {
    stdout = execFileSync('cfn-lint', ['--format', 'json', '--', ...files], { encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch (e) {
    const err = e as { status?: number; stdout?: string };
    if (typeof err.stdout !== 'string' || err.status === undefined || err.status === 1 || err.status > 31) throw e;
    stdout = err.stdout; // cfn-lint exits 2/4/8 when it finds something
  }
  const raw = JSON.parse(stdout || '[]') as Array<{ Rule: { Id: string }; Level: string; Message: string; Filename: string; Location: { Start: { LineNumber: number } } }>;
  return raw.map((m) => ({ rule: m.Rule.Id, level: m.Level, message: m.Message, file: m.Filename, line: m.Location.Start.LineNumber }));
}
