import { defineModule } from '../module.js';
import { DraftRevisionEntity } from './draft-revision.entity.js';
import { DraftEntity } from './draft.entity.js';
import { designerRoutes } from './routes.js';
export { draftContent, getDraft, listDrafts, displayNames } from './drafts.service.js';
export { lintModel, hasErrors } from './lint/lint.service.js';
export { deployDraft } from './deploy.service.js';
export { DraftEntity, type DraftRow } from './draft.entity.js';
export { DraftRevisionEntity, type DraftRevisionRow } from './draft-revision.entity.js';

/** The designer's workbench: drafts of model files with their history, lint, deployment from drafts and worker status. */
export const designerModule = defineModule({
  name: 'designer',
  entities: [DraftEntity, DraftRevisionEntity],
  routes: ({ dataSource, engine, config }) => designerRoutes({ dataSource, engine, processesDir: config.PROCESSES_DIR }),
});
