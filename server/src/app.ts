import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { DataSource } from 'typeorm';
import type { Config } from './config/index.js';
import type { EngineClient } from './engine/index.js';
import { authenticate } from './modules/auth/index.js';
import { lianqinModules } from './modules/index.js';
import type { LianqinModule } from './modules/module.js';
import { collectPresenters, TaskStreamHub } from './modules/tasks/index.js';
import { apiNotFound, errorHandler } from './errors/index.js';
import { refuseCrossSite } from './http/same-origin.js';
import { securityHeaders } from './http/security-headers.js';
import type { SystemState } from './system-state.js';

/** What the HTTP app needs from the running server. */
export interface AppDependencies {
  config: Config;
  dataSource: DataSource;
  engine: EngineClient;
  state: SystemState;
  logger: Logger;
  /** Pushes inbox changes to open browsers; the server closes it before it stops listening. Made here when absent. */
  taskStream?: TaskStreamHub;
  /** Folder of the built web app; served with a history-mode fallback when present. */
  webDist?: string;
  /** The modules served; every module of Lianqin unless a test adds one of its own. */
  modules?: readonly LianqinModule[];
}

export const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Builds the Express app: the JSON API under /api, the web app everywhere else. */
export function createApp(deps: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders(deps.config));
  app.use(pinoHttp({ logger: deps.logger, autoLogging: { ignore: (req) => !req.url?.startsWith('/api') } }));
  // Forwarded addresses count only from the proxies TRUST_PROXY names; otherwise any client could pick its address.
  app.set('trust proxy', deps.config.TRUST_PROXY);
  app.use('/api', express.json({ limit: '1mb' }), cookieParser(), authenticate(deps.dataSource));
  app.use('/api', refuseCrossSite({ dataSource: deps.dataSource, publicUrl: deps.config.PUBLIC_URL }));
  const modules = deps.modules ?? lianqinModules();
  const context = { ...deps, presenters: collectPresenters(modules), taskStream: deps.taskStream ?? new TaskStreamHub(deps.engine, deps.logger, deps.config.TASK_STREAM_POLL_MS) };
  for (const module of modules) if (module.routes) app.use('/api', module.routes(context));
  app.use('/api', apiNotFound);
  const webDist = deps.webDist ?? defaultWebDist;
  if (existsSync(webDist)) {
    app.use(express.static(webDist, { index: false, maxAge: '1h' }));
    app.get(/^(?!\/api\/).*/, (_req, res) => res.sendFile('index.html', { root: webDist }));
  }
  app.use(errorHandler(deps.logger));
  return app;
}
