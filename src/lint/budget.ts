/**
 * A time budget for synchronous work, on whatever thread runs it. A runaway rule (an exponential
 * walk, a catastrophic regular expression) never yields, so nothing on its own thread can stop it;
 * `vm`'s timeout can: a watchdog thread terminates the isolate's execution when the time is up, which
 * unwinds through every `catch` of the work. No worker start-up, so a one-file CLI run can afford it
 * (issue 6); the watchdog thread it starts per call is why many files share one (lint/run.ts).
 */
import { Script } from 'node:vm';

/** Thrown by {@link withinBudget} when the work ran out of time; the work's state is abandoned. */
export class BudgetExceeded extends Error {
  override readonly name = 'BudgetExceeded';

  constructor(readonly ms: number) {
    super(`stopped after ${ms} ms`);
  }
}

/** Where the budgeted script finds its job: a property of the global object it runs in. */
const JOB_KEY = 'cfnkit.budget.job';
const JOB = Symbol.for(JOB_KEY);
let script: Script | undefined;
let realGlobal: { [JOB]?: () => unknown } | undefined;

/**
 * Runs `job` synchronously and returns its result, or throws {@link BudgetExceeded} once it has run
 * `ms` milliseconds. `ms` of 0 or less runs it without a budget. Errors thrown by `job` pass through.
 *
 * Caches the job may fill must be safe to abandon half-way (a `Map.set` either happened or not);
 * warm anything else before the first budgeted call.
 *
 * The script runs in this context, not a new one (creating a context cost a one-file run 1 ms); it
 * reads the job from the global object it runs against, which is the real global object even where
 * this module runs inside another context (jest's).
 */
export function withinBudget<T>(ms: number, job: () => T): T {
  if (!(ms > 0)) return job();
  script ??= new Script(`globalThis[Symbol.for(${JSON.stringify(JOB_KEY)})]()`, { filename: 'cfnkit-budget' });
  realGlobal ??= new Script('globalThis').runInThisContext() as { [JOB]?: () => unknown };
  const outer = realGlobal[JOB]; // a budget inside a budget (lintText from a budgeted job)
  realGlobal[JOB] = job;
  try {
    return script.runInThisContext({ timeout: Math.max(1, Math.round(ms)) }) as T;
  } catch (e) {
    if ((e as NodeJS.ErrnoException | undefined)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new BudgetExceeded(ms);
    throw e;
  } finally {
    realGlobal[JOB] = outer;
  }
}
