import { Router } from 'express';
import type { DataSource } from 'typeorm';
import { parseQuery } from '../../http/validate.js';
import { requireRole } from '../auth/index.js';
import { listAudit } from './audit.query.js';
import { auditQuery } from './audit.schema.js';

/** GET /audit for admins and supervisors; the log is append-only, so there is nothing else. */
export function auditRoutes(dataSource: DataSource): Router {
  const router = Router();
  router.get('/audit', requireRole('admin', 'supervisor'), async (req, res) => {
    res.json(await listAudit(dataSource, parseQuery(auditQuery, req)));
  });
  return router;
}
