import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { demoSeriesStep } from '../../db/seed/demo-series.js';
import { seedData } from '../../db/seed/seed.js';
import { createApp } from './app.js';
import type { Config } from './config/index.js';
import { databaseType, openDatabase } from './db/index.js';
import { EngineClient } from './engine/index.js';
import { EngineUnavailableError } from './errors/index.js';
import { createLogger } from './logger.js';
import { deployProcessesDir } from './modules/deployment/index.js';
import { startOutboxDrainer } from './modules/notifications/index.js';
import type { SystemState } from './system-state.js';
import { handlersOf, workerDeps } from './workers/registry.js';
import { WorkerRuntime } from './workers/runtime/index.js';
import { reconcileTaskIntents, TaskStreamHub } from './modules/tasks/index.js';
import { settleWindowMs, startReconciler } from './modules/audit/index.js';
import { reconcileCaseStarts } from './modules/cases/index.js';
import { operationDepsOf, reconcileOperationStarts } from './modules/joint-operations/index.js';
import { lianqinModules } from './modules/index.js';
import { reconcileVersionIntents } from './modules/process-versions/index.js';
import { collectPresenters } from './modules/tasks/index.js';

/** A running Lianqin server. */
export interface RunningServer {
  url: string;
  port: number;
  engine: EngineClient;
  dataSource: DataSource;
  state: SystemState;
  workers?: WorkerRuntime;
  logger: Logger;
  /** The Express app, e.g. for listing its routes in tests. */
  app: Express;
  stop(): Promise<void>;
}

/** Opens the database, deploys processes/, starts the workers and listens. */
export async function start(config: Config, logger: Logger = createLogger(config.LOG_LEVEL)): Promise<RunningServer> {
  const dataSource = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  const seeded = await seedData(dataSource, { demo: config.DEMO_DATA });
  if (Object.values(seeded).some(Boolean)) logger.info(seeded, config.DEMO_DATA ? 'reference and demo data seeded' : 'reference data seeded (DEMO_DATA=false)');
  const engine = new EngineClient({
    baseUrl: config.ENGINE_URL,
    user: config.ENGINE_USER,
    password: config.ENGINE_PASSWORD,
    timeoutMs: config.ENGINE_TIMEOUT_MS,
    readRetries: config.ENGINE_READ_RETRIES,
    logger,
  });
  const state: SystemState = {
    databaseType: databaseType({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }),
    workers: { mode: config.WORKERS === 'in-process' ? 'in-process' : 'separate', topics: [] },
  };
  // The demo's recurring operation needs its processes deployed, so it is planned after each successful deployment.
  const demoSeries = config.DEMO_DATA ? demoSeriesStep(operationDepsOf({ config, dataSource, engine, logger }), { engine, dataSource, logger, presenters: collectPresenters(lianqinModules()) }, logger) : undefined;
  const stopDeploying = config.DEPLOY_ON_START ? keepDeploying(config, engine, dataSource, state, logger, () => demoSeries?.run()) : () => undefined;

  const taskStream = new TaskStreamHub(engine, logger, config.TASK_STREAM_POLL_MS);
  let workers: WorkerRuntime | undefined;
  if (config.WORKERS === 'in-process') {
    // A worker's step may create user tasks: open inboxes hear of them at once, not at the next tick.
    workers = createWorkerRuntime(config, dataSource, logger, 'api', () => taskStream.nudge()).register(handlersOf(config.WORKER_DEPARTMENTS, workerDeps(config, dataSource)));
    state.workers.topics = [...workers.subscribedTopics];
    workers.start();
  }

  // Settles what a lost engine answer left behind: unconfirmed case starts and task audit intents.
  const settle = { settleMs: settleWindowMs(config.ENGINE_TIMEOUT_MS, config.ENGINE_READ_RETRIES) };
  const stopReconciling = startReconciler({ 'case starts': () => reconcileCaseStarts({ dataSource, engine, logger }, settle), 'task audit intents': () => reconcileTaskIntents({ dataSource, engine, logger }, settle), 'operation starts': () => reconcileOperationStarts({ dataSource, engine, logger }, settle), 'designer intents': () => reconcileVersionIntents({ dataSource, engine, logger }, settle) }, { intervalMs: 60_000, logger });
  const stopDraining = config.WEBHOOK_URL ? startOutboxDrainer(dataSource, config.WEBHOOK_URL, config.OUTBOX_INTERVAL_MS, logger) : async () => undefined;

  const app = createApp({ config, dataSource, engine, state, logger, taskStream });
  const server = await listen(app, config.PORT, config.HOST);
  const port = (server.address() as AddressInfo).port;
  const url = config.PUBLIC_URL ?? `http://${config.HOST}:${port}`;
  logger.info({ url }, 'Lianqin API listening');

  return {
    url,
    port,
    engine,
    dataSource,
    state,
    workers,
    logger,
    app,
    async stop() {
      stopDeploying();
      await demoSeries?.stop();
      await taskStream.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await workers?.stop();
      await stopDraining();
      await stopReconciling();
      await dataSource.destroy();
    },
  };
}

/** A worker runtime configured from the settings. */
export function createWorkerRuntime(config: Config, dataSource: DataSource, logger: Logger, name: string, onSettled?: () => void): WorkerRuntime {
  return new WorkerRuntime({
    engineUrl: config.ENGINE_URL,
    engineUser: config.ENGINE_USER,
    enginePassword: config.ENGINE_PASSWORD,
    name,
    dataSource,
    logger: logger.child({ component: 'worker' }),
    maxParallel: config.WORKER_MAX_PARALLEL,
    lockMs: config.WORKER_LOCK_MS,
    longPollMs: config.WORKER_LONG_POLL_MS,
    retry: { attempts: config.WORKER_RETRIES + 1 },
    shutdownGraceMs: config.WORKER_SHUTDOWN_GRACE_MS,
    onSettled,
  });
}

/** Deploys processes/ now, and again every 5 s while the engine is unreachable, then calls onDeployed. Returns a cancel function. */
function keepDeploying(config: Config, engine: EngineClient, dataSource: DataSource, state: SystemState, logger: Logger, onDeployed: () => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  let cancelled = false;
  const attempt = async () => {
    try {
      state.deployment = await deployProcessesDir({ engine, dataSource, dir: config.PROCESSES_DIR, actor: 'system', logger });
      if (!cancelled) onDeployed();
    } catch (error) {
      if (cancelled) return;
      if (error instanceof EngineUnavailableError) logger.warn('engine unreachable; deploying processes/ again in 5 s');
      else logger.error({ err: error }, 'deploying processes/ failed; retrying in 5 s');
      timer = setTimeout(attempt, 5000);
    }
  };
  void attempt();
  return () => {
    cancelled = true;
    clearTimeout(timer);
  };
}

function listen(app: ReturnType<typeof createApp>, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(server)));
  });
}
