/**
 * `Key=Value` options (`--parameters`, `--tags`) and parameter files: either the AWS CLI's list
 * (`[{"ParameterKey": "A", "ParameterValue": "b"}]`) or a plain object (`{"A": "b"}`), in JSON.
 */
import { readFileSync } from 'node:fs';
import { CliError } from './errors';

/** Parses `Key=Value` items (the value may contain `=`); throws a usage error naming `option`. */
export function parseKeyValues(command: string, option: string, items: readonly unknown[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items ?? []) {
    const text = String(item);
    const eq = text.indexOf('=');
    if (eq <= 0) throw new CliError('usage', `${command}: ${option} takes Key=Value, not "${text}"`);
    out[text.slice(0, eq)] = text.slice(eq + 1);
  }
  return out;
}

/** Reads a parameters file; throws a one-line error naming the file. */
export function readParametersFile(command: string, path: string): Record<string, string> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'ENOENT' ? 'no such file' : err.code ? err.message : `not JSON (${err.message})`;
    throw new CliError('read-failed', `${command}: cannot read --parameters-file ${path}: ${why}`, 1, { cause: e });
  }
  const out: Record<string, string> = {};
  if (Array.isArray(data)) {
    for (const p of data) {
      const key = (p as { ParameterKey?: unknown })?.ParameterKey;
      const value = (p as { ParameterValue?: unknown })?.ParameterValue;
      if (typeof key !== 'string' || value === undefined) {
        throw new CliError('invalid-option', `${command}: --parameters-file ${path}: each entry needs ParameterKey and ParameterValue`);
      }
      out[key] = String(value);
    }
  } else if (data && typeof data === 'object') {
    for (const [k, v] of Object.entries(data)) out[k] = Array.isArray(v) ? v.map(String).join(',') : String(v);
  } else {
    throw new CliError('invalid-option', `${command}: --parameters-file ${path}: expected a JSON object or a list of {ParameterKey, ParameterValue}`);
  }
  return out;
}
