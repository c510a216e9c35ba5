import type { Logger } from 'pino';
import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import type { OperationCreated, OperationDetail, OperationPlanInput, OperationReport, OperationSummary } from '../../contracts/joint-operations.js';
import { inTransaction } from '../../db/transaction.js';
import type { EngineClient, Task } from '../../engine/index.js';
import { ConflictError, ValidationError, validationErrorFrom } from '../../errors/index.js';
import { auditedEngineCall, engineWriteOutcome } from '../audit/index.js';
import type { CurrentUser } from '../auth/index.js';
import { UnitGridEntity, type GridLocator } from '../grids/index.js';
import { JointOperationEntity, OperationGridEntity, type JointOperation } from './operation.entity.js';
import { OperationEventEntity } from './operation-event.entity.js';
import { recordOperationEvent } from './operation-events.js';
import { applyOperationScope, visibleOperation } from './operation-scope.js';
import { boundOf, operationPlanSchema, revisedPlanSchema, type ListOperationsQuery, type OperationPlan } from './operations.schema.js';
import { openOperation, operationProcessKey, operationVariables, planColumns, planTimes, refOf, seriesProcessKey, startOperationProcess, writeAreaAndParticipants } from './open-operation.js';
import { OperationParticipantEntity } from './participant.entity.js';
import { OperationSeriesEntity } from './series.entity.js';
import { startAndAdopt } from './start-process.js';
import { detailOf, reportOf, summariesOf } from './views.js';

/** What the operations API needs from the running server. */
export interface OperationDeps {
  dataSource: DataSource;
  engine: EngineClient;
  logger?: Logger;
  /** WORKING_HOURS, for deadlines to correct. */
  workingHours: string;
  gridLocator(): Promise<GridLocator>;
  /** DATA_DIR/photos. */
  photosDir: string;
  /** Tells the live stream that an operation changed, so that it polls now. */
  changed?(): void;
}

/**
 * Plans an operation (coordinator): a one-off plan becomes an operation awaiting approval in its own joint-enforcement
 * process; a weekly plan becomes a series whose joint-enforcement-series process creates one operation per occurrence.
 */
export async function createOperation(deps: OperationDeps, user: CurrentUser, body: unknown): Promise<OperationCreated> {
  const plan = parsePlan(operationPlanSchema, body);
  await checkPlan(deps.dataSource.manager, plan);
  const created = plan.schedule.recurrence.kind === 'weekly' ? await createSeries(deps, user, plan) : await createOnce(deps, user, plan);
  deps.changed?.();
  return created;
}

async function createOnce(deps: OperationDeps, user: CurrentUser, plan: OperationPlan): Promise<OperationCreated> {
  const op = await inTransaction(deps.dataSource, (manager) => openOperation(manager, plan, { createdBy: user.username }));
  const departments = plan.participants.map((p) => p.departmentCode);
  await startAndAdopt(deps, {
    ref: op.ref,
    processKey: operationProcessKey,
    start: () => startOperationProcess(deps.engine, op, departments),
    adopt: async (manager, instanceId) => (await manager.update(JointOperationEntity, { id: op.id, processInstanceId: IsNull() }, { processInstanceId: instanceId })).affected === 1,
    remove: (manager) => removeOperation(manager, op.id),
    audit: { actor: user.username, action: 'operation.create', targetType: 'operation', after: plan },
  });
  return { kind: 'operation', ref: op.ref };
}

async function createSeries(deps: OperationDeps, user: CurrentUser, plan: OperationPlan): Promise<OperationCreated> {
  if (plan.schedule.recurrence.kind !== 'weekly') throw new Error('a series needs a weekly plan');
  const { weekdays, until } = plan.schedule.recurrence;
  const now = new Date();
  const series = await inTransaction(deps.dataSource, async (manager) => {
    const placeholder = `pending-${now.getTime()}-${Math.random().toString(36).slice(2, 8)}`.slice(0, 32);
    const { identifiers } = await manager.insert(OperationSeriesEntity, { ref: placeholder, processInstanceId: null, plan: JSON.stringify(plan), weekdays: JSON.stringify([...weekdays].sort()), until, status: 'active', occurrences: 0, createdBy: user.username, createdAt: now });
    const id = Number(identifiers[0]!.id);
    await manager.update(OperationSeriesEntity, { id }, { ref: refOf('JS', id, now) });
    return manager.findOneByOrFail(OperationSeriesEntity, { id });
  });
  await startAndAdopt(deps, {
    ref: series.ref,
    processKey: seriesProcessKey,
    start: async () => {
      const [existing] = await deps.engine.processInstancesByBusinessKey(seriesProcessKey, series.ref);
      return existing?.id ?? (await deps.engine.startProcess(seriesProcessKey, { businessKey: series.ref, variables: { seriesId: series.id, seriesRef: series.ref, lastStartsAt: null } })).id;
    },
    adopt: async (manager, instanceId) => (await manager.update(OperationSeriesEntity, { id: series.id, processInstanceId: IsNull() }, { processInstanceId: instanceId })).affected === 1,
    remove: async (manager) => void (await manager.delete(OperationSeriesEntity, { id: series.id })),
    audit: { actor: user.username, action: 'operation.series-create', targetType: 'operation-series', after: plan },
  });
  return { kind: 'series', ref: series.ref };
}

/**
 * Revises a returned plan (coordinator) and resubmits it: the plan is saved, then the coordinator's 修改方案 task is
 * completed with the new times and departments, audited through an intent. A refused completion restores the old plan.
 */
export async function reviseOperation(deps: OperationDeps, user: CurrentUser, ref: string, body: unknown): Promise<OperationDetail> {
  const { revisionNote, ...rest } = (body ?? {}) as Record<string, unknown>;
  if (revisionNote !== undefined && (typeof revisionNote !== 'string' || !revisionNote.trim() || revisionNote.length > 500)) {
    throw new ValidationError('修改说明须为 1 到 500 字', { issues: [{ path: 'body.revisionNote', message: '修改说明须为 1 到 500 字' }] });
  }
  const plan = parsePlan(revisedPlanSchema, rest);
  const manager = deps.dataSource.manager;
  const op = await visibleOperation(manager, user, ref);
  if (op.status !== 'returned') throw new ConflictError(`行动 ${ref} 当前不是“退回修改”状态，不能修改方案`);
  await checkPlan(manager, plan);
  const task = await reviseTask(deps, user, op);
  const before = (await detailOf(manager, op)).plan;
  const note = typeof revisionNote === 'string' ? revisionNote.trim() : '已按退回理由修改方案';
  const revised = await inTransaction(deps.dataSource, async (tx) => {
    await tx.update(JointOperationEntity, { id: op.id }, planColumns(plan));
    await writeAreaAndParticipants(tx, op.id, plan);
    await recordOperationEvent(tx, { operationId: op.id, type: 'revised', actor: user.username, data: { note } });
    return tx.findOneByOrFail(JointOperationEntity, { id: op.id });
  });
  const variables = { ...operationVariables(revised, plan.participants.map((p) => p.departmentCode)), reviseDecision: 'resubmit', revisionNote: note };
  const entry = { actor: user.username, action: 'operation.revise', targetType: 'task', targetId: task.id, before: { operation: ref, plan: before }, after: { plan, revisionNote: note }, evidence: 'task-completed' };
  try {
    await auditedEngineCall(deps, entry, () => deps.engine.completeTask(task.id, variables));
  } catch (error) {
    if (engineWriteOutcome(error) === 'not-done') await restorePlan(deps.dataSource, op, before);
    throw error;
  }
  deps.changed?.();
  return detailOf(manager, await manager.findOneByOrFail(JointOperationEntity, { id: op.id }));
}

/** The open 修改方案 task of an operation, claimed by the caller (audited) if nobody holds it. */
async function reviseTask(deps: OperationDeps, user: CurrentUser, op: JointOperation): Promise<Task> {
  const [task] = op.processInstanceId ? await deps.engine.tasks({ processInstanceId: op.processInstanceId, taskDefinitionKey: 'revise-plan' }) : [];
  if (!task) throw new ConflictError(`行动 ${op.ref} 的修改任务尚未生成，请稍后再试`);
  if (task.assignee && task.assignee !== user.username) throw new ConflictError(`行动 ${op.ref} 的修改任务已由 ${task.assignee} 签收`);
  if (!task.assignee) {
    const claim = { actor: user.username, action: 'task.claim', targetType: 'task', targetId: task.id, before: { assignee: null, task: task.name, processInstanceId: task.processInstanceId }, after: { assignee: user.username }, evidence: 'task-claimed' };
    await auditedEngineCall(deps, claim, () => deps.engine.claim(task.id, user.username));
  }
  return task;
}

async function restorePlan(dataSource: DataSource, op: JointOperation, plan: OperationPlanInput): Promise<void> {
  await inTransaction(dataSource, async (tx) => {
    await tx.update(JointOperationEntity, { id: op.id }, planColumns(plan));
    await writeAreaAndParticipants(tx, op.id, plan);
    await recordOperationEvent(tx, { operationId: op.id, type: 'revision-undone', actor: 'system' });
  });
}

/** Operations the user sees, soonest first, matching a keyword and filtered by status, department, series and a time window (the calendar). */
export async function listOperations(deps: OperationDeps, user: CurrentUser, query: ListOperationsQuery): Promise<OperationSummary[]> {
  const manager = deps.dataSource.manager;
  const q = applyOperationScope(manager.createQueryBuilder(JointOperationEntity, 'op'), user);
  if (query.q) {
    // '!' escapes LIKE wildcards typed by the user, the same way on MySQL and SQLite.
    const like = `%${query.q.replace(/[!%_]/g, (c) => `!${c}`)}%`;
    q.andWhere("(op.title LIKE :like ESCAPE '!' OR op.target LIKE :like ESCAPE '!' OR op.ref LIKE :like ESCAPE '!')", { like });
  }
  if (query.status) q.andWhere('op.status = :status', { status: query.status });
  if (query.department) q.andWhere('EXISTS (SELECT 1 FROM joint_operation_participant d WHERE d.operation_id = op.id AND d.department_code = :department)', { department: query.department });
  if (query.seriesRef) q.andWhere('op.series_id IN (SELECT s.id FROM joint_operation_series s WHERE s.ref = :seriesRef)', { seriesRef: query.seriesRef });
  if (query.from) q.andWhere('op.ends_at > :from', { from: boundOf(query.from, false) });
  if (query.to) q.andWhere('op.starts_at < :to', { to: boundOf(query.to, true) });
  const ops = await q.orderBy('op.starts_at', 'ASC').addOrderBy('op.id', 'ASC').take(500).getMany();
  return summariesOf(manager, ops);
}

/** One operation as the live board shows it; 404 for an operation the user may not see. */
export async function getOperation(deps: OperationDeps, user: CurrentUser, ref: string): Promise<OperationDetail> {
  const manager = deps.dataSource.manager;
  return detailOf(manager, await visibleOperation(manager, user, ref));
}

/** The report, generated from the records now: counts, participants, findings with photos, cases with their live status. */
export async function getReport(deps: OperationDeps, user: CurrentUser, ref: string): Promise<OperationReport> {
  const manager = deps.dataSource.manager;
  return reportOf(manager, await visibleOperation(manager, user, ref));
}

function parsePlan<S extends typeof operationPlanSchema | typeof revisedPlanSchema>(schema: S, body: unknown): OperationPlan {
  const result = schema.safeParse(body);
  if (!result.success) throw validationErrorFrom(result.error, 'body');
  return result.data;
}

/** What the schema cannot check alone: the grids exist, and the operation lies ahead. */
async function checkPlan(manager: EntityManager, plan: OperationPlan): Promise<void> {
  const known = new Set((await manager.find(UnitGridEntity, { select: { code: true }, where: { code: In(plan.gridCodes) } })).map((g) => g.code));
  const unknown = plan.gridCodes.filter((code) => !known.has(code));
  if (unknown.length) throw new ValidationError(`未知的网格：${unknown.join('、')}`, { issues: [{ path: 'body.gridCodes', message: `未知的网格：${unknown.join('、')}` }] });
  if (planTimes(plan).startsAt.getTime() <= Date.now()) throw new ValidationError('开始时间须晚于现在', { issues: [{ path: 'body.schedule.startsAt', message: '开始时间须晚于现在' }] });
}

async function removeOperation(manager: EntityManager, operationId: number): Promise<void> {
  for (const entity of [OperationEventEntity, OperationParticipantEntity, OperationGridEntity]) await manager.delete(entity, { operationId });
  await manager.delete(JointOperationEntity, { id: operationId });
}
