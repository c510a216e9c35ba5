// Runs the whole of Lianqin in one terminal: the engine jar (H2 unless ENGINE_DB_URL is set), the API with the web app, and the workers.
import path from 'node:path';
import { demoPassword, demoUsers } from '../db/seed/demo-data.js';
import { loadConfig } from '../server/src/config/index.js';
import { ConfigError } from '../server/src/errors/index.js';
import { createLogger } from '../server/src/logger.js';
import { start } from '../server/src/server.js';
import { startEngine, type EngineProcess } from './lib/engine-process.js';
import { portInUse } from './lib/free-port.js';
import { ensureDatabases } from './lib/mysql.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  if (config.DATABASE_URL) {
    const database = new URL(config.DATABASE_URL.replace(/^mariadb:/, 'mysql:')).pathname.slice(1);
    if (database) await ensureDatabases(config.DATABASE_URL, [database]);
  }
  let engine: EngineProcess | undefined;
  if (config.ENGINE_START) {
    const engineUrl = new URL(config.ENGINE_URL);
    const port = Number(engineUrl.port || 80);
    if (await portInUse(port, engineUrl.hostname)) {
      throw new Error(`Port ${port} is already in use, so the engine cannot start there. Stop what runs on it, or set ENGINE_URL=http://127.0.0.1:<free port>/engine-rest (or ENGINE_START=false to use that engine).`);
    }
    console.log(`[lianqin] starting the process engine on port ${port} (takes about 15 s)…`);
    engine = await startEngine({ port, dataDir: path.resolve(config.DATA_DIR, 'engine'), adminUser: config.ENGINE_USER, adminPassword: config.ENGINE_PASSWORD });
  }
  const server = await start(config, logger).catch(async (error: unknown) => {
    await engine?.stop();
    throw error;
  });
  printBanner(server.url, new URL(config.ENGINE_URL).origin, engine?.pid);

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

function printBanner(url: string, engineOrigin: string, enginePid: number | undefined): void {
  const accounts = demoUsers.map((u) => `    ${u.username.padEnd(10)} ${u.displayName}（${u.roles.join(', ')}）`).join('\n');
  console.log(`
──────────────────────────────────────────────────────────────────
 联勤 Lianqin 已启动 / is running
   Web app:   ${url}
   Health:    ${url}/api/health
   Cockpit:   ${engineOrigin}/camunda  (engine admin, for operators)${enginePid ? `\n   Engine:    pid ${enginePid}` : ''}

 演示账号 / demo accounts (password: ${demoPassword})
${accounts}

 Ctrl-C stops everything.
──────────────────────────────────────────────────────────────────`);
}

main().catch((error: unknown) => {
  console.error(`[lianqin] could not start: ${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
