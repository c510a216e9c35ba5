import type { Logger } from 'pino';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { PatrolPlanDetail, PatrolPlanSummary } from '../../contracts/patrols.js';
import { inTransaction } from '../../db/transaction.js';
import type { EngineClient } from '../../engine/index.js';
import { ValidationError, type FieldIssue } from '../../errors/index.js';
import { engineWriteOutcome, loggerOr, recordAudit } from '../audit/index.js';
import type { CurrentUser } from '../auth/index.js';
import { beijingDay } from '../calendar/index.js';
import { UnitGridEntity } from '../grids/index.js';
import { UserEntity } from '../users/index.js';
import { PatrolMemberEntity, PatrolPlanEntity, type PatrolPlan } from './patrol-plan.entity.js';
import { loadVisiblePlan, visiblePlans } from './patrol-scope.js';
import { planDetail, planSummaries } from './patrol-views.js';
import type { PatrolPlanBody } from './patrols.schema.js';
import { patrolScheduleProcessKey } from './run-steps.js';
import { occurrences } from './schedule.js';

/** What planning patrols needs. */
export interface PatrolPlanDeps {
  dataSource: DataSource;
  engine: EngineClient;
  logger?: Logger;
}

/**
 * Creates a plan and starts its schedule on the engine, keyed on the plan's ref (XC-2026-0001). The plan is written
 * first so that the schedule finds it; if the engine refuses, or cannot say and has no such instance, the plan is
 * removed again and the error passes on (a schedule that started unseen ends by itself when it finds no plan).
 */
export async function createPlan(deps: PatrolPlanDeps, user: CurrentUser, body: PatrolPlanBody): Promise<PatrolPlanDetail> {
  await checkPlan(deps.dataSource.manager, body, new Date());
  const plan = await inTransaction(deps.dataSource, async (manager) => {
    const now = new Date();
    const { identifiers } = await manager.insert(PatrolPlanEntity, {
      ref: `pending-${now.getTime()}-${Math.random().toString(36).slice(2, 8)}`,
      title: body.title,
      route: JSON.stringify(body.route),
      schedule: JSON.stringify(body.schedule),
      status: 'active',
      processInstanceId: null,
      createdBy: user.username,
      createdAt: now,
    });
    const id = Number(identifiers[0]!.id);
    await manager.update(PatrolPlanEntity, { id }, { ref: `XC-${beijingDay(now).slice(0, 4)}-${String(id).padStart(4, '0')}` });
    for (const member of body.team) await manager.insert(PatrolMemberEntity, { planId: id, username: member.username, departmentCode: member.departmentCode });
    return manager.findOneByOrFail(PatrolPlanEntity, { id });
  });
  const instanceId = await startSchedule(deps, plan);
  return inTransaction(deps.dataSource, async (manager) => {
    await manager.update(PatrolPlanEntity, { id: plan.id }, { processInstanceId: instanceId });
    await recordAudit(manager, { actor: user.username, action: 'patrol.create', targetType: 'patrol-plan', targetId: plan.ref, after: { ...body, ref: plan.ref } });
    return planDetail(manager, { ...plan, processInstanceId: instanceId });
  });
}

/** GET /patrols: the plans the caller sees, newest first. */
export async function listPlans(manager: EntityManager, user: CurrentUser): Promise<PatrolPlanSummary[]> {
  return planSummaries(manager, await visiblePlans(manager, user));
}

/** GET /patrols/:ref. */
export async function getPlan(manager: EntityManager, user: CurrentUser, ref: string): Promise<PatrolPlanDetail> {
  return planDetail(manager, await loadVisiblePlan(manager, user, ref));
}

async function startSchedule(deps: PatrolPlanDeps, plan: PatrolPlan): Promise<string> {
  try {
    return (await deps.engine.startProcess(patrolScheduleProcessKey, { businessKey: plan.ref, variables: { planRef: plan.ref, lastRunSeq: 0 } })).id;
  } catch (error) {
    const found = engineWriteOutcome(error) === 'unknown' ? (await deps.engine.processInstancesByBusinessKey(patrolScheduleProcessKey, plan.ref).catch(() => []))[0] : undefined;
    if (found) return found.id;
    loggerOr(deps.logger).warn({ err: error, planRef: plan.ref }, 'patrol schedule did not start; the plan is removed');
    await inTransaction(deps.dataSource, async (manager) => {
      await manager.delete(PatrolMemberEntity, { planId: plan.id });
      await manager.delete(PatrolPlanEntity, { id: plan.id });
    });
    throw error;
  }
}

/** The checks that need the database: grids of the district, active people of the named departments, a window ahead. */
async function checkPlan(manager: EntityManager, body: PatrolPlanBody, now: Date): Promise<void> {
  const issues: FieldIssue[] = [];
  const known = new Set((await manager.find(UnitGridEntity, { where: { code: In(body.route) }, select: { code: true } })).map((g) => g.code));
  body.route.forEach((code, i) => {
    if (!known.has(code)) issues.push({ path: `body.route.${i}`, message: `网格 ${code} 不存在` });
  });
  const users = await manager.findBy(UserEntity, { username: In(body.team.map((m) => m.username)) });
  body.team.forEach((member, i) => {
    const user = users.find((u) => u.username === member.username);
    if (!user || !user.active) issues.push({ path: `body.team.${i}.username`, message: `账号 ${member.username} 不存在或已停用` });
    else if (user.departmentCode !== member.departmentCode) issues.push({ path: `body.team.${i}.departmentCode`, message: `${user.displayName} 不属于部门 ${member.departmentCode}` });
  });
  const runs = occurrences(body.schedule);
  if (runs.length === 0) issues.push({ path: 'body.schedule.recurrence', message: '按此排程没有任何一次巡查' });
  else if (runs.at(-1)!.endsAt <= now) issues.push({ path: 'body.schedule.endsAt', message: '巡查时间已过，请选择将来的时间' });
  if (issues.length) throw new ValidationError(`巡查计划填写有误：${issues.map((i) => i.message).join('；')}`, { issues });
}
