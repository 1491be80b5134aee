/**
 * What every deployment pattern exports: a name, a one-line description, generation-time options
 * (structure; deploy-time values are CloudFormation Parameters) and a build function that returns
 * the template model — or several, for patterns that split into independently deployable stacks.
 */
import type { Template } from '../src/model/template';

/** A generation-time option, shown by `cfnkit gen <pattern> --help`. */
export interface PatternOption {
  readonly type: 'string' | 'number' | 'boolean';
  readonly description: string;
  readonly default?: string | number | boolean;
  readonly choices?: ReadonlyArray<string | number>;
}

/** Files a pattern produces: file stem (no extension) → template, in output order. */
export type PatternFiles = ReadonlyArray<{ readonly name: string; readonly template: Template }>;

/** A deployment pattern. `O` is its options object (keys as in `options`, camelCase). */
export interface Pattern<O = Record<string, unknown>> {
  /** CLI name, e.g. `blue-green`. */
  readonly name: string;
  /** One line for `cfnkit gen --list`. */
  readonly description: string;
  /** Options by camelCase name; the CLI spells them in kebab-case. */
  readonly options: { readonly [name: string]: PatternOption };
  /** Builds the pattern. Throws {@link PatternOptionError} for invalid options. */
  build(options: Partial<O>): PatternFiles;
}

/** An option value the pattern cannot accept; the CLI prints `message` on one line, exit code 1. */
export class PatternOptionError extends Error {
  readonly code = 'invalid-option';
  constructor(
    /** The option as the user spelt it, e.g. `--blue-weight`. */
    readonly option: string,
    message: string,
  ) {
    super(`${option}: ${message}`);
    this.name = 'PatternOptionError';
  }
}

/** Merges defaults into options (the library API may pass a partial object). */
export function withDefaults<O>(pattern: Pattern<O>, options: Partial<O>): O {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(pattern.options)) {
    const given = (options as Record<string, unknown>)[name];
    out[name] = given === undefined ? spec.default : given;
  }
  return out as O;
}

/** kebab-case spelling of a camelCase option name. */
export function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
}
