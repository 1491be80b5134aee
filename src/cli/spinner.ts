/** A one-line progress spinner on a terminal; silent when the stream is not a TTY (CI logs, pipes). */

/** A started spinner. */
export interface Spinner {
  /** Shows `message` next to the spinner. */
  update(message: string): void;
  /** Clears the line and stops. Idempotent. */
  stop(): void;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** Starts a spinner on `stream` (stderr), or a no-op one when it is not a terminal. */
export function startSpinner(stream: NodeJS.WriteStream): Spinner {
  if (!stream.isTTY) return { update: () => undefined, stop: () => undefined };
  let message = '';
  let frame = 0;
  const draw = () => {
    const width = Math.max(10, (stream.columns || 80) - 3);
    stream.write(`\r\u001b[2K${FRAMES[frame++ % FRAMES.length]} ${message.slice(0, width)}`);
  };
  const timer = setInterval(draw, 100);
  timer.unref();
  let stopped = false;
  return {
    update(m) {
      message = m;
      if (!stopped) draw();
    },
    stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      stream.write('\r\u001b[2K');
    },
  };
}
