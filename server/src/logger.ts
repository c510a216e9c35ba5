import { pino, type Logger } from 'pino';

/** The process logger; JSON lines, as pino writes them. */
export function createLogger(level: string, name = 'lianqin'): Logger {
  return pino({ name, level, redact: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.passwordHash'] });
}
