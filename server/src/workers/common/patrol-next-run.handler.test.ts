import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDataSource } from '../../../../test/support/test-env.js';
import { PatrolPlanEntity, PatrolRunEntity, PatrolRunGridEntity, fromBeijing, toBeijing } from '../../modules/patrols/index.js';
import { demoRoute, givenPlan, onceFromNow } from '../../modules/patrols/test-support.js';
import { contextFor } from '../testing/handler-test-kit.js';
import { Topics } from '../topics.js';
import { patrolNextRunHandler } from './patrol-next-run.handler.js';

let dataSource: DataSource;
let route: string[];

beforeAll(async () => {
  dataSource = await testDataSource();
  route = (await demoRoute(dataSource)).map((g) => g.code);
});

afterAll(async () => {
  await dataSource?.destroy();
});

const handler = patrolNextRunHandler({});
const runsOf = (planId: number) => dataSource.manager.find(PatrolRunEntity, { where: { planId }, order: { seq: 'ASC' } });

/** A weekly schedule of Mondays and Fridays 08:30–11:30 from a Friday a few weeks ahead, over two weeks. */
function twoWeeksOfMondaysAndFridays() {
  const day = new Date(Date.now() + 21 * 86_400_000);
  while (day.getUTCDay() !== 5) day.setUTCDate(day.getUTCDate() + 1);
  const friday = toBeijing(day).slice(0, 10);
  const until = toBeijing(new Date(day.getTime() + 14 * 86_400_000)).slice(0, 10);
  return { friday, schedule: { startsAt: `${friday}T08:30`, endsAt: `${friday}T11:30`, recurrence: { kind: 'weekly' as const, weekdays: [1, 5], until } } };
}

describe('patrol-next-run', () => {
  it('registers the only run of a single patrol with its route, and gives the schedule its window, a creation time a day ahead and the team', async () => {
    // given
    const schedule = onceFromNow(48);
    const plan = await givenPlan(dataSource, { route, schedule });

    // when
    const output = await handler.handle({ planRef: plan.ref, lastRunSeq: 0 }, contextFor(dataSource, Topics.PatrolNextRun, plan.ref));

    // then
    const startsAt = fromBeijing(schedule.startsAt);
    expect(output).toEqual({
      hasNextRun: true,
      lastRunSeq: 1,
      runRef: `${plan.ref}-01`,
      runStartsAt: startsAt,
      runEndsAt: fromBeijing(schedule.endsAt),
      runCreateAt: new Date(startsAt.getTime() - 86_400_000),
      teamMembers: ['chengguan', 'huanwei', 'gongan'],
    });
    const [run, ...more] = await runsOf(plan.id);
    expect(more).toEqual([]);
    expect(run).toMatchObject({ ref: `${plan.ref}-01`, seq: 1, status: 'scheduled', processInstanceId: null });
    const grids = await dataSource.manager.find(PatrolRunGridEntity, { where: { runId: run!.id }, order: { seq: 'ASC' } });
    expect(grids.map((g) => [g.seq, g.gridCode, g.visitedAt])).toEqual(route.map((code, i) => [i + 1, code, null]));
  });

  it('registers the runs of a weekly plan one after another, then ends the schedule and completes the plan', async () => {
    // given Mondays and Fridays over two weeks: five runs
    const { friday, schedule } = twoWeeksOfMondaysAndFridays();
    const plan = await givenPlan(dataSource, { route, schedule });

    // when the schedule asks for the next run until there is none
    const answers: Array<Record<string, unknown>> = [];
    let lastRunSeq = 0;
    for (let i = 0; i < 6; i++) {
      const output = (await handler.handle({ planRef: plan.ref, lastRunSeq }, contextFor(dataSource, Topics.PatrolNextRun, plan.ref))) as Record<string, unknown>;
      answers.push(output);
      if (!output.hasNextRun) break;
      lastRunSeq = output.lastRunSeq as number;
    }

    // then
    expect(answers.map((a) => a.hasNextRun)).toEqual([true, true, true, true, true, false]);
    const runs = await runsOf(plan.id);
    expect(runs.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(toBeijing(runs[0]!.startsAt)).toBe(`${friday}T08:30`);
    expect(runs.map((r) => toBeijing(r.endsAt).slice(11))).toEqual(['11:30', '11:30', '11:30', '11:30', '11:30']);
    expect(runs.map((r) => new Date(`${toBeijing(r.startsAt).slice(0, 10)}T00:00:00Z`).getUTCDay())).toEqual([5, 1, 5, 1, 5]);
    expect((await dataSource.manager.findOneByOrFail(PatrolPlanEntity, { id: plan.id })).status).toBe('completed');
  });

  it('skips a run whose window has already passed when the schedule reaches it late', async () => {
    // given a weekly plan whose first run ended yesterday
    const yesterday = toBeijing(new Date(Date.now() - 86_400_000)).slice(0, 10);
    const weekday = new Date(`${yesterday}T00:00:00Z`).getUTCDay() || 7;
    const until = toBeijing(new Date(Date.now() + 8 * 86_400_000)).slice(0, 10);
    const plan = await givenPlan(dataSource, { route, schedule: { startsAt: `${yesterday}T08:30`, endsAt: `${yesterday}T11:30`, recurrence: { kind: 'weekly', weekdays: [weekday], until } } });

    // when
    const output = await handler.handle({ planRef: plan.ref, lastRunSeq: 0 }, contextFor(dataSource, Topics.PatrolNextRun, plan.ref));

    // then the next week's run is the first one registered
    expect(output).toMatchObject({ hasNextRun: true, lastRunSeq: 2, runRef: `${plan.ref}-02` });
    expect((await runsOf(plan.id)).map((r) => r.seq)).toEqual([2]);
  });

  it('registers one run only, and answers the same, when the same task is delivered twice', async () => {
    // given
    const plan = await givenPlan(dataSource, { route, schedule: onceFromNow(30) });
    const context = contextFor(dataSource, Topics.PatrolNextRun, plan.ref);

    // when
    const first = await handler.handle({ planRef: plan.ref, lastRunSeq: 0 }, context);
    const again = await handler.handle({ planRef: plan.ref, lastRunSeq: 0 }, context);

    // then
    expect(again).toEqual(first);
    expect(await runsOf(plan.id)).toHaveLength(1);
  });

  it('ends the schedule of a plan that no longer exists', async () => {
    const output = await handler.handle({ planRef: 'XC-T-gone', lastRunSeq: 0 }, contextFor(dataSource, Topics.PatrolNextRun, 'XC-T-gone'));
    expect(output).toEqual({ hasNextRun: false });
  });

  it.each([
    ['no plan ref', { lastRunSeq: 0 }],
    ['a run number given as text', { planRef: 'XC-1', lastRunSeq: '1' }],
    ['no run number', { planRef: 'XC-1' }],
  ])('rejects variables with %s', (_, variables) => {
    expect(handler.input.safeParse(variables).success).toBe(false);
  });
});
