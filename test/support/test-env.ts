import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { pino, type Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { configFrom, type Config } from '../../server/src/config/index.js';
import { openDatabase } from '../../server/src/db/index.js';
import { EngineClient } from '../../server/src/engine/index.js';

/** Settings of the suite's engine and database, as a server process would get them. */
export function testEnv(): Record<string, string> {
  return {
    ENGINE_URL: inject('engineUrl'),
    ENGINE_USER: inject('engineUser'),
    ENGINE_PASSWORD: inject('enginePassword'),
    DATABASE_URL: inject('databaseUrl'),
    DATA_DIR: path.join(inject('scratchDir'), randomUUID()),
    LOG_LEVEL: 'warn',
  };
}

/** A validated Config for the suite's engine and database. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  // Short locks and polls: many test servers share one engine, and a stopped one must not hold tasks for long.
  // No demo start-up steps: the global setup seeds the demo rows once, and the demo's recurring operation would put
  // tasks in liaisons' inboxes that no test asked for (db/seed/demo-series.test.ts turns it on).
  return configFrom({ ...testEnv(), PORT: '0', WORKER_LOCK_MS: '5000', WORKER_LONG_POLL_MS: '1000', DEMO_DATA: 'false', ...overrides });
}

/** The typed client of the suite's engine. */
export function testEngine(): EngineClient {
  return new EngineClient({ baseUrl: inject('engineUrl'), ...engineCredentials(), timeoutMs: 15_000 });
}

/** The admin of the suite's engine (random password per run), for clients built by hand. */
export function engineCredentials(): { user: string; password: string } {
  return { user: inject('engineUser'), password: inject('enginePassword') };
}

/** The engine login of a WorkerRuntime on the suite's engine. */
export function engineLogin(): { engineUser: string; enginePassword: string } {
  const { user, password } = engineCredentials();
  return { engineUser: user, enginePassword: password };
}

/** An HTTP basic authorization header for the suite's engine. */
export function engineAuthorization(): string {
  const { user, password } = engineCredentials();
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

/** The app database of the suite (MariaDB), or a private SQLite file in the fallback. */
export function testDataSource(): Promise<DataSource> {
  const { DATABASE_URL, DATA_DIR } = testEnv();
  return openDatabase({ databaseUrl: DATABASE_URL || undefined, dataDir: DATA_DIR! });
}

/** A quiet logger for tests. */
export function testLogger(): Logger {
  return pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
}

/** A key unique to one test, for business keys and process ids. */
export function uniqueKey(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/** Polls until the check returns a value other than undefined/false, or fails after the timeout. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, { timeoutMs = 30_000, intervalMs = 200, what = 'condition' } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}
