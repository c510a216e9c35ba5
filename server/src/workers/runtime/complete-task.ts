import type { Task, TaskService, Variables } from 'camunda-external-task-client-js';
import type { Logger } from 'pino';
import { classifyEngineFailure } from './engine-failure.js';

/** How often, and how patiently, a completion the engine did not take is tried again while the lock is held. */
export interface CompletionRetryPolicy {
  /** Tries in all, the first one included. @default 6 */
  attempts: number;
  /** Wait before the second try; doubles each time, capped at maxDelayMs. @default 500 */
  baseDelayMs: number;
  /** @default 8000 */
  maxDelayMs: number;
}

/** Default: six tries over about 15 s, well inside the default 60 s lock, which the runtime keeps extending meanwhile. */
export const defaultCompletionRetry: CompletionRetryPolicy = { attempts: 6, baseDelayMs: 500, maxDelayMs: 8000 };

/**
 * How a completion ended:
 * - `completed`;
 * - `dropped`: the engine no longer has the task, or another worker holds it; there is nothing left to do here;
 * - `handed-back`: the engine stayed unreachable; the task was unlocked (or its lock will expire) for a redelivery;
 * - `refused`: the engine answered and will not take this completion; report it as a failure so that it is seen.
 */
export type CompletionOutcome = { outcome: 'completed' | 'dropped' | 'handed-back' } | { outcome: 'refused'; error: unknown };

interface CompleteInput {
  task: Task;
  taskService: TaskService;
  logger: Logger;
  variables: Variables;
  outputScope: 'process' | 'local';
  policy: CompletionRetryPolicy;
}

/**
 * Completes a task whose handler succeeded. Its effects are already stored through once(), keyed on the task id, so a
 * completion the engine did not take must not be reported as a handler failure: that would spend one of its retries
 * and, at zero, raise an incident for work that was done. It is tried again instead, and handed back if the engine
 * stays away; the redelivery gets the stored results and completes. Never throws.
 */
export async function completeTask({ task, taskService, logger, variables, outputScope, policy }: CompleteInput): Promise<CompletionOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      if (outputScope === 'local') await taskService.complete(task, undefined, variables);
      else await taskService.complete(task, variables);
      if (attempt > 1) logger.info({ attempt }, 'task completed after the engine failed to take the completion before');
      else logger.debug('task completed');
      return { outcome: 'completed' };
    } catch (error) {
      const failure = classifyEngineFailure(error);
      if (failure === 'gone') {
        // Cancelled meanwhile, or an earlier try went through and only its answer was lost.
        logger.warn({ err: error, attempt }, 'the engine no longer has this task (process cancelled, or completed by an earlier try); dropping it');
        return { outcome: 'dropped' };
      }
      if (failure === 'taken') {
        logger.warn({ err: error, attempt }, 'another worker holds this task now; leaving it to that worker');
        return { outcome: 'dropped' };
      }
      if (failure === 'rejected') return { outcome: 'refused', error };
      if (attempt < policy.attempts) {
        const retryInMs = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
        logger.warn({ err: error, attempt, retryInMs }, 'the engine did not take the completion; trying again while the lock is held');
        await delay(retryInMs);
        continue;
      }
      // A 500 that outlasts every try is the engine refusing the step (e.g. the next activity fails): report it.
      if (failure === 'engine-error') return { outcome: 'refused', error };
      await handBack(task, taskService, logger, error, attempt);
      return { outcome: 'handed-back' };
    }
  }
}

async function handBack(task: Task, taskService: TaskService, logger: Logger, error: unknown, attempts: number): Promise<void> {
  try {
    await taskService.unlock(task);
    logger.warn({ err: error, attempts }, 'the engine did not take the completion; handed the task back for a redelivery, which completes it from the stored results');
  } catch (unlockError) {
    logger.warn({ err: error, unlockErr: unlockError, attempts }, 'the engine did not take the completion nor the unlock; the lock will expire and the redelivery completes it from the stored results');
  }
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
