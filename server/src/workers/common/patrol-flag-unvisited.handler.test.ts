import { Like, type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDataSource, uniqueKey } from '../../../../test/support/test-env.js';
import { NotificationEntity } from '../../modules/notifications/index.js';
import { PatrolRunEntity, PatrolRunGridEntity, scheduleNextRun, startRun } from '../../modules/patrols/index.js';
import { demoRoute, givenPlan, onceFromNow } from '../../modules/patrols/test-support.js';
import { contextFor } from '../testing/handler-test-kit.js';
import { Topics } from '../topics.js';
import { patrolFlagUnvisitedHandler } from './patrol-flag-unvisited.handler.js';

let dataSource: DataSource;
let route: string[];

beforeAll(async () => {
  dataSource = await testDataSource();
  route = (await demoRoute(dataSource, 4)).map((g) => g.code);
});

afterAll(async () => {
  await dataSource?.destroy();
});

const handler = patrolFlagUnvisitedHandler({});

/** A run in progress whose team has been in the given grids of the route. */
async function givenRunVisiting(visited: string[]) {
  const plan = await givenPlan(dataSource, { route, schedule: onceFromNow(1) });
  const { runRef } = (await scheduleNextRun(dataSource.manager, plan.ref, 0, new Date()))!;
  const { run } = await startRun(dataSource.manager, runRef, uniqueKey('pi'), new Date());
  for (const gridCode of visited) await dataSource.manager.update(PatrolRunGridEntity, { runId: run.id, gridCode }, { visitedAt: new Date() });
  return run;
}

const coordinationNotices = (runRef: string) => dataSource.manager.findBy(NotificationEntity, { recipient: 'coordination', title: Like(`%${runRef}%`) });

describe('patrol-flag-unvisited', () => {
  it('flags the grids nobody checked in to, in route order, and tells the coordinators', async () => {
    // given a route of four grids of which the first and third were visited
    const run = await givenRunVisiting([route[0]!, route[2]!]);

    // when
    const output = await handler.handle({ runRef: run.ref }, contextFor(dataSource, Topics.PatrolFlagUnvisited, run.ref));

    // then
    expect(output).toEqual({ unvisitedGrids: [route[1], route[3]], unvisitedCount: 2 });
    const grids = await dataSource.manager.find(PatrolRunGridEntity, { where: { runId: run.id }, order: { seq: 'ASC' } });
    expect(grids.map((g) => g.flaggedUnvisitedAt !== null)).toEqual([false, true, false, true]);
    expect(await dataSource.manager.findOneByOrFail(PatrolRunEntity, { id: run.id })).toMatchObject({ status: 'reporting' });
    const [notice, ...more] = await coordinationNotices(run.ref);
    expect(more).toEqual([]);
    expect(notice).toMatchObject({ recipientType: 'group', title: `联合巡查 ${run.ref} 有 2 个网格未巡查` });
    expect(notice!.body).toContain('号网格');
  });

  it('flags nothing and tells nobody when every grid was visited', async () => {
    // given
    const run = await givenRunVisiting(route);

    // when
    const output = await handler.handle({ runRef: run.ref }, contextFor(dataSource, Topics.PatrolFlagUnvisited, run.ref));

    // then
    expect(output).toEqual({ unvisitedGrids: [], unvisitedCount: 0 });
    expect(await coordinationNotices(run.ref)).toEqual([]);
  });

  it('flags and tells once when the same task is delivered twice', async () => {
    // given
    const run = await givenRunVisiting([]);
    const context = contextFor(dataSource, Topics.PatrolFlagUnvisited, run.ref);

    // when
    const first = await handler.handle({ runRef: run.ref }, context);
    const again = await handler.handle({ runRef: run.ref }, context);

    // then
    expect(again).toEqual(first);
    expect(await coordinationNotices(run.ref)).toHaveLength(1);
  });
});
