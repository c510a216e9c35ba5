// Runs the whole of Lianqin in one terminal: the engine jar (H2 unless ENGINE_DB_URL is set), the API with the web app, and the workers.
import path from 'node:path';
import { accountsWithDemoPassword } from '../db/seed/seed.js';
import { loadConfig, loadedEngineSecret, type Config } from '../server/src/config/index.js';
import { ConfigError } from '../server/src/errors/index.js';
import { createLogger } from '../server/src/logger.js';
import { start } from '../server/src/server.js';
import { startEngine, type EngineProcess } from './lib/engine-process.js';
import { portInUse } from './lib/free-port.js';
import { ensureDatabases } from './lib/mysql.js';
import { startBanner } from './lib/start-banner.js';

async function main(): Promise<void> {
  // With ENGINE_START and no ENGINE_PASSWORD, the first start creates DATA_DIR/secrets/engine-admin-password.
  const config = loadConfig({ startsEngine: true });
  const logger = createLogger(config.LOG_LEVEL);
  if (config.DATABASE_URL) {
    const database = new URL(config.DATABASE_URL.replace(/^mariadb:/, 'mysql:')).pathname.slice(1);
    if (database) await ensureDatabases(config.DATABASE_URL, [database]);
  }
  const engine = config.ENGINE_START ? await startOwnEngine(config) : undefined;
  const server = await start(config, logger).catch(async (error: unknown) => {
    await engine?.stop();
    throw error;
  });
  console.log(
    startBanner({
      url: server.url,
      engineOrigin: new URL(config.ENGINE_URL).origin,
      enginePid: engine?.pid,
      engineUser: config.ENGINE_USER,
      engineSecret: loadedEngineSecret(),
      demoData: config.DEMO_DATA,
      // Demo data off but demo accounts left from an earlier start: say so, they still have the published password.
      openDemoAccounts: config.DEMO_DATA ? [] : await accountsWithDemoPassword(server.dataSource),
    }),
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n[lianqin] ${signal}: stopping the API, the workers and the engine…`);
    await server.stop().catch((error: unknown) => logger.error({ err: error }, 'error while stopping the API'));
    await engine?.stop();
    console.log('[lianqin] stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

/** Starts the engine jar on ENGINE_URL's port, its admin being ENGINE_USER with the resolved engine password. */
async function startOwnEngine(config: Config): Promise<EngineProcess> {
  const engineUrl = new URL(config.ENGINE_URL);
  const port = Number(engineUrl.port || 80);
  if (await portInUse(port, engineUrl.hostname)) {
    throw new Error(`Port ${port} is already in use, so the engine cannot start there. Stop what runs on it, or set ENGINE_URL=http://127.0.0.1:<free port>/engine-rest (or ENGINE_START=false to use that engine).`);
  }
  console.log(`[lianqin] starting the process engine on port ${port} (takes about 15 s)…`);
  return startEngine({
    port,
    dataDir: path.resolve(config.DATA_DIR, 'engine'),
    adminUser: config.ENGINE_USER,
    adminPassword: config.ENGINE_PASSWORD,
    onNotice: (message) => console.log(message),
  });
}

main().catch((error: unknown) => {
  console.error(`[lianqin] could not start: ${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
