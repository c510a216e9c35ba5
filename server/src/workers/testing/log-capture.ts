import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';

/** One pino line as JSON; level 30 info, 40 warn, 50 error. */
export type LogLine = { level: number; msg: string } & Record<string, unknown>;

/** A pino logger that keeps every line it writes, for tests that assert what an operator would see. */
export function capturingLogger(level: pino.LevelWithSilent = 'info'): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString().split('\n')) if (text.trim()) lines.push(JSON.parse(text) as LogLine);
      done();
    },
  });
  return { logger: pino({ level }, sink), lines };
}
