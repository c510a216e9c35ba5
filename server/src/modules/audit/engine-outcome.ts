import { EngineUnavailableError } from '../../errors/index.js';

/**
 * What a failed engine write says about its effect. 'not-done': the engine answered with an error (its transaction
 * rolled back) or the connection was refused (the request never arrived). 'unknown': a timeout, a dropped connection
 * or a gateway's 502/503/504, after which the engine may have committed the change or may still commit it.
 */
export type EngineWriteOutcome = 'not-done' | 'unknown';

/** Classifies the error of an engine write; see EngineWriteOutcome. */
export function engineWriteOutcome(error: unknown): EngineWriteOutcome {
  if (!(error instanceof EngineUnavailableError)) return 'not-done';
  return connectionRefused(error.cause) ? 'not-done' : 'unknown';
}

function connectionRefused(cause: unknown, depth = 0): boolean {
  if (!cause || typeof cause !== 'object' || depth > 4) return false;
  const e = cause as { code?: unknown; cause?: unknown; errors?: unknown };
  if (e.code === 'ECONNREFUSED') return true;
  if (Array.isArray(e.errors) && e.errors.length > 0 && e.errors.every((inner) => connectionRefused(inner, depth + 1))) return true;
  return connectionRefused(e.cause, depth + 1);
}
