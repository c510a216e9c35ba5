import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { seedDemoData } from '../../db/seed/seed.js';
import { openDatabase } from '../../server/src/db/index.js';
import { startEngine, type EngineProcess } from '../../scripts/lib/engine-process.js';
import { freePort } from '../../scripts/lib/free-port.js';
import { dropDatabases, jdbcUrlOf, mysqlReachable, recreateDatabases, withDatabase } from '../../scripts/lib/mysql.js';

declare module 'vitest' {
  export interface ProvidedContext {
    engineUrl: string;
    /** Admin of the suite's engine; its password is random per run, so no test can lean on a known one. */
    engineUser: string;
    enginePassword: string;
    /** mysql:// URL of the app test database, or '' for the embedded SQLite fallback. */
    databaseUrl: string;
    /** Folder for SQLite files and other scratch data. */
    scratchDir: string;
  }
}

// Named per run, so that two runs on one server never drop each other's schema.
const appDatabase = `lianqin_test_${process.pid}`;
const engineDatabase = `lianqin_engine_test_${process.pid}`;

let engine: EngineProcess | undefined;
let mysqlServerUrl: string | undefined;

/** Starts one real engine for the whole suite, on MariaDB when reachable (required in CI), and migrates the app database. */
export async function setup(project: TestProject): Promise<void> {
  const scratchDir = mkdtempSync(path.join(tmpdir(), 'lianqin-test-'));
  const serverUrl = process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/';
  const useMysql = await mysqlReachable(serverUrl);
  if (!useMysql) {
    if (process.env.CI === 'true') throw new Error(`CI=true but no MySQL/MariaDB answers at ${serverUrl}: refusing to fall back to SQLite.`);
    console.warn(`\n${'!'.repeat(78)}\n!! No MySQL/MariaDB at ${serverUrl}: running on H2 + SQLite instead.\n!! Production uses MySQL; this run does not prove it.\n${'!'.repeat(78)}\n`);
  }
  let databaseUrl = '';
  const port = await freePort();
  const admin = { adminUser: 'lianqin', adminPassword: randomBytes(24).toString('base64url') };
  if (useMysql) {
    mysqlServerUrl = serverUrl;
    await recreateDatabases(serverUrl, [appDatabase, engineDatabase]);
    databaseUrl = withDatabase(serverUrl, appDatabase);
    const jdbc = jdbcUrlOf(serverUrl, engineDatabase);
    engine = await startEngine({ ...admin, port, dataDir: path.join(scratchDir, 'engine'), jdbcUrl: jdbc.jdbcUrl, jdbcUser: jdbc.user, jdbcPassword: jdbc.password });
  } else {
    engine = await startEngine({ ...admin, port, dataDir: path.join(scratchDir, 'engine') });
  }
  // Migrate and seed once here, so that test files starting servers in parallel never race on schema or demo data.
  const dataSource = await openDatabase({ databaseUrl: databaseUrl || undefined, dataDir: scratchDir });
  await seedDemoData(dataSource);
  await dataSource.destroy();
  project.provide('engineUrl', engine.url);
  project.provide('engineUser', admin.adminUser);
  project.provide('enginePassword', admin.adminPassword);
  project.provide('databaseUrl', databaseUrl);
  project.provide('scratchDir', scratchDir);
}

export async function teardown(): Promise<void> {
  await engine?.stop();
  if (mysqlServerUrl) await dropDatabases(mysqlServerUrl, [appDatabase, engineDatabase]);
}
