import { defineModule } from '../module.js';
import { CaseFileEntity } from './case-file.entity.js';
import { CaseEventEntity } from './case-event.entity.js';
import { CasePhotoEntity } from './case-photo.entity.js';
import { CaseCommentEntity } from './case-comment.entity.js';
import { casePresenter } from './case-presenter.js';
import { caseRoutes } from './routes.js';
import { caseProcessKey } from './case-start.js';
export { CaseFileEntity, type CaseFile, type CaseSource, type CaseStatus } from './case-file.entity.js';
export { CaseEventEntity, caseEventTypes, type CaseEvent, type CaseEventType } from './case-event.entity.js';
export { CasePhotoEntity, photoStages, type CasePhoto, type PhotoStage, type PhotoMimeType } from './case-photo.entity.js';
export { CaseCommentEntity, type CaseComment } from './case-comment.entity.js';
export { createCase, caseProcessKey, type CaseDeps } from './cases.service.js';
export { recordCaseEvent, type CaseEventInput } from './case-events.js';
export { casePresenter } from './case-presenter.js';
export { CaseStartPendingError, isStartPending } from './case-start.js';
export { reconcileCaseStarts, type CaseReconcileOptions, type CaseReconcileResult } from './case-reconciler.js';
export { createCaseSchema, reportCaseSchema, listCasesQuery, type CreateCaseInput } from './cases.schema.js';
export { caseRoutes, type CaseRouteDeps } from './routes.js';
export { applyCaseScope, loadVisibleCase, caseReaderRoles } from './case-scope.js';
export type { CaseSummary, PhotoView, CommentView } from './case-views.js';
export type { CaseDetail } from './case-detail.js';
export type { TimelineEntry } from './timeline.js';

/** Cases of the closed loop: filing, search, detail, photos and comments. */
export const casesModule = defineModule({
  name: 'cases',
  entities: [CaseFileEntity, CaseEventEntity, CasePhotoEntity, CaseCommentEntity],
  routes: ({ config, dataSource, engine, logger }) => caseRoutes({ config, dataSource, engine, logger }),
  presenters: { [caseProcessKey]: casePresenter },
});
