import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { WorkerRuntime } from './runtime/index.js';

/** Starts the runtime and stops it gracefully on SIGTERM/SIGINT: finish in-flight work, close the database, exit 0. */
export function runWorkerProcess(runtime: WorkerRuntime, dataSource: DataSource, logger: Logger): void {
  runtime.start();
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, inFlight: runtime.activeCount }, 'stopping worker');
    await runtime.stop();
    await dataSource.destroy();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
