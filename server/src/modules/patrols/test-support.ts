import type { DataSource } from 'typeorm';
import { uniqueKey } from '../../../../test/support/test-env.js';
import type { PatrolMemberInput, PatrolSchedule } from '../../contracts/patrols.js';
import { UnitGridEntity, type UnitGrid } from '../grids/index.js';
import { PatrolMemberEntity, PatrolPlanEntity, type PatrolPlan } from './patrol-plan.entity.js';
import { toBeijing } from './schedule.js';

/** The first unit grids of the demo district by code: a short route that every test can walk. */
export function demoRoute(dataSource: DataSource, size = 3): Promise<UnitGrid[]> {
  return dataSource.manager.find(UnitGridEntity, { order: { code: 'ASC' }, take: size });
}

/** The middle of a unit grid. */
export const centreOf = (grid: UnitGrid) => ({ lng: (grid.minLng + grid.maxLng) / 2, lat: (grid.minLat + grid.maxLat) / 2 });

/** A team of three departments' demo liaisons. */
export const demoTeam: PatrolMemberInput[] = [
  { username: 'chengguan', departmentCode: 'urban-management' },
  { username: 'huanwei', departmentCode: 'sanitation' },
  { username: 'gongan', departmentCode: 'public-security' },
];

/** A single patrol window starting `inHours` from now and lasting three hours, in Beijing time. */
export function onceFromNow(inHours: number, hours = 3): PatrolSchedule {
  const start = new Date(Date.now() + inHours * 3_600_000);
  return { startsAt: toBeijing(start), endsAt: toBeijing(new Date(start.getTime() + hours * 3_600_000)), recurrence: { kind: 'once' } };
}

/** A plan of the test's own, written straight to the tables (as a handler finds it), with a unique ref. */
export async function givenPlan(dataSource: DataSource, fields: { route: string[]; schedule: PatrolSchedule; team?: PatrolMemberInput[]; title?: string }): Promise<PatrolPlan> {
  const ref = uniqueKey('XC-T');
  const { identifiers } = await dataSource.manager.insert(PatrolPlanEntity, {
    ref,
    title: fields.title ?? '测试联合巡查',
    route: JSON.stringify(fields.route),
    schedule: JSON.stringify(fields.schedule),
    status: 'active',
    processInstanceId: uniqueKey('pi'),
    createdBy: 'xietiao',
    createdAt: new Date(),
  });
  const planId = Number(identifiers[0]!.id);
  for (const member of fields.team ?? demoTeam) await dataSource.manager.insert(PatrolMemberEntity, { planId, ...member });
  return dataSource.manager.findOneByOrFail(PatrolPlanEntity, { id: planId });
}
