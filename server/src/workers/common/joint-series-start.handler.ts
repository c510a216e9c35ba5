import { z } from 'zod';
import type { OperationPlanInput } from '../../contracts/joint-operations.js';
import type { EngineClient } from '../../engine/index.js';
import { JointOperationEntity, openOperation, OperationParticipantEntity, OperationSeriesEntity, planOfOccurrence, startOperationProcess } from '../../modules/joint-operations/index.js';
import { recordAudit } from '../../modules/audit/index.js';
import { defineHandler } from '../runtime/index.js';
import { Topics } from '../topics.js';

const input = z.object({
  seriesId: z.number().int(),
  nextStartsAt: z.date(),
});

/**
 * 创建本次行动: creates the occurrence's operation from the series' plan moved to its start, then starts its
 * joint-enforcement process keyed on the operation's ref. A redelivered task finds the operation it created and the
 * process already started, so neither is made twice.
 */
export function jointSeriesStartHandler(deps: { engine?: EngineClient }) {
  return defineHandler({
    topic: Topics.JointSeriesStartOccurrence,
    input,
    async handle(v, { once, manager }) {
      const engine = deps.engine;
      if (!engine) throw new Error('joint-series-start-occurrence needs the engine client (CommonDeps.engine)');
      const operationId = await once('open-occurrence', async (tx) => {
        const series = await tx.findOneByOrFail(OperationSeriesEntity, { id: v.seriesId });
        const plan = planOfOccurrence(JSON.parse(series.plan) as OperationPlanInput, v.nextStartsAt);
        const op = await openOperation(tx, plan, { createdBy: series.createdBy, seriesId: series.id });
        await tx.update(OperationSeriesEntity, { id: series.id }, { occurrences: series.occurrences + 1 });
        await recordAudit(tx, { actor: 'system', action: 'operation.create', targetType: 'operation', targetId: op.ref, after: { seriesRef: series.ref, plan } });
        return op.id;
      });
      const op = await manager.findOneByOrFail(JointOperationEntity, { id: operationId });
      const departments = (await manager.find(OperationParticipantEntity, { where: { operationId }, order: { id: 'ASC' } })).map((p) => p.departmentCode);
      const instanceId = await startOperationProcess(engine, op, departments);
      await manager.update(JointOperationEntity, { id: operationId }, { processInstanceId: instanceId });
      return { lastStartsAt: v.nextStartsAt, lastOperationRef: op.ref };
    },
  });
}
