import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../../db/transaction.js';
import type { EngineClient } from '../../engine/index.js';
import { engineWriteOutcome, loggerOr, recordAudit } from '../audit/index.js';
import { OperationStartPendingError } from './errors.js';

/** What starting an operation's or a series' process needs. */
export interface StartDeps {
  dataSource: DataSource;
  engine: EngineClient;
  logger?: Logger;
}

/** One start: the process, its business key, and how the row adopts the instance and audits the creation. */
export interface ProcessStart {
  ref: string;
  processKey: string;
  start(): Promise<string>;
  /** Gives the row its instance id; false when it was not waiting for one. */
  adopt(manager: EntityManager, instanceId: string): Promise<boolean>;
  /** Removes the rows of a start the engine refused. */
  remove(manager: EntityManager): Promise<void>;
  audit: { actor: string; action: string; targetType: string; after: unknown };
}

/**
 * Starts a process for a stored row and settles it as case starts are settled: the engine starts it, and the row takes
 * the instance and the creation is audited in one transaction; the engine refuses, and the rows go and the error
 * passes on; the outcome is unknown, and the engine is asked by business key, adopting what it finds, or else the
 * caller hears 503 and the row waits without an instance.
 */
export async function startAndAdopt(deps: StartDeps, s: ProcessStart): Promise<string> {
  let instanceId: string;
  try {
    instanceId = await s.start();
  } catch (error) {
    if (engineWriteOutcome(error) === 'not-done') {
      await inTransaction(deps.dataSource, (manager) => s.remove(manager));
      throw error;
    }
    const [found] = await deps.engine.processInstancesByBusinessKey(s.processKey, s.ref).catch(() => []);
    if (!found) {
      loggerOr(deps.logger).warn({ err: error, ref: s.ref }, 'operation start unconfirmed; the row waits without an instance');
      throw new OperationStartPendingError(`流程引擎未能确认 ${s.ref} 是否已启动；方案已保存，请稍后刷新查看，勿重复提交`, { ref: s.ref });
    }
    instanceId = found.id;
  }
  await inTransaction(deps.dataSource, async (manager) => {
    if (await s.adopt(manager, instanceId)) await recordAudit(manager, { ...s.audit, targetId: s.ref });
  });
  return instanceId;
}
