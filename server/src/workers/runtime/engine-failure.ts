/**
 * Why the engine did not take a report about an external task (complete, failure, unlock):
 * - `gone`: 404, the task no longer exists (its process was cancelled, or an earlier try already completed it);
 * - `taken`: 400, another worker holds the task now;
 * - `unavailable`: no answer (refused, reset, timed out) or 429/502/503/504; worth trying again later;
 * - `engine-error`: a 500 from the engine itself, transient (a busy database) or lasting (the next step fails);
 * - `rejected`: any other answer; trying the same request again will not help.
 */
export type EngineFailure = 'gone' | 'taken' | 'unavailable' | 'engine-error' | 'rejected';

const unavailableStatuses = new Set([429, 502, 503, 504]);

/** Sorts an error thrown by camunda-external-task-client-js (got underneath) into an EngineFailure. */
export function classifyEngineFailure(error: unknown): EngineFailure {
  const status = statusOf(error);
  if (status === undefined) return isTransportError(error) ? 'unavailable' : 'rejected';
  if (status === 404) return 'gone';
  if (status === 400 && /It is locked by worker/i.test(messageOf(error))) return 'taken';
  if (unavailableStatuses.has(status)) return 'unavailable';
  if (status >= 500) return 'engine-error';
  return 'rejected';
}

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { httpStatusCode?: unknown; response?: { statusCode?: unknown } };
  const status = e.httpStatusCode ?? e.response?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** got's RequestError family (ECONNREFUSED, ECONNRESET, ETIMEDOUT...) carries a string code; a bug in our code does not. */
function isTransportError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
