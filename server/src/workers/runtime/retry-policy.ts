import type { RetryPolicy } from './topic-handler.js';

/** Retries left after this failure; the engine reports null retries before the first failure. */
export function retriesAfterFailure(reported: number | null, policy: RetryPolicy): number {
  const left = reported ?? policy.attempts - 1;
  return Math.max(0, reported === null ? left : left - 1);
}

/** Wait before the next attempt: baseDelayMs doubled per failure so far, capped at maxDelayMs. */
export function retryDelay(retriesLeft: number, policy: RetryPolicy): number {
  const failuresSoFar = Math.max(1, policy.attempts - retriesLeft);
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failuresSoFar - 1));
}

/** Backoff of fetchAndLock while the engine is unreachable: 1 s doubling to 30 s, with jitter. */
export function pollBackoff(consecutiveErrors: number, random = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, consecutiveErrors - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}
