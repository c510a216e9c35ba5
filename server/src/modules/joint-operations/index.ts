import type { Logger } from 'pino';
import { sharedGridLocator } from '../grids/index.js';
import { defineModule, type RouteContext } from '../module.js';
import { photosDirOf } from '../photos/index.js';
import { DocumentCounterEntity, OperationDocumentEntity } from './document.entity.js';
import { FindingPhotoEntity, OperationFindingEntity } from './finding.entity.js';
import { operationProcessKey } from './open-operation.js';
import { JointOperationEntity, OperationGridEntity } from './operation.entity.js';
import { OperationEventEntity } from './operation-event.entity.js';
import { OperationStreamHub } from './operation-stream.js';
import { OperationParticipantEntity } from './participant.entity.js';
import { operationPresenter } from './presenter.js';
import type { OperationDeps } from './operations.service.js';
import { operationRoutes } from './routes.js';
import { OperationSeriesEntity } from './series.entity.js';

export { JointOperationEntity, OperationGridEntity, type JointOperation, type OperationGrid } from './operation.entity.js';
export { OperationParticipantEntity, type OperationParticipant } from './participant.entity.js';
export { OperationFindingEntity, FindingPhotoEntity, type OperationFinding, type FindingPhoto } from './finding.entity.js';
export { OperationEventEntity, type OperationEvent } from './operation-event.entity.js';
export { OperationSeriesEntity, type OperationSeries } from './series.entity.js';
export { OperationDocumentEntity, DocumentCounterEntity, type OperationDocument, type OperationDocumentKind } from './document.entity.js';
export { recordOperationEvent, touchOperation, type OperationEventInput } from './operation-events.js';
export { issueDocument, documentNo } from './documents.js';
export { operationArea, type OperationArea } from './area.js';
export { seedDemoOperation, demoOperationTitle } from './demo-operation.js';
export { isInMajorEventArea } from './major-events.js';
export { openOperation, startOperationProcess, operationVariables, operationProcessKey, seriesProcessKey, followUpWorkingDays, planTimes, refOf } from './open-operation.js';
export { nextOccurrence, planOfOccurrence, parseBeijingTime, beijingLocal, beijingWeekday, occurrenceLeadMs, type WeeklySeries } from './schedule.js';
export { createOperation, reviseOperation, listOperations, getOperation, getReport, type OperationDeps } from './operations.service.js';
export { recordFinding } from './findings.service.js';
export { operationPlanSchema, findingSchema, listOperationsQuery, type OperationPlan } from './operations.schema.js';
export { OperationStreamHub } from './operation-stream.js';
export { reconcileOperationStarts, type OperationStartReconcileResult } from './start-reconciler.js';
export { OperationStartPendingError } from './errors.js';
export { operationPresenter } from './presenter.js';

/** The operations service's needs, from the running server's parts; the routes and start-up seeding share them. */
export function operationDepsOf({ config, dataSource, engine, logger }: Pick<RouteContext, 'config' | 'dataSource' | 'engine'> & { logger?: Logger }, changed?: () => void): OperationDeps {
  return { dataSource, engine, logger, workingHours: config.WORKING_HOURS, gridLocator: () => sharedGridLocator(dataSource.manager), photosDir: photosDirOf(config.DATA_DIR), changed };
}

/** Joint enforcement (联合执法): operations, their findings, series, documents, the live stream and the inbox presenter. */
export const jointOperationsModule = defineModule({
  name: 'joint-operations',
  entities: [JointOperationEntity, OperationGridEntity, OperationParticipantEntity, OperationFindingEntity, FindingPhotoEntity, OperationEventEntity, OperationSeriesEntity, OperationDocumentEntity, DocumentCounterEntity],
  routes: (context) => {
    const stream = new OperationStreamHub(context.dataSource, context.logger, context.config.TASK_STREAM_POLL_MS);
    return operationRoutes({ ...operationDepsOf(context, () => stream.nudge()), stream });
  },
  presenters: { [operationProcessKey]: operationPresenter },
});
