import type { Logger } from 'pino';
import { In, LessThanOrEqual, Like, type DataSource } from 'typeorm';
import type { EngineClient, HistoricProcessInstance } from '../../engine/index.js';
import { EngineUnavailableError } from '../../errors/index.js';
import { CaseFileEntity } from './case-file.entity.js';
import { adoptInstance, findCaseInstance, pendingStartPrefix, removePendingCase } from './case-start.js';

/** Which pending cases one run looks at. */
export interface CaseReconcileOptions {
  /** Only rows at least this old: until then the engine may still commit a start whose answer was lost. */
  settleMs: number;
  /** Only these case numbers (tests use it to leave other tests' cases alone). */
  caseNos?: string[];
  /** @default 100 */
  batch?: number;
}

/** What one run did. */
export interface CaseReconcileResult {
  adopted: number;
  removed: number;
  kept: number;
}

/**
 * Settles cases whose process start was never confirmed: a row whose case number the engine knows adopts that
 * instance (and is audited as created); a row the engine answers it has no instance for is removed. While the engine
 * cannot be asked, rows stay pending.
 */
export async function reconcileCaseStarts(deps: { dataSource: DataSource; engine: EngineClient; logger: Logger }, options: CaseReconcileOptions): Promise<CaseReconcileResult> {
  const result: CaseReconcileResult = { adopted: 0, removed: 0, kept: 0 };
  const pending = await deps.dataSource.manager.find(CaseFileEntity, {
    where: {
      processInstanceId: Like(`${pendingStartPrefix}%`),
      createdAt: LessThanOrEqual(new Date(Date.now() - options.settleMs)),
      ...(options.caseNos ? { caseNo: In(options.caseNos) } : {}),
    },
    order: { id: 'ASC' },
    take: options.batch ?? 100,
  });
  for (const [index, row] of pending.entries()) {
    let instance: HistoricProcessInstance | null;
    try {
      instance = await findCaseInstance(deps.engine, row.caseNo);
    } catch (error) {
      if (!(error instanceof EngineUnavailableError)) throw error;
      deps.logger.warn({ err: error, pending: pending.length - index }, 'engine unreachable; pending cases are settled at a later run');
      result.kept += pending.length - index;
      break;
    }
    if (instance && (await adoptInstance(deps.dataSource, row, instance.id))) {
      result.adopted++;
      deps.logger.warn({ caseNo: row.caseNo, processInstanceId: instance.id }, 'pending case adopted its process instance');
    } else if (!instance && (await removePendingCase(deps.dataSource, row))) {
      result.removed++;
      deps.logger.warn({ caseNo: row.caseNo }, 'pending case removed: the engine has no process for it');
    }
  }
  return result;
}
