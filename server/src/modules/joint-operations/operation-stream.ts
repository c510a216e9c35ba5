import type { Logger } from 'pino';
import { MoreThanOrEqual, type DataSource } from 'typeorm';
import type { OperationChangedEvent } from '../../contracts/joint-operations.js';
// One hub for every table with updated_at (written for patrols first; it belongs in a shared folder).
import { ChangeStreamHub } from '../../http/change-stream.js';
import { JointOperationEntity } from './operation.entity.js';
import { visibleIds } from './operation-scope.js';

/**
 * Pushes `operation` events ({ ref }) to open boards whenever an operation changes. Changes come from this API, from
 * workers in other processes and from inbox tasks, and all of them bump joint_operation.updated_at, which the hub
 * polls while anyone listens; each stream hears of the operations its user may see.
 */
export class OperationStreamHub extends ChangeStreamHub<OperationChangedEvent> {
  constructor(dataSource: DataSource, logger: Logger, pollMs: number) {
    super(
      {
        eventName: 'operation',
        changedSince: async (since) => {
          const ops = await dataSource.manager.find(JointOperationEntity, { select: { id: true, ref: true, updatedAt: true }, where: { updatedAt: MoreThanOrEqual(since) } });
          return ops.map((op) => ({ id: op.id, key: op.ref, version: op.updatedAt.getTime(), event: { ref: op.ref } }));
        },
        visibleTo: (user, ids) => visibleIds(dataSource.manager, user, ids),
      },
      logger,
      pollMs,
    );
  }
}
