import type { EntityManager } from 'typeorm';
import type { OperationPlanInput } from '../../contracts/joint-operations.js';
import type { EngineClient, VariableValue } from '../../engine/index.js';
import { beijingDay } from '../calendar/index.js';
import { JointOperationEntity, OperationGridEntity, type JointOperation } from './operation.entity.js';
import { recordOperationEvent } from './operation-events.js';
import { OperationParticipantEntity } from './participant.entity.js';
import { parseBeijingTime } from './schedule.js';

/** The process every operation runs, keyed on the operation's ref. */
export const operationProcessKey = 'joint-enforcement';

/** The process of a weekly series, keyed on the series' ref. */
export const seriesProcessKey = 'joint-enforcement-series';

/** 回头看 starts this many working days after an operation ends (and not before the last deadline to correct). */
export const followUpWorkingDays = 3;

/** The instants of a plan, read from its Beijing wall-clock times (the schema has checked them). */
export function planTimes(plan: OperationPlanInput): { startsAt: Date; endsAt: Date; confirmBy: Date; briefingAt: Date } {
  const at = (text: string) => parseBeijingTime(text)!;
  return { startsAt: at(plan.schedule.startsAt), endsAt: at(plan.schedule.endsAt), confirmBy: at(plan.confirmBy), briefingAt: at(plan.briefing.at) };
}

/** A ref such as JO-2026-0001 from the row id and the Beijing year of creation. */
export const refOf = (prefix: 'JO' | 'JS', id: number, at: Date) => `${prefix}-${beijingDay(at).slice(0, 4)}-${String(id).padStart(4, '0')}`;

/** Inserts a new operation awaiting approval, with its area, participants and first timeline line; no process yet. */
export async function openOperation(manager: EntityManager, plan: OperationPlanInput, by: { createdBy: string; seriesId?: number | null; at?: Date }): Promise<JointOperation> {
  const now = by.at ?? new Date();
  const placeholder = `pending-${now.getTime()}-${Math.random().toString(36).slice(2, 8)}`.slice(0, 32);
  const { identifiers } = await manager.insert(JointOperationEntity, {
    ref: placeholder,
    seriesId: by.seriesId ?? null,
    processInstanceId: null,
    ...planColumns(plan),
    status: 'pending-approval',
    returnReason: null,
    summaryText: null,
    writtenBy: null,
    reportAt: null,
    createdBy: by.createdBy,
    approvedBy: null,
    createdAt: now,
    updatedAt: now,
  });
  const id = Number(identifiers[0]!.id);
  await manager.update(JointOperationEntity, { id }, { ref: refOf('JO', id, now) });
  await writeAreaAndParticipants(manager, id, plan, { replace: false });
  await recordOperationEvent(manager, { operationId: id, type: 'created', actor: by.createdBy, at: now, data: { title: plan.title } });
  return manager.findOneByOrFail(JointOperationEntity, { id });
}

/** The columns a plan sets on the operation row. */
export function planColumns(plan: OperationPlanInput) {
  const times = planTimes(plan);
  return {
    title: plan.title,
    target: plan.target,
    targetCategoryCode: plan.targetCategoryCode,
    startsAt: times.startsAt,
    endsAt: times.endsAt,
    confirmBy: times.confirmBy,
    briefingAt: times.briefingAt,
    briefingPlace: plan.briefing.place,
    leadDepartment: plan.leadDepartment,
    majorEvent: plan.majorEvent,
  };
}

/**
 * Writes the grids and participants of an operation from the plan, replacing those of a revised one. A new operation
 * has none to delete, and deleting nothing would take gap locks on which concurrent creators deadlock (InnoDB).
 */
export async function writeAreaAndParticipants(manager: EntityManager, operationId: number, plan: OperationPlanInput, { replace = true } = {}): Promise<void> {
  if (replace) {
    await manager.delete(OperationGridEntity, { operationId });
    await manager.delete(OperationParticipantEntity, { operationId });
  }
  await manager.insert(OperationGridEntity, plan.gridCodes.map((gridCode) => ({ operationId, gridCode })));
  await manager.insert(
    OperationParticipantEntity,
    plan.participants.map((p) => ({ operationId, departmentCode: p.departmentCode, tasks: p.tasks, status: 'waiting' as const, people: null, vehicles: null, confirmedBy: null, confirmedAt: null, executing: false, doneAt: null })),
  );
}

/** The variables the process reads: who, when, and the participating departments (multi-instance collection). */
export function operationVariables(op: JointOperation, departments: readonly string[]): Record<string, VariableValue> {
  return {
    operationId: op.id,
    operationRef: op.ref,
    createdBy: op.createdBy,
    leadDepartment: op.leadDepartment,
    participants: [...departments],
    confirmBy: op.confirmBy,
    briefingAt: op.briefingAt,
    startsAt: op.startsAt,
    endsAt: op.endsAt,
    followUpWorkingDays,
  };
}

/**
 * Starts the operation's process keyed on its ref, or finds the one already started (a start whose answer was lost,
 * or a redelivered worker task); returns its instance id.
 */
export async function startOperationProcess(engine: EngineClient, op: JointOperation, departments: readonly string[]): Promise<string> {
  const [existing] = await engine.processInstancesByBusinessKey(operationProcessKey, op.ref);
  if (existing) return existing.id;
  return (await engine.startProcess(operationProcessKey, { businessKey: op.ref, variables: operationVariables(op, departments) })).id;
}
