/**
 * Reading a template file for `diff` and `preview`: unreadable files and templates that do not parse
 * become one line naming the file (and `file:line:col` for the first problem), never a stack trace.
 */
import type { Template } from '../model/template';
import { parseTemplate } from '../parse';
import { readTemplateBytes } from '../parse/read-file';
import { CliError } from './errors';

/** A template file, read and parsed. */
export interface TemplateFile {
  readonly path: string;
  readonly text: string;
  readonly template: Template;
}

/** Reads and parses `path`; throws {@link CliError} (`read-failed`, `invalid-template`) prefixed with `command`. */
export function readTemplateFile(command: string, path: string): TemplateFile {
  let bytes: Buffer;
  try {
    bytes = readTemplateBytes(path); // capped: `diff /dev/zero …` must not read forever
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a directory' : err.code === 'EACCES' ? 'permission denied' : err.message;
    throw new CliError('read-failed', `${command}: cannot read ${path}: ${why}`, 1, { cause: e });
  }
  const parsed = parseTemplate(bytes);
  const first = parsed.problems[0];
  if (first) {
    const more = parsed.problems.length > 1 ? ` (and ${parsed.problems.length - 1} more problem${parsed.problems.length > 2 ? 's' : ''})` : '';
    throw new CliError('invalid-template', `${command}: ${path}:${first.range.start.line}:${first.range.start.column}: ${first.message}${more}`);
  }
  const template = parsed.template!;
  if (template.Resources !== undefined && (typeof template.Resources !== 'object' || template.Resources === null || Array.isArray(template.Resources))) {
    const at = parsed.locate(['Resources'])?.start;
    throw new CliError('invalid-template', `${command}: ${path}:${at?.line ?? 1}:${at?.column ?? 1}: Resources must be a mapping of logical ids to resources`);
  }
  return { path, text: new TextDecoder().decode(bytes), template };
}
