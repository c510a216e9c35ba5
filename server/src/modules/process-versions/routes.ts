import { Router } from 'express';
import { requireRole, userOf } from '../auth/index.js';
import type { RouteContext } from '../module.js';
import { parseRequestBody } from './request-body.js';
import { diffSides, type DraftReader } from './diff.service.js';
import { liveView, retryIncident } from './live.service.js';
import { executeMigration, planMigration } from './migration.service.js';
import { diffSchema, migrationExecuteSchema, migrationPlanSchema, retrySchema } from './process-versions.schema.js';
import { definitionXml, listProcessKeys, listVersions } from './versions.service.js';

/**
 * The designer's versions, diff, live view and migration under /designer: designers and admins only. The role check
 * sits on each route, so that an unknown path under /designer stays a 404 for everyone.
 */
export function processVersionRoutes(readDraft: DraftReader) {
  return ({ dataSource, engine, logger }: RouteContext): Router => {
    const router = Router();
    const designer = requireRole('designer', 'admin');
    const deps = { engine, dataSource, logger };
    const param = (req: { params: Record<string, unknown> }, name: string) => String(req.params[name]);

    router.get('/designer/processes', designer, async (_req, res) => {
      res.json(await listProcessKeys(engine));
    });

    router.get('/designer/processes/:key/versions', designer, async (req, res) => {
      res.json(await listVersions(engine, dataSource.manager, param(req, 'key')));
    });

    router.get('/designer/definitions/:id/xml', designer, async (req, res) => {
      res.json(await definitionXml(engine, param(req, 'id')));
    });

    router.get('/designer/definitions/:id/live', designer, async (req, res) => {
      res.json(await liveView(engine, param(req, 'id')));
    });

    router.post('/designer/diff', designer, async (req, res) => {
      const { left, right } = parseRequestBody(diffSchema, req.body);
      res.json(await diffSides({ engine, dataSource, readDraft }, left, right));
    });

    router.post('/designer/incidents/:id/retry', designer, async (req, res) => {
      const { retries } = parseRequestBody(retrySchema, req.body ?? {});
      res.json(await retryIncident(deps, userOf(req), param(req, 'id'), retries));
    });

    router.post('/designer/migrations/plan', designer, async (req, res) => {
      const { sourceDefinitionId, targetDefinitionId } = parseRequestBody(migrationPlanSchema, req.body);
      res.json(await planMigration(engine, sourceDefinitionId, targetDefinitionId));
    });

    router.post('/designer/migrations/execute', designer, async (req, res) => {
      res.json(await executeMigration(deps, userOf(req), parseRequestBody(migrationExecuteSchema, req.body)));
    });
    return router;
  };
}
