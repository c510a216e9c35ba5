import { Like, type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDataSource, uniqueKey } from '../../../../test/support/test-env.js';
import { NotificationEntity } from '../../modules/notifications/index.js';
import { PatrolRunEntity, scheduleNextRun, startRun } from '../../modules/patrols/index.js';
import { demoRoute, givenPlan, onceFromNow } from '../../modules/patrols/test-support.js';
import { contextFor } from '../testing/handler-test-kit.js';
import { Topics } from '../topics.js';
import { patrolCloseRunHandler } from './patrol-close-run.handler.js';

let dataSource: DataSource;
let route: string[];

beforeAll(async () => {
  dataSource = await testDataSource();
  route = (await demoRoute(dataSource, 2)).map((g) => g.code);
});

afterAll(async () => {
  await dataSource?.destroy();
});

const handler = patrolCloseRunHandler({});

async function givenRunInReview() {
  const plan = await givenPlan(dataSource, { route, schedule: onceFromNow(1), team: [{ username: 'huanwei', departmentCode: 'sanitation' }] });
  const { runRef } = (await scheduleNextRun(dataSource.manager, plan.ref, 0, new Date()))!;
  await startRun(dataSource.manager, runRef, uniqueKey('pi'), new Date());
  await dataSource.manager.update(PatrolRunEntity, { ref: runRef }, { status: 'review' });
  return runRef;
}

describe('patrol-close-run', () => {
  it('records the review, finishes the run and tells the team', async () => {
    // given
    const runRef = await givenRunInReview();

    // when
    await handler.handle({ runRef, reviewComment: '未巡查网格下周补巡', reviewedBy: 'xietiao' }, contextFor(dataSource, Topics.PatrolCloseRun, runRef));

    // then
    const run = await dataSource.manager.findOneByOrFail(PatrolRunEntity, { ref: runRef });
    expect(run).toMatchObject({ status: 'finished', reviewedBy: 'xietiao', reviewComment: '未巡查网格下周补巡' });
    expect(run.reviewedAt).toBeInstanceOf(Date);
    const notices = await dataSource.manager.findBy(NotificationEntity, { title: Like(`%${runRef}%`) });
    expect(notices).toEqual([expect.objectContaining({ recipientType: 'user', recipient: 'huanwei', title: `联合巡查 ${runRef} 已复核完成` })]);
  });

  it('finishes a run reviewed from the inbox, which names no reviewer', async () => {
    // given
    const runRef = await givenRunInReview();

    // when
    await handler.handle({ runRef, reviewComment: '同意' }, contextFor(dataSource, Topics.PatrolCloseRun, runRef));

    // then
    expect(await dataSource.manager.findOneByOrFail(PatrolRunEntity, { ref: runRef })).toMatchObject({ status: 'finished', reviewedBy: null, reviewComment: '同意' });
  });
});
