import { In, type EntityManager } from 'typeorm';
import { NotFoundError } from '../../errors/index.js';
import { hasRole, type CurrentUser } from '../auth/index.js';
import type { Role } from '../users/index.js';
import { PatrolMemberEntity, PatrolPlanEntity, type PatrolPlan } from './patrol-plan.entity.js';
import { PatrolRunEntity, type PatrolRun } from './patrol-run.entity.js';

/** Roles that see every patrol: the coordinators who plan them and those who oversee the city. */
export const patrolOverseerRoles: readonly Role[] = ['coordinator', 'command-centre', 'supervisor', 'admin'];

/** Ids of the plans a user sees: every plan for an overseer, else those their department or they themselves take part in. */
export async function visiblePlanIds(manager: EntityManager, user: CurrentUser): Promise<number[] | 'all'> {
  if (hasRole(user, ...patrolOverseerRoles)) return 'all';
  const where = [{ username: user.username }, ...(user.departmentCode ? [{ departmentCode: user.departmentCode }] : [])];
  const rows = await manager.find(PatrolMemberEntity, { where, select: { planId: true } });
  return [...new Set(rows.map((r) => r.planId))];
}

/** The plans a user sees, newest first. */
export async function visiblePlans(manager: EntityManager, user: CurrentUser): Promise<PatrolPlan[]> {
  const ids = await visiblePlanIds(manager, user);
  if (ids !== 'all' && ids.length === 0) return [];
  return manager.find(PatrolPlanEntity, { where: ids === 'all' ? {} : { id: In(ids) }, order: { id: 'DESC' } });
}

/** A plan the user sees; 404 otherwise, so that other departments' plans stay invisible. */
export async function loadVisiblePlan(manager: EntityManager, user: CurrentUser, ref: string): Promise<PatrolPlan> {
  const plan = await manager.findOneBy(PatrolPlanEntity, { ref });
  if (!plan || !(await sees(manager, user, plan.id))) throw new NotFoundError(`巡查计划 ${ref} 不存在`, { resource: 'patrol-plan', id: ref });
  return plan;
}

/** A run the user sees, with its plan; 404 otherwise. */
export async function loadVisibleRun(manager: EntityManager, user: CurrentUser, ref: string): Promise<{ run: PatrolRun; plan: PatrolPlan }> {
  const run = await manager.findOneBy(PatrolRunEntity, { ref });
  const plan = run && (await manager.findOneBy(PatrolPlanEntity, { id: run.planId }));
  if (!run || !plan || !(await sees(manager, user, plan.id))) throw new NotFoundError(`巡查 ${ref} 不存在`, { resource: 'patrol-run', id: ref });
  return { run, plan };
}

async function sees(manager: EntityManager, user: CurrentUser, planId: number): Promise<boolean> {
  const ids = await visiblePlanIds(manager, user);
  return ids === 'all' || ids.includes(planId);
}
