import { parseArgs } from 'node:util';
import { loadConfig } from '../config/index.js';
import { openDatabase } from '../db/index.js';
import { ConfigError } from '../errors/index.js';
import { createLogger } from '../logger.js';
import { createWorkerRuntime } from '../server.js';
import { handlersOf, workerDeps } from './registry.js';
import { runWorkerProcess } from './worker-process.js';

/** Runs department workers as their own process: npm run worker -- --department sanitation [--department commerce]. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { department: { type: 'string', multiple: true } } });
  const config = loadConfig();
  const departments = values.department?.length ? values.department : config.WORKER_DEPARTMENTS;
  const logger = createLogger(config.LOG_LEVEL, 'lianqin-worker');
  if (!config.DATABASE_URL) logger.warn('DATABASE_URL is unset: this worker uses its own SQLite file; separate workers need the MySQL/MariaDB database of the API');
  const dataSource = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  const handlers = handlersOf(departments, workerDeps(config, dataSource));
  runWorkerProcess(createWorkerRuntime(config, dataSource, logger, departments.join('+')).register(handlers), dataSource, logger);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
