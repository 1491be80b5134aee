/** Errors the CLI turns into one readable line and an exit code, never a stack trace. */

/** Codes of user-facing CLI failures. */
export type CliErrorCode =
  | 'usage'
  | 'invalid-option'
  | 'unknown-pattern'
  | 'write-failed'
  | 'read-failed'
  | 'invalid-template'
  | 'fail-on'
  | 'aws'
  | 'interrupted';

/** A failure caused by the user's input or environment; `message` is the whole line to print. */
export class CliError extends Error {
  constructor(
    readonly code: CliErrorCode,
    message: string,
    /** Process exit code. */
    readonly exitCode = 1,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CliError';
  }
}
