import { Router, type Request } from 'express';
import type { DataSource } from 'typeorm';
import type { EngineClient } from '../../engine/index.js';
import { parseBody } from '../../http/validate.js';
import { requireRole, userOf } from '../auth/index.js';
import { deployDraft } from './deploy.service.js';
import { createDraftBody, deployBody, lintBody, parseFileName, parsePositiveInt, saveDraftBody } from './designer.schema.js';
import { createDraft, deleteDraft, getDraft, listDrafts, listRevisions, saveDraft } from './drafts.service.js';
import { lintModel } from './lint/lint.service.js';
import type { LintLanguage } from './lint/messages.js';
import { listShippedFiles, readShippedFile } from './shipped-files.js';
import { registryTopicStatus } from './workers.service.js';

/** What the designer's routes need. */
export interface DesignerRouteDeps {
  dataSource: DataSource;
  engine: EngineClient;
  processesDir: string;
}

/** Media type of each kind of model, for downloads. */
const mediaTypes = { bpmn: 'application/xml', dmn: 'application/xml', form: 'application/json' } as const;

/** Lianqin's own lint messages in English when the browser prefers it; Chinese otherwise. */
function languageOf(req: Request): LintLanguage {
  return req.acceptsLanguages('zh', 'zh-CN', 'en') === 'en' ? 'en' : 'zh';
}

/** /designer: the designer's files, drafts with history and conflicts, lint, deploy and worker status. Designers and admins only. */
export function designerRoutes(deps: DesignerRouteDeps): Router {
  const router = Router();
  const designers = requireRole('designer', 'admin');
  const { dataSource } = deps;

  router.get('/designer/files', designers, async (_req, res) => {
    const [shipped, drafts] = await Promise.all([listShippedFiles(deps.processesDir), listDrafts(dataSource)]);
    res.json({ shipped, drafts });
  });
  router.get('/designer/shipped/:fileName', designers, async (req, res) => {
    res.json(await readShippedFile(deps.processesDir, parseFileName(req.params.fileName)));
  });

  router.post('/designer/drafts', designers, async (req, res) => {
    res.status(201).json(await createDraft(dataSource, userOf(req).username, parseBody(createDraftBody, req)));
  });
  router.get('/designer/drafts/:id', designers, async (req, res) => {
    res.json(await getDraft(dataSource, parsePositiveInt(req.params.id, 'id')));
  });
  router.put('/designer/drafts/:id', designers, async (req, res) => {
    res.json(await saveDraft(dataSource, userOf(req).username, parsePositiveInt(req.params.id, 'id'), parseBody(saveDraftBody, req)));
  });
  router.delete('/designer/drafts/:id', designers, async (req, res) => {
    await deleteDraft(dataSource, userOf(req).username, parsePositiveInt(req.params.id, 'id'));
    res.status(204).end();
  });
  router.get('/designer/drafts/:id/revisions', designers, async (req, res) => {
    res.json(await listRevisions(dataSource, parsePositiveInt(req.params.id, 'id')));
  });
  router.get('/designer/drafts/:id/revisions/:revision', designers, async (req, res) => {
    res.json(await getDraft(dataSource, parsePositiveInt(req.params.id, 'id'), parsePositiveInt(req.params.revision, 'revision')));
  });
  router.get('/designer/drafts/:id/download', designers, async (req, res) => {
    const draft = await getDraft(dataSource, parsePositiveInt(req.params.id, 'id'));
    // attachment() guesses a type from the extension; .bpmn, .dmn and .form have their own, set after it.
    res.attachment(draft.fileName).type(mediaTypes[draft.kind]).send(draft.content);
  });
  router.post('/designer/drafts/:id/deploy', designers, async (req, res) => {
    const { revision } = parseBody(deployBody, req);
    res.json(await deployDraft(deps, userOf(req).username, parsePositiveInt(req.params.id, 'id'), revision, languageOf(req)));
  });

  router.post('/designer/lint', designers, async (req, res) => {
    res.json(await lintModel(deps, parseBody(lintBody, req), languageOf(req)));
  });
  router.get('/designer/workers', designers, async (_req, res) => {
    res.json(await registryTopicStatus(dataSource));
  });
  return router;
}
