import type { Logger } from 'pino';
import { Router, type RequestHandler } from 'express';
import type { DataSource } from 'typeorm';
import type { Config } from '../../config/index.js';
import type { EngineClient } from '../../engine/index.js';
import { requireRole, userOf } from '../auth/index.js';
import { sharedGridLocator } from '../grids/index.js';
import type { CaseFile } from './case-file.entity.js';
import { caseReaderRoles, loadVisibleCase } from './case-scope.js';
import { getCaseDetail } from './case-detail.js';
import { caseSummary } from './case-views.js';
import { addCommentSchema, listCasesQuery, reportCaseSchema, uploadPhotosFields } from './cases.schema.js';
import { listCases } from './cases.query.js';
import { addComment } from './comments.js';
import { photoUpload, photosDirOf, savePhotos, sendPhoto } from './photos.js';
import { reportCase } from './report-case.js';
import { parseRequest } from './request-parsing.js';

/** What the case routes need from the running server. */
export interface CaseRouteDeps {
  config: Config;
  dataSource: DataSource;
  engine: EngineClient;
  logger?: Logger;
}

/** Roles that file reports through the API; Open311 reports arrive through their own interface. */
const reporterRoles = ['inspector', 'hotline-operator', 'command-centre', 'coordinator'] as const;

/**
 * POST /cases, GET /cases, GET /cases/:caseNo, POST /cases/:caseNo/comments,
 * POST /cases/:caseNo/photos and GET /cases/:caseNo/photos/:id.
 */
export function caseRoutes(deps: CaseRouteDeps): Router {
  const router = Router();
  const { dataSource, engine } = deps;
  const caseDeps = { dataSource, engine, logger: deps.logger, workingHours: deps.config.WORKING_HOURS, gridLocator: () => sharedGridLocator(dataSource.manager) };
  const photoDeps = { dataSource, photosDir: photosDirOf(deps.config.DATA_DIR) };
  const readers = requireRole(...caseReaderRoles);
  const visibleCase = (res: { locals: Record<string, unknown> }) => res.locals.case as CaseFile;
  // Checks the scope before a large upload is read, and keeps the case for the handler.
  const loadCase: RequestHandler = async (req, res, next) => {
    res.locals.case = await loadVisibleCase(dataSource.manager, userOf(req), String(req.params.caseNo));
    next();
  };

  router.post('/cases', requireRole(...reporterRoles), async (req, res) => {
    const body = parseRequest(reportCaseSchema, req, 'body');
    const created = await reportCase(caseDeps, userOf(req), body);
    res.status(201).json(caseSummary(created));
  });

  router.get('/cases', readers, async (req, res) => {
    res.json(await listCases({ dataSource, engine }, userOf(req), parseRequest(listCasesQuery, req, 'query')));
  });

  router.get('/cases/:caseNo', readers, async (req, res) => {
    res.json(await getCaseDetail({ dataSource, engine }, userOf(req), String(req.params.caseNo)));
  });

  router.post('/cases/:caseNo/comments', readers, loadCase, async (req, res) => {
    const { body } = parseRequest(addCommentSchema, req, 'body');
    res.status(201).json(await addComment(dataSource, visibleCase(res), userOf(req), body));
  });

  router.post('/cases/:caseNo/photos', readers, loadCase, photoUpload(), async (req, res) => {
    const { stage } = parseRequest(uploadPhotosFields, req, 'body');
    const files = Array.isArray(req.files) ? req.files : [];
    res.status(201).json({ photos: await savePhotos(photoDeps, visibleCase(res), userOf(req), stage, files) });
  });

  router.get('/cases/:caseNo/photos/:id', readers, loadCase, async (req, res) => {
    await sendPhoto(photoDeps, visibleCase(res), String(req.params.id), res);
  });
  return router;
}

