import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { EngineClient } from '../../engine/index.js';
import { ValidationError } from '../../errors/index.js';
import { inTransaction } from '../../db/transaction.js';
import { beijingDay, loadWorkingCalendar } from '../calendar/index.js';
import type { GridLocator } from '../grids/index.js';
// The leaf file, not the module's index: joint operations file cases through this service, so the index would loop.
import { isInMajorEventArea } from '../joint-operations/major-events.js';
import { recordCaseEvent } from './case-events.js';
import { CaseFileEntity, type CaseFile } from './case-file.entity.js';
import { pendingStartPrefix, startCaseProcess } from './case-start.js';
import { createCaseSchema, type CreateCaseInput } from './cases.schema.js';

export { caseProcessKey } from './case-start.js';

/** What filing a case needs. */
export interface CaseDeps {
  dataSource: DataSource;
  engine: EngineClient;
  workingHours: string;
  gridLocator(): Promise<GridLocator>;
  /** Where starts the engine could not confirm are reported. */
  logger?: Logger;
}

/**
 * Files a report as a numbered case and starts its closed loop. The case row is written first, pending, so that the
 * process can be keyed on its number; startCaseProcess then confirms it (and audits case.create) or removes it.
 */
export async function createCase(deps: CaseDeps, raw: CreateCaseInput, actor: string): Promise<CaseFile> {
  const input = createCaseSchema.parse(raw);
  const location = (await deps.gridLocator()).locate(input.lng, input.lat);
  if (!location) {
    throw new ValidationError('上报位置不在本辖区的网格内', { issues: [{ path: 'body.lng', message: '位置不在辖区网格内 (outside every unit grid)' }] });
  }
  const now = new Date();
  const pending = await inTransaction(deps.dataSource, async (manager) => {
    const calendar = await loadWorkingCalendar(manager, deps.workingHours);
    // 重大活动保障: inside the area of a running major-event operation every case is urgent.
    const urgent = input.urgent || (await isInMajorEventArea(manager, location.gridCode, now));
    const acceptDue = urgent ? new Date(now.getTime() + 3_600_000) : calendar.addLimit(now, 1, 'wh');
    const placeholder = `${pendingStartPrefix}${now.getTime()}-${Math.random().toString(36).slice(2, 8)}`;
    const { identifiers } = await manager.insert(CaseFileEntity, {
      caseNo: placeholder.slice(0, 32),
      processInstanceId: placeholder,
      categoryCode: input.categoryCode,
      source: input.source,
      sourceRef: input.sourceRef ?? null,
      description: input.description,
      status: 'registered',
      createdAt: now,
      lng: input.lng,
      lat: input.lat,
      address: input.address ?? null,
      urgent,
      reporter: actor,
      callerName: input.callerName ?? null,
      callerPhone: input.callerPhone ?? null,
      acceptDue,
      reworkCount: 0,
    });
    const id = Number(identifiers[0]!.id);
    const caseNo = `${beijingDay(now).replaceAll('-', '')}${String(id).padStart(5, '0')}`;
    await manager.update(CaseFileEntity, { id }, { caseNo });
    await recordCaseEvent(manager, { caseId: id, type: 'reported', actor, at: now, data: { source: input.source, ...(input.sourceRef ? { sourceRef: input.sourceRef } : {}) } });
    return manager.findOneByOrFail(CaseFileEntity, { id });
  });
  return startCaseProcess(deps, pending, {
    caseId: pending.id,
    caseNo: pending.caseNo,
    categoryCode: pending.categoryCode,
    description: pending.description,
    lng: input.lng,
    lat: input.lat,
    source: pending.source,
    reporter: actor,
    urgent: Boolean(pending.urgent),
    acceptDue: pending.acceptDue,
    verifyDue: null,
    returnedCount: 0,
    reworkCount: 0,
  });
}
