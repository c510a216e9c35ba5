import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { EngineClient, HistoricProcessInstance, VariableValue } from '../../engine/index.js';
import { AppError } from '../../errors/index.js';
import { inTransaction } from '../../db/transaction.js';
import { AuditRecordEntity, engineWriteOutcome, loggerOr, recordAudit } from '../audit/index.js';
import { CaseEventEntity } from './case-event.entity.js';
import { CaseFileEntity, type CaseFile } from './case-file.entity.js';

/** The process every case runs. */
export const caseProcessKey = 'case-closed-loop';

/** A case row whose process start is not confirmed yet carries this prefix in place of its process instance id. */
export const pendingStartPrefix = 'pending-';

/** Whether the case's process start is still unconfirmed (the pending state the reconciler settles). */
export function isStartPending(c: Pick<CaseFile, 'processInstanceId'>): boolean {
  return c.processInstanceId.startsWith(pendingStartPrefix);
}

/** The report is registered but the engine could not say whether its closed loop started; the reconciler decides. */
export class CaseStartPendingError extends AppError<{ caseNo: string }> {
  readonly code = 'CASE_START_PENDING';
  readonly status = 503;
}

/** What starting a case's process needs. */
export interface CaseStartDeps {
  dataSource: DataSource;
  engine: EngineClient;
  logger?: Logger;
}

/**
 * Starts the case's process keyed on its case number and settles the pending row by this rule:
 * - the engine starts it: the row takes the instance id and case.create is audited, in one transaction;
 * - the engine refuses (answers an error, or refuses the connection): no instance exists, the row goes, the error passes on;
 * - the outcome is unknown (timeout, dropped connection, 502/503/504): the engine is asked for an instance with that
 *   business key and it is adopted; if there is none yet, or the engine cannot be asked, the row stays pending and
 *   the caller gets 503 CASE_START_PENDING. reconcileCaseStarts later adopts the instance or removes the row.
 */
export async function startCaseProcess(deps: CaseStartDeps, pending: CaseFile, variables: Record<string, VariableValue>): Promise<CaseFile> {
  let instanceId: string;
  try {
    instanceId = (await deps.engine.startProcess(caseProcessKey, { businessKey: pending.caseNo, variables })).id;
  } catch (error) {
    if (engineWriteOutcome(error) === 'not-done') {
      await removePendingCase(deps.dataSource, pending);
      throw error;
    }
    const found = await findCaseInstance(deps.engine, pending.caseNo).catch(() => undefined);
    if (!found) {
      loggerOr(deps.logger).warn({ err: error, caseNo: pending.caseNo }, 'case start unconfirmed; the row stays pending for the reconciler');
      throw new CaseStartPendingError(`流程引擎未能确认案件 ${pending.caseNo} 是否已启动；案件已登记，系统将在引擎恢复后自动确认或撤销，请勿重复上报`, { caseNo: pending.caseNo });
    }
    instanceId = found.id;
  }
  try {
    await adoptInstance(deps.dataSource, pending, instanceId);
  } catch (error) {
    // The closed loop runs; only its record here is late, and the reconciler writes it.
    loggerOr(deps.logger).error({ err: error, caseNo: pending.caseNo, processInstanceId: instanceId }, 'case started but not recorded; the reconciler adopts it');
  }
  return { ...pending, processInstanceId: instanceId };
}

/** The case-closed-loop instance of a case number (the oldest, should there be several), or null when the engine has none. */
export async function findCaseInstance(engine: EngineClient, caseNo: string): Promise<HistoricProcessInstance | null> {
  const [oldest] = await engine.processInstancesByBusinessKey(caseProcessKey, caseNo);
  return oldest ?? null;
}

/**
 * Gives the pending row its instance and audits case.create, in one transaction that only a still-pending row passes:
 * whoever adopts it (the request or a reconciler) audits it, exactly once. False if it was no longer pending.
 */
export function adoptInstance(dataSource: DataSource, pending: CaseFile, instanceId: string): Promise<boolean> {
  return inTransaction(dataSource, async (manager) => {
    const { affected } = await manager.update(CaseFileEntity, { id: pending.id, processInstanceId: pending.processInstanceId }, { processInstanceId: instanceId });
    if (!affected) return false;
    // A row left pending by an older version already has its record.
    if (!(await manager.existsBy(AuditRecordEntity, { action: 'case.create', targetType: 'case', targetId: pending.caseNo }))) {
      await recordAudit(manager, { at: pending.createdAt, actor: pending.reporter ?? 'system', action: 'case.create', targetType: 'case', targetId: pending.caseNo, after: reportOf(pending) });
    }
    return true;
  });
}

/** Removes a pending row (and its reported event) whose process did not start. False if it was no longer pending. */
export function removePendingCase(dataSource: DataSource, pending: CaseFile): Promise<boolean> {
  return inTransaction(dataSource, async (manager) => {
    const { affected } = await manager.delete(CaseFileEntity, { id: pending.id, processInstanceId: pending.processInstanceId });
    if (!affected) return false;
    await manager.delete(CaseEventEntity, { caseId: pending.id });
    return true;
  });
}

/** The report as case.create records it: what the reporter sent, and the case number. */
function reportOf(c: CaseFile): Record<string, unknown> {
  const optional = { address: c.address, callerName: c.callerName, callerPhone: c.callerPhone };
  return {
    categoryCode: c.categoryCode,
    description: c.description,
    lng: c.lng,
    lat: c.lat,
    source: c.source,
    urgent: Boolean(c.urgent),
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== null)),
    caseNo: c.caseNo,
  };
}
