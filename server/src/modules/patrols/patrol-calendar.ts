import { In, type EntityManager } from 'typeorm';
import type { PatrolOccurrence, PatrolTeamCandidate } from '../../contracts/patrols.js';
import type { CurrentUser } from '../auth/index.js';
import { DepartmentEntity } from '../departments/index.js';
import { UserEntity } from '../users/index.js';
import { PatrolMemberEntity } from './patrol-plan.entity.js';
import { PatrolRunEntity } from './patrol-run.entity.js';
import { visiblePlans } from './patrol-scope.js';
import { runSummaries, scheduleOf } from './patrol-views.js';
import { fromBeijing, occurrences } from './schedule.js';

/**
 * GET /patrols/calendar: every occurrence of the visible plans' schedules that starts between the Beijing days `from`
 * and `to` (inclusive), with its run once the schedule has created it. Future runs exist only a day ahead, so the
 * calendar reads the schedules, not the runs.
 */
export async function patrolCalendar(manager: EntityManager, user: CurrentUser, from: string, to: string): Promise<PatrolOccurrence[]> {
  const start = fromBeijing(`${from}T00:00`).getTime();
  const end = fromBeijing(`${to}T00:00`).getTime() + 86_400_000;
  const plans = await visiblePlans(manager, user);
  const inPeriod = plans.flatMap((plan) =>
    occurrences(scheduleOf(plan))
      .map((o, i) => ({ plan, seq: i + 1, ...o }))
      .filter((o) => o.startsAt.getTime() >= start && o.startsAt.getTime() < end),
  );
  if (!inPeriod.length) return [];
  const planIds = [...new Set(inPeriod.map((o) => o.plan.id))];
  const [members, runs] = await Promise.all([
    manager.find(PatrolMemberEntity, { where: { planId: In(planIds) }, select: { planId: true, departmentCode: true }, order: { id: 'ASC' } }),
    manager.find(PatrolRunEntity, { where: { planId: In(planIds) } }),
  ]);
  const summaries = await runSummaries(manager, runs, plans);
  return inPeriod
    .map((o) => {
      const run = runs.find((r) => r.planId === o.plan.id && r.seq === o.seq);
      return {
        planRef: o.plan.ref,
        title: o.plan.title,
        seq: o.seq,
        startsAt: (run?.startsAt ?? o.startsAt).toISOString(),
        endsAt: (run?.endsAt ?? o.endsAt).toISOString(),
        departments: [...new Set(members.filter((m) => m.planId === o.plan.id).map((m) => m.departmentCode))],
        run: (run && summaries.find((s) => s.ref === run.ref)) ?? null,
      };
    })
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/** GET /patrols/team-candidates: active liaisons and grid inspectors of a department, by department, then name. */
export async function teamCandidates(manager: EntityManager): Promise<PatrolTeamCandidate[]> {
  const users = (await manager.find(UserEntity, { where: { active: true } })).filter((u) => u.departmentCode && (u.roles.includes('liaison') || u.roles.includes('inspector')));
  const departments = users.length ? await manager.findBy(DepartmentEntity, { code: In([...new Set(users.map((u) => u.departmentCode!))]) }) : [];
  return users
    .map((u) => ({
      username: u.username,
      displayName: u.displayName,
      departmentCode: u.departmentCode!,
      departmentName: departments.find((d) => d.code === u.departmentCode)?.nameZh ?? null,
      role: u.roles.includes('liaison') ? ('liaison' as const) : ('inspector' as const),
    }))
    .sort((a, b) => a.departmentCode.localeCompare(b.departmentCode) || a.displayName.localeCompare(b.displayName, 'zh-CN'));
}
