import { In, LessThanOrEqual, MoreThan, type EntityManager } from 'typeorm';
import type { OperationStatus } from '../../contracts/joint-operations.js';
import { JointOperationEntity, OperationGridEntity } from './operation.entity.js';

/** Statuses of an approved operation that has not been cancelled: within its window it protects its area. */
const protecting: OperationStatus[] = ['confirming', 'briefing', 'executing', 'wrap-up', 'follow-up', 'finished'];

/**
 * 重大活动保障: whether a unit grid lies in the area of an approved major-event operation whose time window contains
 * `at`. The cases module files such reports as urgent (calendar hours).
 */
export async function isInMajorEventArea(manager: EntityManager, gridCode: string, at: Date): Promise<boolean> {
  const grids = await manager.findBy(OperationGridEntity, { gridCode });
  if (grids.length === 0) return false;
  return manager.existsBy(JointOperationEntity, {
    id: In(grids.map((g) => g.operationId)),
    majorEvent: true,
    status: In(protecting),
    startsAt: LessThanOrEqual(at),
    endsAt: MoreThan(at),
  });
}
