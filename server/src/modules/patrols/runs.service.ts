import type { Logger } from 'pino';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import type { PatrolCheckInView, PatrolFindingView, PatrolRunDetail } from '../../contracts/patrols.js';
import { inTransaction } from '../../db/transaction.js';
import type { EngineClient, Task } from '../../engine/index.js';
import { ConflictError, ForbiddenError } from '../../errors/index.js';
import { auditedEngineCall, loggerOr, recordAudit } from '../audit/index.js';
import type { CurrentUser } from '../auth/index.js';
import { createCase } from '../cases/index.js';
import { categoryOf } from '../categories/index.js';
import type { GridLocator } from '../grids/index.js';
import { CheckInRefusedError, PatrolRunNotInProgressError } from './errors.js';
import { PatrolMemberEntity, type PatrolMember } from './patrol-plan.entity.js';
import { PatrolCheckInEntity, PatrolFindingEntity } from './patrol-records.entity.js';
import { PatrolRunGridEntity, type PatrolRun } from './patrol-run.entity.js';
import { loadVisibleRun } from './patrol-scope.js';
import { touchRun } from './run-steps.js';
import { runDetail } from './patrol-views.js';
import type { z } from 'zod';
import type { checkInSchema, findingSchema } from './patrols.schema.js';

/** What the run routes need. */
export interface PatrolRunDeps {
  dataSource: DataSource;
  engine: EngineClient;
  workingHours: string;
  gridLocator(): Promise<GridLocator>;
  logger?: Logger;
  /** Tells the live stream that a run changed here, so that it polls now. */
  changed?: () => void;
}

/** GET /patrol-runs/:ref: the run with each grid's visits, the findings with their cases, and who has finished. */
export async function getRun(deps: PatrolRunDeps, user: CurrentUser, ref: string): Promise<PatrolRunDetail> {
  const { run, plan } = await loadVisibleRun(deps.dataSource.manager, user, ref);
  return runDetail(deps.dataSource.manager, run, plan, await roundsDone(deps, run));
}

/** A member checks in to a grid of the route; the point must lie inside that grid (422 otherwise). */
export async function checkIn(deps: PatrolRunDeps, user: CurrentUser, ref: string, input: z.output<typeof checkInSchema>): Promise<PatrolCheckInView> {
  const { run, member } = await memberAtWork(deps.dataSource.manager, user, ref, '签到');
  const onRoute = await deps.dataSource.manager.findOneBy(PatrolRunGridEntity, { runId: run.id, gridCode: input.gridCode });
  if (!onRoute) throw new CheckInRefusedError(`网格 ${input.gridCode} 不在本次巡查路线上`, { gridCode: input.gridCode, reason: 'not-on-route' });
  const located = (await deps.gridLocator()).locate(input.lng, input.lat);
  if (located?.gridCode !== input.gridCode) {
    throw new CheckInRefusedError(`签到位置不在网格 ${input.gridCode} 内`, { gridCode: input.gridCode, reason: 'outside-grid', locatedGridCode: located?.gridCode ?? null });
  }
  const at = new Date();
  return inTransaction(deps.dataSource, async (manager) => {
    const row = { runId: run.id, gridCode: input.gridCode, username: user.username, departmentCode: member.departmentCode, lng: input.lng, lat: input.lat, at };
    const { identifiers } = await manager.insert(PatrolCheckInEntity, row);
    if (!onRoute.visitedAt) await manager.update(PatrolRunGridEntity, { id: onRoute.id, visitedAt: IsNull() }, { visitedAt: at });
    await touchRun(manager, run.id, at);
    await recordAudit(manager, { actor: user.username, action: 'patrol.check-in', targetType: 'patrol-run', targetId: run.ref, after: { gridCode: input.gridCode, lng: input.lng, lat: input.lat } });
    deps.changed?.();
    return { id: Number(identifiers[0]!.id), gridCode: row.gridCode, username: row.username, displayName: user.displayName, departmentCode: row.departmentCode, lng: row.lng, lat: row.lat, at: at.toISOString() };
  });
}

/** A member records a problem: it is filed at once as a closed-loop case with source 联合巡查 and the run's ref, and linked back from the run. */
export async function recordFinding(deps: PatrolRunDeps, user: CurrentUser, ref: string, input: z.output<typeof findingSchema>): Promise<PatrolFindingView> {
  const { run, member } = await memberAtWork(deps.dataSource.manager, user, ref, '上报问题');
  const filed = await createCase(deps, { ...input, source: 'joint-patrol', sourceRef: run.ref }, user.username);
  const row = {
    runId: run.id,
    description: input.description,
    lng: input.lng,
    lat: input.lat,
    gridCode: filed.gridCode ?? (await deps.gridLocator()).locate(input.lng, input.lat)?.gridCode ?? null,
    categoryCode: input.categoryCode,
    caseId: filed.id,
    caseNo: filed.caseNo,
    recordedBy: user.username,
    departmentCode: member.departmentCode,
    recordedAt: new Date(),
  };
  const id = await inTransaction(deps.dataSource, async (manager) => {
    const { identifiers } = await manager.insert(PatrolFindingEntity, row);
    await touchRun(manager, run.id, row.recordedAt);
    await recordAudit(manager, { actor: user.username, action: 'patrol.finding', targetType: 'patrol-run', targetId: run.ref, after: { caseNo: filed.caseNo, categoryCode: input.categoryCode, description: input.description, lng: input.lng, lat: input.lat } });
    return Number(identifiers[0]!.id);
  }).catch((error: unknown) => {
    // The case is filed and runs; only its link to the run is missing, which the log names for an operator.
    loggerOr(deps.logger).error({ err: error, runRef: run.ref, caseNo: filed.caseNo }, 'patrol finding filed as a case but not linked to its run');
    throw error;
  });
  deps.changed?.();
  return {
    id,
    description: row.description,
    lng: row.lng,
    lat: row.lat,
    gridCode: row.gridCode,
    categoryCode: row.categoryCode,
    categoryName: categoryOf(row.categoryCode)?.name ?? null,
    caseNo: row.caseNo,
    caseStatus: filed.status,
    recordedBy: row.recordedBy,
    recordedByName: user.displayName,
    departmentCode: row.departmentCode,
    recordedAt: row.recordedAt.toISOString(),
  };
}

/** A member ends their own round before the end time: their 巡查 task is completed. */
export async function finishRound(deps: PatrolRunDeps, user: CurrentUser, ref: string, note: string | undefined): Promise<void> {
  const { run } = await memberAtWork(deps.dataSource.manager, user, ref, '结束巡查');
  const [task] = await deps.engine.tasks({ processInstanceId: run.processInstanceId!, taskDefinitionKey: 'round', candidateUser: user.username, includeAssignedTasks: true });
  if (!task) throw new ConflictError('您在本次巡查中的任务已经结束');
  await completeAs(deps, user, task, 'patrol.finish-round', { roundNote: note ?? null });
  await touchRun(deps.dataSource.manager, run.id);
  deps.changed?.();
}

/** The coordinator reviews the patrol report; the run's process records the review and ends. */
export async function reviewRun(deps: PatrolRunDeps, user: CurrentUser, ref: string, comment: string): Promise<PatrolRunDetail> {
  const { run } = await loadVisibleRun(deps.dataSource.manager, user, ref);
  const [task] = run.status === 'review' && run.processInstanceId ? await deps.engine.tasks({ processInstanceId: run.processInstanceId, taskDefinitionKey: 'review' }) : [];
  if (!task) throw new ConflictError(run.status === 'finished' ? `巡查 ${ref} 已复核` : `巡查 ${ref} 的报告尚未生成，不能复核`);
  await completeAs(deps, user, task, 'patrol.review', { reviewComment: comment, reviewedBy: user.username });
  return getRun(deps, user, ref);
}

/** Claims the task for the caller and completes it, audited as a task action the reconciler can prove. */
async function completeAs(deps: PatrolRunDeps, user: CurrentUser, task: Task, action: string, variables: Record<string, string | null>): Promise<void> {
  if (task.assignee && task.assignee !== user.username) throw new ConflictError('该任务已由他人签收');
  if (!task.assignee) await deps.engine.claim(task.id, user.username);
  const entry = { actor: user.username, action, targetType: 'task', targetId: task.id, evidence: 'task-completed', after: variables };
  await auditedEngineCall({ dataSource: deps.dataSource, logger: deps.logger }, entry, () => deps.engine.completeTask(task.id, variables));
}

/** The run, for a member of its team while it is in progress: 403 for others, 409 before the start or after the end. */
async function memberAtWork(manager: EntityManager, user: CurrentUser, ref: string, what: string): Promise<{ run: PatrolRun; member: PatrolMember }> {
  const { run, plan } = await loadVisibleRun(manager, user, ref);
  const member = await manager.findOneBy(PatrolMemberEntity, { planId: plan.id, username: user.username });
  if (!member) throw new ForbiddenError(`只有本次巡查的队员可以${what}`);
  if (run.status !== 'in-progress') {
    const message = run.status === 'scheduled' ? `巡查 ${ref} 尚未开始，开始后才能${what}` : `巡查 ${ref} 已结束，不能再${what}`;
    throw new PatrolRunNotInProgressError(message, { ref, status: run.status });
  }
  return { run, member };
}

/** Members whose 巡查 task is completed, from the engine's history; none when the engine cannot be asked. */
async function roundsDone(deps: PatrolRunDeps, run: PatrolRun): Promise<Set<string>> {
  if (!run.processInstanceId) return new Set();
  const tasks = await deps.engine.historicTasks(run.processInstanceId).catch(() => []);
  return new Set(tasks.filter((t) => t.taskDefinitionKey === 'round' && t.deleteReason === 'completed' && t.assignee).map((t) => t.assignee!));
}
