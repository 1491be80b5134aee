/**
 * Colour for the text report: the decision (TTY, NO_COLOR, FORCE_COLOR) and the plain ANSI SGR codes it
 * uses, without a dependency.
 */

/** Where a report goes: only whether it is a terminal matters. */
export interface OutputStream {
  readonly isTTY?: boolean;
}

/**
 * Whether to colour output written to `stream` (undefined: a file, never coloured unless forced):
 * - never when `NO_COLOR` is set to a non-empty value, whatever else is set (https://no-color.org);
 * - else as `FORCE_COLOR` says when it is set: `0` or `false` turn colour off, any other value
 *   (empty included) turns it on, as Node's `tty` and supports-color read it;
 * - else only on a TTY whose `TERM` is not `dumb`.
 */
export function shouldColor(stream: OutputStream | undefined, env: { readonly [name: string]: string | undefined }): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  return stream?.isTTY === true && env.TERM !== 'dumb';
}

/** A styling function; the identity when colour is off. */
export type Paint = (text: string) => string;

/** The styles the text report uses. */
export interface Palette {
  readonly bold: Paint;
  readonly dim: Paint;
  readonly underline: Paint;
  readonly red: Paint;
  readonly yellow: Paint;
  readonly blue: Paint;
  readonly green: Paint;
}

const sgr =
  (open: number, close: number): Paint =>
  (text) =>
    text === '' ? '' : `\u001b[${open}m${text}\u001b[${close}m`;

const plain: Paint = (text) => text;

/** ANSI styles when `color`, identity functions otherwise. */
export function palette(color: boolean): Palette {
  if (!color) return { bold: plain, dim: plain, underline: plain, red: plain, yellow: plain, blue: plain, green: plain };
  return {
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    underline: sgr(4, 24),
    red: sgr(31, 39),
    yellow: sgr(33, 39),
    blue: sgr(34, 39),
    green: sgr(32, 39),
  };
}
