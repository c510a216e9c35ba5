import { Like, type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDataSource } from '../../../../test/support/test-env.js';
import { NotificationEntity } from '../../modules/notifications/index.js';
import { PatrolRunEntity, scheduleNextRun } from '../../modules/patrols/index.js';
import { demoRoute, givenPlan, onceFromNow } from '../../modules/patrols/test-support.js';
import { contextFor } from '../testing/handler-test-kit.js';
import { Topics } from '../topics.js';
import { patrolNotifyTeamHandler } from './patrol-notify-team.handler.js';

let dataSource: DataSource;
let route: string[];

beforeAll(async () => {
  dataSource = await testDataSource();
  route = (await demoRoute(dataSource)).map((g) => g.code);
});

afterAll(async () => {
  await dataSource?.destroy();
});

const handler = patrolNotifyTeamHandler({});

async function givenScheduledRun() {
  const plan = await givenPlan(dataSource, { route, schedule: onceFromNow(1), title: '菜场周边联合巡查' });
  const scheduled = await scheduleNextRun(dataSource.manager, plan.ref, 0, new Date());
  return scheduled!.runRef;
}

const noticesOf = (runRef: string) => dataSource.manager.find(NotificationEntity, { where: { body: Like(`%${runRef}%`) }, order: { recipient: 'ASC' } });

describe('patrol-notify-team', () => {
  it('puts the run in progress with its process instance, and tells each member the route', async () => {
    // given
    const runRef = await givenScheduledRun();
    const context = contextFor(dataSource, Topics.PatrolNotifyTeam, runRef);

    // when
    const output = await handler.handle({ runRef }, context);

    // then
    expect(output).toEqual({ membersNotified: 3 });
    const run = await dataSource.manager.findOneByOrFail(PatrolRunEntity, { ref: runRef });
    expect(run).toMatchObject({ status: 'in-progress', processInstanceId: context.task.processInstanceId });
    expect(run.startedAt).toBeInstanceOf(Date);
    const notices = await noticesOf(runRef);
    expect(notices.map((n) => `${n.recipientType}:${n.recipient}`)).toEqual(['user:chengguan', 'user:gongan', 'user:huanwei']);
    expect(notices[0]).toMatchObject({ title: '联合巡查“菜场周边联合巡查”开始了' });
    expect(notices[0]!.body).toContain('路线：');
    expect(notices[0]!.body).toContain(' → ');
  });

  it('tells the team once when the same task is delivered twice', async () => {
    // given
    const runRef = await givenScheduledRun();
    const context = contextFor(dataSource, Topics.PatrolNotifyTeam, runRef);

    // when
    await handler.handle({ runRef }, context);
    await handler.handle({ runRef }, context);

    // then
    expect(await noticesOf(runRef)).toHaveLength(3);
  });

  it('fails, for an incident, when the run does not exist', async () => {
    await expect(handler.handle({ runRef: 'XC-T-none-01' }, contextFor(dataSource, Topics.PatrolNotifyTeam, 'XC-T-none-01'))).rejects.toThrow('No patrol run XC-T-none-01');
  });
});
