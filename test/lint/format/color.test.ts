import { shouldColor } from '../../../src/lint/format';

const TTY = { isTTY: true };
const PIPE = { isTTY: false };

describe('shouldColor', () => {
  it.each([
    ['a TTY', TTY, {}, true],
    ['a pipe', PIPE, {}, false],
    ['a file (no stream)', undefined, {}, false],
    ['a stream without isTTY', {}, {}, false],
    ['a TTY with TERM=dumb', TTY, { TERM: 'dumb' }, false],
    ['a TTY with TERM=xterm-256color', TTY, { TERM: 'xterm-256color' }, true],
    ['a TTY under NO_COLOR=1', TTY, { NO_COLOR: '1' }, false],
    ['a TTY under NO_COLOR=0 (any non-empty value)', TTY, { NO_COLOR: '0' }, false],
    ['a TTY under NO_COLOR=false (any non-empty value)', TTY, { NO_COLOR: 'false' }, false],
    ['a TTY under an empty NO_COLOR (ignored)', TTY, { NO_COLOR: '' }, true],
    ['a pipe under FORCE_COLOR=1', PIPE, { FORCE_COLOR: '1' }, true],
    ['a pipe under FORCE_COLOR=3', PIPE, { FORCE_COLOR: '3' }, true],
    ['a pipe under FORCE_COLOR=true', PIPE, { FORCE_COLOR: 'true' }, true],
    ['a pipe under an empty FORCE_COLOR', PIPE, { FORCE_COLOR: '' }, true],
    ['a file under FORCE_COLOR=1', undefined, { FORCE_COLOR: '1' }, true],
    ['a TTY under FORCE_COLOR=0', TTY, { FORCE_COLOR: '0' }, false],
    ['a TTY under FORCE_COLOR=false', TTY, { FORCE_COLOR: 'false' }, false],
    ['a TTY under FORCE_COLOR=FALSE', TTY, { FORCE_COLOR: 'FALSE' }, false],
    ['a TTY with TERM=dumb under FORCE_COLOR=1', TTY, { TERM: 'dumb', FORCE_COLOR: '1' }, true],
    ['a pipe under FORCE_COLOR=1 and NO_COLOR=1 (NO_COLOR wins)', PIPE, { FORCE_COLOR: '1', NO_COLOR: '1' }, false],
    ['a TTY under FORCE_COLOR=1 and an empty NO_COLOR', TTY, { FORCE_COLOR: '1', NO_COLOR: '' }, true],
  ])('%s', (_name, stream, env, expected) => {
    expect(shouldColor(stream, env)).toBe(expected);
  });
});
