import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { OperationPlanInput } from '../../contracts/joint-operations.js';
import { inTransaction } from '../../db/transaction.js';
import { UnitGridEntity } from '../grids/index.js';
import { OperationFindingEntity, type OperationFinding } from './finding.entity.js';
import { JointOperationEntity, type JointOperation } from './operation.entity.js';
import { openOperation } from './open-operation.js';
import { OperationParticipantEntity, type OperationParticipant } from './participant.entity.js';
import { beijingLocal } from './schedule.js';

const hourMs = 3_600_000;

/** A plan over the first market grids of the demo district, starting in two days; fields override. */
export async function planFor(dataSource: DataSource, overrides: Partial<OperationPlanInput> = {}): Promise<OperationPlanInput> {
  const grids = await dataSource.manager.find(UnitGridEntity, { where: { gridType: 'market' as never }, order: { code: 'ASC' }, take: 2 });
  const start = new Date(Math.floor((Date.now() + 48 * hourMs) / 60_000) * 60_000);
  return {
    title: `测试行动 ${randomUUID().slice(0, 8)}`,
    target: '占道经营',
    targetCategoryCode: 'E0501',
    gridCodes: grids.map((g) => g.code),
    schedule: { startsAt: beijingLocal(start), endsAt: beijingLocal(new Date(start.getTime() + 3 * hourMs)), recurrence: { kind: 'once' } },
    leadDepartment: 'urban-management',
    participants: [
      { departmentCode: 'urban-management', tasks: '清理占道摊点' },
      { departmentCode: 'commerce', tasks: '核查执照' },
    ],
    confirmBy: beijingLocal(new Date(start.getTime() - 24 * hourMs)),
    briefing: { at: beijingLocal(new Date(start.getTime() - hourMs)), place: '中队会议室' },
    majorEvent: false,
    ...overrides,
  };
}

/** An operation of the test's own, stored as the API stores it (no process), with row fields overridden. */
export async function givenOperation(dataSource: DataSource, fields: Partial<JointOperation> = {}, plan: Partial<OperationPlanInput> = {}): Promise<JointOperation> {
  const op = await inTransaction(dataSource, async (manager) => openOperation(manager, await planFor(dataSource, plan), { createdBy: 'xietiao' }));
  if (Object.keys(fields).length) await dataSource.manager.update(JointOperationEntity, { id: op.id }, fields);
  return dataSource.manager.findOneByOrFail(JointOperationEntity, { id: op.id });
}

/** A finding of an operation, stored directly; fields override. */
export async function givenFinding(dataSource: DataSource, op: Pick<JointOperation, 'id'>, fields: Partial<OperationFinding> = {}): Promise<OperationFinding> {
  const { identifiers } = await dataSource.manager.insert(OperationFindingEntity, {
    operationId: op.id,
    departmentCode: 'urban-management',
    description: '占道摆摊',
    lng: 120,
    lat: 30,
    gridCode: null,
    shopId: null,
    violationType: null,
    severity: 'minor',
    correctedOnSpot: true,
    measure: null,
    firstViolationNoPenalty: false,
    fineYuan: null,
    correctBy: null,
    seizedItems: null,
    documentNo: null,
    shopViolationId: null,
    caseId: null,
    caseNo: null,
    followUpStatus: null,
    followUpBy: null,
    followUpAt: null,
    followUpNote: null,
    recordedBy: 'chengguan',
    recordedAt: new Date(),
    ...fields,
  });
  return dataSource.manager.findOneByOrFail(OperationFindingEntity, { id: Number(identifiers[0]!.id) });
}

/** The participant row of a department. */
export function participantOf(dataSource: DataSource, operationId: number, departmentCode: string): Promise<OperationParticipant> {
  return dataSource.manager.findOneByOrFail(OperationParticipantEntity, { operationId, departmentCode });
}
