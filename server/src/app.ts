import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { EngineClient } from './engine/index.js';
import { apiNotFound, errorHandler } from './errors/index.js';
import { healthRoutes } from './modules/health/index.js';
import type { SystemState } from './system-state.js';

/** What the HTTP app needs from the running server. */
export interface AppDependencies {
  engine: EngineClient;
  state: SystemState;
  logger: Logger;
  /** Folder of the built web app; served with a history-mode fallback when present. */
  webDist?: string;
}

export const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Builds the Express app: the JSON API under /api, the web app everywhere else. */
export function createApp(deps: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(pinoHttp({ logger: deps.logger, autoLogging: { ignore: (req) => !req.url?.startsWith('/api') } }));
  app.use('/api', express.json({ limit: '1mb' }));
  app.use('/api', healthRoutes(deps.engine, deps.state));
  app.use('/api', apiNotFound);
  const webDist = deps.webDist ?? defaultWebDist;
  if (existsSync(webDist)) {
    app.use(express.static(webDist, { index: false, maxAge: '1h' }));
    app.get(/^(?!\/api\/).*/, (_req, res) => res.sendFile('index.html', { root: webDist }));
  }
  app.use(errorHandler(deps.logger));
  return app;
}
