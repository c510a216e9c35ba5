import { pino, stdSerializers, type Logger } from 'pino';

/** The process logger; JSON lines, as pino writes them. */
export function createLogger(level: string, name = 'lianqin'): Logger {
  return pino({
    name,
    level,
    redact: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.passwordHash'],
    serializers: { err: safeError, unlockErr: safeError },
  });
}

/** An error as logged: HTTP client errors carry the request with its Basic credentials, so only what explains it is kept. */
export function safeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const serialized = stdSerializers.err(error) as unknown as Record<string, unknown>;
  const kept: Record<string, unknown> = { type: serialized.type, message: serialized.message, stack: serialized.stack };
  for (const key of ['code', 'status', 'statusCode', 'cause']) if (serialized[key] !== undefined) kept[key] = key === 'cause' ? safeError((error as { cause?: unknown }).cause) : serialized[key];
  const response = (error as { response?: { statusCode?: number; status?: number } }).response;
  if (response && typeof response === 'object') kept.responseStatus = response.statusCode ?? response.status;
  return kept;
}
