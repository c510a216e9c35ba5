import type { Logger } from 'pino';
import { IsNull, LessThanOrEqual, type DataSource } from 'typeorm';
import { inTransaction } from '../../db/transaction.js';
import type { EngineClient } from '../../engine/index.js';
import { recordAudit } from '../audit/index.js';
import { JointOperationEntity, OperationGridEntity } from './operation.entity.js';
import { OperationEventEntity } from './operation-event.entity.js';
import { operationProcessKey, seriesProcessKey } from './open-operation.js';
import { OperationParticipantEntity } from './participant.entity.js';
import { OperationSeriesEntity } from './series.entity.js';

/** What one run of the reconciler did. */
export interface OperationStartReconcileResult {
  adopted: number;
  removed: number;
}

/**
 * Settles plans whose process start the engine never confirmed (the API answered 503 OPERATION_START_PENDING): the
 * instance the engine has under the ref is adopted, and the creation audited; a plan without one is removed. Only
 * plans awaiting approval older than settleMs, and only those of the API: a series' occurrences are started by their
 * worker, which retries, and seeded history has no process at all.
 */
export async function reconcileOperationStarts(deps: { dataSource: DataSource; engine: EngineClient; logger: Logger }, { settleMs }: { settleMs: number }): Promise<OperationStartReconcileResult> {
  const result: OperationStartReconcileResult = { adopted: 0, removed: 0 };
  const before = LessThanOrEqual(new Date(Date.now() - settleMs));
  const ops = await deps.dataSource.manager.findBy(JointOperationEntity, { processInstanceId: IsNull(), seriesId: IsNull(), status: 'pending-approval', createdAt: before });
  for (const op of ops) {
    const [instance] = await deps.engine.processInstancesByBusinessKey(operationProcessKey, op.ref);
    await inTransaction(deps.dataSource, async (manager) => {
      if (instance) {
        const { affected } = await manager.update(JointOperationEntity, { id: op.id, processInstanceId: IsNull() }, { processInstanceId: instance.id });
        if (affected) await recordAudit(manager, { at: op.createdAt, actor: op.createdBy, action: 'operation.create', targetType: 'operation', targetId: op.ref, after: { title: op.title } });
        result.adopted += affected ? 1 : 0;
      } else {
        for (const entity of [OperationEventEntity, OperationParticipantEntity, OperationGridEntity]) await manager.delete(entity, { operationId: op.id });
        await manager.delete(JointOperationEntity, { id: op.id, processInstanceId: IsNull() });
        result.removed++;
      }
    });
  }
  const series = await deps.dataSource.manager.findBy(OperationSeriesEntity, { processInstanceId: IsNull(), createdAt: before });
  for (const s of series) {
    const [instance] = await deps.engine.processInstancesByBusinessKey(seriesProcessKey, s.ref);
    await inTransaction(deps.dataSource, async (manager) => {
      if (instance) {
        const { affected } = await manager.update(OperationSeriesEntity, { id: s.id, processInstanceId: IsNull() }, { processInstanceId: instance.id });
        if (affected) await recordAudit(manager, { at: s.createdAt, actor: s.createdBy, action: 'operation.series-create', targetType: 'operation-series', targetId: s.ref });
        result.adopted += affected ? 1 : 0;
      } else {
        await manager.delete(OperationSeriesEntity, { id: s.id, processInstanceId: IsNull() });
        result.removed++;
      }
    });
  }
  if (result.adopted || result.removed) deps.logger.warn(result, 'unconfirmed operation starts settled');
  return result;
}
