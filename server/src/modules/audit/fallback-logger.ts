import type { Logger } from 'pino';
import { createLogger } from '../../logger.js';

let fallback: Logger | undefined;

/** The caller's logger, or one that writes errors as the process logger does, for deps built without a logger. */
export function loggerOr(logger: Logger | undefined): Logger {
  return logger ?? (fallback ??= createLogger('error'));
}
