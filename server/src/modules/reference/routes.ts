import { Router } from 'express';
import type { DataSource } from 'typeorm';
import type { Config } from '../../config/index.js';
import { requireUser } from '../auth/index.js';
import { clientSettings, districtGeoJson, referenceData } from './reference.service.js';

/** GET /reference, GET /settings/client and GET /geo/district: what every signed-in screen needs to draw itself. */
export function referenceRoutes(deps: { config: Config; dataSource: DataSource }): Router {
  const router = Router();
  router.get('/reference', requireUser, async (_req, res) => {
    res.set('Cache-Control', 'private, max-age=300').json(await referenceData(deps.dataSource));
  });
  router.get('/settings/client', requireUser, (_req, res) => {
    res.json(clientSettings(deps.config));
  });
  router.get('/geo/district', requireUser, async (_req, res) => {
    res.set('Cache-Control', 'private, max-age=3600').json(await districtGeoJson());
  });
  return router;
}
