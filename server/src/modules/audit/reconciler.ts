import type { Logger } from 'pino';

/** One reconciliation between the app database and the engine, run at start-up and then periodically. */
export type ReconcileJob = () => Promise<unknown>;

/**
 * How long a pending row or intent must wait before a reconciler may decide it: longer than a request spends on the
 * engine (a write that timed out plus a read with its retries), since until then the engine may still commit the change.
 */
export function settleWindowMs(engineTimeoutMs: number, engineReadRetries: number): number {
  return Math.max(60_000, engineTimeoutMs * (engineReadRetries + 3));
}

/**
 * Runs the jobs now and then every intervalMs, one run at a time; a failing job is logged and tried again at the next
 * run. Returns a stop function that waits for a run in progress.
 */
export function startReconciler(jobs: Record<string, ReconcileJob>, { intervalMs, logger }: { intervalMs: number; logger: Logger }): () => Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const runAll = async () => {
    for (const [name, job] of Object.entries(jobs)) {
      if (stopped) return;
      try {
        const result = await job();
        logger.debug({ job: name, result }, 'reconciled');
      } catch (error) {
        logger.error({ err: error, job: name }, 'reconciliation failed; trying again at the next run');
      }
    }
  };
  const tick = () => {
    running = runAll().finally(() => {
      if (!stopped) timer = setTimeout(tick, intervalMs);
    });
  };
  timer = setTimeout(tick, 0);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
