import type { Logger } from 'pino';
import { In, MoreThanOrEqual, type DataSource } from 'typeorm';
import type { PatrolChangedEvent } from '../../contracts/patrols.js';
import { ChangeStreamHub } from '../../http/change-stream.js';
import { PatrolPlanEntity } from './patrol-plan.entity.js';
import { PatrolRunEntity } from './patrol-run.entity.js';
import { visiblePlanIds } from './patrol-scope.js';

/** The live stream of patrol runs (event `patrol` with `{ ref, planRef }`), told only to those who see the run's plan. */
export function patrolStreamHub(dataSource: DataSource, logger: Logger, pollMs: number): ChangeStreamHub<PatrolChangedEvent> {
  const manager = dataSource.manager;
  return new ChangeStreamHub<PatrolChangedEvent>(
    {
      eventName: 'patrol',
      async changedSince(since) {
        const runs = await manager.find(PatrolRunEntity, { select: { id: true, ref: true, planId: true, updatedAt: true }, where: { updatedAt: MoreThanOrEqual(since) } });
        if (!runs.length) return [];
        const plans = await manager.find(PatrolPlanEntity, { select: { id: true, ref: true }, where: { id: In([...new Set(runs.map((r) => r.planId))]) } });
        return runs.map((run) => ({ id: run.id, key: run.ref, version: run.updatedAt!.getTime(), event: { ref: run.ref, planRef: plans.find((p) => p.id === run.planId)?.ref ?? '' } }));
      },
      async visibleTo(user, ids) {
        const planIds = await visiblePlanIds(manager, user);
        const runs = await manager.find(PatrolRunEntity, { select: { id: true, planId: true }, where: { id: In([...ids]) } });
        return new Set(runs.filter((r) => planIds === 'all' || planIds.includes(r.planId)).map((r) => r.id));
      },
    },
    logger,
    pollMs,
  );
}
