import type { EntityManager } from 'typeorm';
import type { PatrolSchedule } from '../../contracts/patrols.js';
import { beijingDay } from '../calendar/index.js';
import { UnitGridEntity } from '../grids/index.js';
import { compileReportText } from './patrol-report.js';
import { PatrolMemberEntity, PatrolPlanEntity } from './patrol-plan.entity.js';
import { PatrolCheckInEntity } from './patrol-records.entity.js';
import { PatrolRunEntity, PatrolRunGridEntity } from './patrol-run.entity.js';
import { fromBeijing, toBeijing } from './schedule.js';

/** The title of the demo plan; its presence means the demo patrol is seeded. */
export const demoPatrolTitle = '菜场周边夜间联合巡查（示例）';

const team = [
  { username: 'chengguan', departmentCode: 'urban-management' },
  { username: 'huanwei', departmentCode: 'sanitation' },
  { username: 'gongan', departmentCode: 'public-security' },
];

/**
 * Seeds a finished patrol a week back, as the demo shows it: a plan over three market grids, its one run with
 * check-ins in two of them, the third flagged unvisited, the report and the coordinator's review. No engine instance
 * belongs to it (the run is history), so it is written straight to the tables. Returns how many plans it added.
 */
export async function seedDemoPatrols(manager: EntityManager, now = new Date()): Promise<number> {
  if (await manager.existsBy(PatrolPlanEntity, { title: demoPatrolTitle })) return 0;
  const grids = await manager.find(UnitGridEntity, { where: { gridType: 'market' }, order: { code: 'ASC' }, take: 3 });
  if (grids.length < 3) return 0;
  const day = beijingDay(new Date(now.getTime() - 7 * 86_400_000));
  const schedule: PatrolSchedule = { startsAt: `${day}T19:00`, endsAt: `${day}T21:00`, recurrence: { kind: 'once' } };
  const startsAt = fromBeijing(schedule.startsAt);
  const endsAt = fromBeijing(schedule.endsAt);
  const createdAt = new Date(startsAt.getTime() - 3 * 86_400_000);
  const { identifiers } = await manager.insert(PatrolPlanEntity, { ref: `demo-${now.getTime()}`, title: demoPatrolTitle, route: JSON.stringify(grids.map((g) => g.code)), schedule: JSON.stringify(schedule), status: 'completed', processInstanceId: null, createdBy: 'xietiao', createdAt });
  const planId = Number(identifiers[0]!.id);
  const ref = `XC-${day.slice(0, 4)}-${String(planId).padStart(4, '0')}`;
  await manager.update(PatrolPlanEntity, { id: planId }, { ref });
  for (const member of team) await manager.insert(PatrolMemberEntity, { planId, ...member });

  const minutes = (n: number) => new Date(startsAt.getTime() + n * 60_000);
  const run = { ref: `${ref}-01`, planId, seq: 1, startsAt, endsAt, status: 'finished' as const, processInstanceId: null, startedAt: startsAt, roundEndedAt: endsAt };
  const runId = Number((await manager.insert(PatrolRunEntity, run)).identifiers[0]!.id);
  for (const [index, grid] of grids.entries()) {
    const visitedAt = index < 2 ? minutes(20 + index * 35) : null;
    await manager.insert(PatrolRunGridEntity, { runId, seq: index + 1, gridCode: grid.code, visitedAt, flaggedUnvisitedAt: visitedAt ? null : endsAt });
    if (!visitedAt) continue;
    const centre = { lng: (grid.minLng + grid.maxLng) / 2, lat: (grid.minLat + grid.maxLat) / 2 };
    for (const [offset, member] of team.slice(index, index + 2).entries()) await manager.insert(PatrolCheckInEntity, { runId, gridCode: grid.code, username: member.username, departmentCode: member.departmentCode, ...centre, at: minutes(20 + index * 35 + offset * 3) });
  }
  const stored = await manager.findOneByOrFail(PatrolRunEntity, { id: runId });
  const plan = await manager.findOneByOrFail(PatrolPlanEntity, { id: planId });
  const reportAt = new Date(endsAt.getTime() + 60_000);
  await manager.update(PatrolRunEntity, { id: runId }, {
    reportSummary: await compileReportText(manager, stored, plan),
    reportAt,
    reviewedBy: 'xietiao',
    reviewComment: `第三个网格因摊贩聚集耽误未到，已列入 ${toBeijing(new Date(startsAt.getTime() + 7 * 86_400_000)).slice(0, 10)} 巡查的首个网格。`,
    reviewedAt: new Date(reportAt.getTime() + 12 * 3_600_000),
  });
  return 1;
}
