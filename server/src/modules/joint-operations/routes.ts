import { Router, type RequestHandler } from 'express';
import { parseQuery } from '../../http/validate.js';
import { MalformedRequestError } from '../../errors/index.js';
import { requireRole, userOf, userOfSession } from '../auth/index.js';
import { photoUpload } from '../photos/index.js';
import { saveFindingPhotos, sendFindingPhoto } from './finding-photos.js';
import { recordFinding } from './findings.service.js';
import type { OperationStreamHub } from './operation-stream.js';
import { operationReaderRoles, visibleOperation } from './operation-scope.js';
import { listOperationsQuery } from './operations.schema.js';
import { createOperation, getOperation, getReport, listOperations, reviseOperation, type OperationDeps } from './operations.service.js';

/**
 * /operations (联合执法): plan and revise (coordinator), list and calendar, detail and live stream, findings with photos
 * (a participating liaison during execution), and the report.
 */
export function operationRoutes(deps: OperationDeps & { stream: OperationStreamHub }): Router {
  const router = Router();
  const readers = requireRole(...operationReaderRoles);
  const coordinator = requireRole('coordinator');
  const liaison = requireRole('liaison');
  const json: RequestHandler = (req, _res, next) => next(req.body === undefined ? new MalformedRequestError('请求体须为 JSON（Content-Type: application/json）') : undefined);
  // The scope is checked before a large upload is read.
  const visible: RequestHandler = async (req, _res, next) => {
    await visibleOperation(deps.dataSource.manager, userOf(req), String(req.params.ref));
    next();
  };

  router.post('/operations', coordinator, json, async (req, res) => {
    res.status(201).json(await createOperation(deps, userOf(req), req.body));
  });
  router.get('/operations', readers, async (req, res) => {
    res.json(await listOperations(deps, userOf(req), parseQuery(listOperationsQuery, req)));
  });
  router.get('/operations/stream', readers, (req, res) => {
    const token = req.sessionToken!;
    deps.stream.subscribe(userOf(req), res, async () => (await userOfSession(deps.dataSource, token)) !== undefined);
  });
  router.get('/operations/:ref', readers, async (req, res) => {
    res.json(await getOperation(deps, userOf(req), String(req.params.ref)));
  });
  router.put('/operations/:ref', coordinator, json, async (req, res) => {
    res.json(await reviseOperation(deps, userOf(req), String(req.params.ref), req.body));
  });
  router.get('/operations/:ref/report', readers, async (req, res) => {
    res.json(await getReport(deps, userOf(req), String(req.params.ref)));
  });
  router.post('/operations/:ref/findings', liaison, json, async (req, res) => {
    res.status(201).json(await recordFinding(deps, userOf(req), String(req.params.ref), req.body));
  });
  router.post('/operations/:ref/findings/:id/photos', liaison, visible, photoUpload(), async (req, res) => {
    const files = (req.files as Express.Multer.File[] | undefined) ?? [];
    res.status(201).json(await saveFindingPhotos(deps, userOf(req), String(req.params.ref), String(req.params.id), files));
  });
  router.get('/operations/:ref/findings/:id/photos/:photoId', readers, async (req, res) => {
    await sendFindingPhoto(deps, userOf(req), String(req.params.ref), String(req.params.id), String(req.params.photoId), res);
  });
  return router;
}
