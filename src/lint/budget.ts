/**
 * A time budget for synchronous work, on whatever thread runs it. A runaway rule (an exponential
 * walk, a catastrophic regular expression) never yields, so nothing on its own thread can stop it;
 * `vm`'s timeout can: a watchdog thread terminates the isolate's execution when the time is up, which
 * unwinds through every `catch` of the work. That makes a per-file budget cheap enough for the
 * one-file CLI run (about 0.2 ms per call, no worker start-up) — issue 6.
 */
import { Script, createContext } from 'node:vm';
import type { Context } from 'node:vm';

/** Thrown by {@link withinBudget} when the work ran out of time; the work's state is abandoned. */
export class BudgetExceeded extends Error {
  override readonly name = 'BudgetExceeded';

  constructor(readonly ms: number) {
    super(`stopped after ${ms} ms`);
  }
}

let context: Context | undefined;
const script = new Script('job()', { filename: 'cfnkit-budget' });

/**
 * Runs `job` synchronously and returns its result, or throws {@link BudgetExceeded} once it has run
 * `ms` milliseconds. `ms` of 0 or less runs it without a budget. Errors thrown by `job` pass through.
 *
 * Caches the job may fill must be safe to abandon half-way (a `Map.set` either happened or not);
 * warm anything else before the first budgeted call.
 */
export function withinBudget<T>(ms: number, job: () => T): T {
  if (!(ms > 0)) return job();
  context ??= createContext({ job: undefined });
  context.job = job;
  try {
    return script.runInContext(context, { timeout: Math.max(1, Math.round(ms)) }) as T;
  } catch (e) {
    if ((e as NodeJS.ErrnoException | undefined)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new BudgetExceeded(ms);
    throw e;
  } finally {
    context.job = undefined;
  }
}
