import { Router } from 'express';
import type { EngineClient } from '../../engine/index.js';
import type { SystemState } from '../../system-state.js';
import { healthReport } from './health.service.js';

/** GET /api/health: 200 when ok or degraded, 503 when the engine is down. */
export function healthRoutes(engine: EngineClient, state: SystemState): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const report = await healthReport(engine, state);
    res.status(report.status === 'down' ? 503 : 200).json(report);
  });
  return router;
}
