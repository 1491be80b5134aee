/**
 * Ctrl-C during a preview: the first SIGINT (or SIGTERM) aborts the preview, which stops waiting and
 * deletes what it created before it returns; a second one calls `onForce` (the CLI exits at once,
 * leaving the change set behind, and says so).
 */

/** Signals that interrupt a preview. */
const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

/**
 * Runs `fn` with an AbortSignal that the first SIGINT / SIGTERM aborts; `onSignal` is told of each
 * signal (first: cleaning up; second: `onForce`). Listeners are removed when `fn` settles.
 */
export async function withInterrupt<T>(
  fn: (signal: AbortSignal) => Promise<T>,
  hooks: { onSignal?: (signal: NodeJS.Signals) => void; onForce?: (signal: NodeJS.Signals) => void } = {},
): Promise<T> {
  const controller = new AbortController();
  let count = 0;
  const listener = (signal: NodeJS.Signals) => {
    count++;
    if (count === 1) {
      hooks.onSignal?.(signal);
      controller.abort();
    } else {
      hooks.onForce?.(signal);
    }
  };
  for (const s of SIGNALS) process.on(s, listener);
  try {
    return await fn(controller.signal);
  } finally {
    for (const s of SIGNALS) process.off(s, listener);
  }
}
