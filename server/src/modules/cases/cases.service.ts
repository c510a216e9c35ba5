import type { DataSource } from 'typeorm';
import type { EngineClient } from '../../engine/index.js';
import { ValidationError } from '../../errors/index.js';
import { inTransaction } from '../../db/transaction.js';
import { recordAudit } from '../audit/index.js';
import { beijingDay, loadWorkingCalendar } from '../calendar/index.js';
import type { GridLocator } from '../grids/index.js';
import { CaseEventEntity } from './case-event.entity.js';
import { CaseFileEntity, type CaseFile } from './case-file.entity.js';
import { createCaseSchema, type CreateCaseInput } from './cases.schema.js';

/** What filing a case needs. */
export interface CaseDeps {
  dataSource: DataSource;
  engine: EngineClient;
  workingHours: string;
  gridLocator(): Promise<GridLocator>;
}

/** The process every case runs. */
export const caseProcessKey = 'case-closed-loop';

/**
 * Files a report as a numbered case and starts its closed loop. The case row is written first so that the caller
 * gets its number at once; if the engine cannot start the process, the row is removed again and the error passes on.
 */
export async function createCase(deps: CaseDeps, raw: CreateCaseInput, actor: string): Promise<CaseFile> {
  const input = createCaseSchema.parse(raw);
  if (!(await deps.gridLocator()).locate(input.lng, input.lat)) {
    throw new ValidationError('上报位置不在本辖区的网格内', { issues: [{ path: 'body.lng', message: '位置不在辖区网格内 (outside every unit grid)' }] });
  }
  const now = new Date();
  const created = await inTransaction(deps.dataSource, async (manager) => {
    const calendar = await loadWorkingCalendar(manager, deps.workingHours);
    const acceptDue = input.urgent ? new Date(now.getTime() + 3_600_000) : calendar.addLimit(now, 1, 'wh');
    const placeholder = `pending-${now.getTime()}-${Math.random().toString(36).slice(2, 8)}`;
    const { identifiers } = await manager.insert(CaseFileEntity, {
      caseNo: placeholder.slice(0, 32),
      processInstanceId: placeholder,
      categoryCode: input.categoryCode,
      source: input.source,
      description: input.description,
      status: 'registered',
      createdAt: now,
      lng: input.lng,
      lat: input.lat,
      address: input.address ?? null,
      urgent: input.urgent,
      reporter: actor,
      callerName: input.callerName ?? null,
      callerPhone: input.callerPhone ?? null,
      acceptDue,
      reworkCount: 0,
    });
    const id = Number(identifiers[0]!.id);
    const caseNo = `${beijingDay(now).replaceAll('-', '')}${String(id).padStart(5, '0')}`;
    await manager.update(CaseFileEntity, { id }, { caseNo });
    await manager.insert(CaseEventEntity, { caseId: id, type: 'reported', department: null, actor, at: now, onTime: null, data: JSON.stringify({ source: input.source }) });
    await recordAudit(manager, { actor, action: 'case.create', targetType: 'case', targetId: caseNo, after: { ...input, caseNo } });
    return manager.findOneByOrFail(CaseFileEntity, { id });
  });
  try {
    const instance = await deps.engine.startProcess(caseProcessKey, {
      businessKey: created.caseNo,
      variables: {
        caseId: created.id,
        caseNo: created.caseNo,
        categoryCode: created.categoryCode,
        description: created.description,
        lng: input.lng,
        lat: input.lat,
        source: created.source,
        reporter: actor,
        urgent: input.urgent,
        acceptDue: created.acceptDue,
        verifyDue: null,
        returnedCount: 0,
        reworkCount: 0,
      },
    });
    await deps.dataSource.manager.update(CaseFileEntity, { id: created.id }, { processInstanceId: instance.id });
    return { ...created, processInstanceId: instance.id };
  } catch (error) {
    await inTransaction(deps.dataSource, async (manager) => {
      await manager.delete(CaseEventEntity, { caseId: created.id });
      await manager.delete(CaseFileEntity, { id: created.id });
    });
    throw error;
  }
}
