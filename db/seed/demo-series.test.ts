import { Like } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperationPlanInput } from '../../server/src/contracts/joint-operations.js';
import { AuditRecordEntity } from '../../server/src/modules/audit/index.js';
import { beijingLocal, beijingWeekday, JointOperationEntity, OperationEventEntity, operationDepsOf, OperationSeriesEntity, parseBeijingTime, seriesProcessKey } from '../../server/src/modules/joint-operations/index.js';
import { eventually } from '../../test/support/test-env.js';
import { startTestServer, type TestServer } from '../../test/support/test-server.js';
import { demoSeries, demoSeriesPlan, demoSeriesTitle, seedDemoSeries } from './demo-series.js';

let server: TestServer;
let twin: TestServer | undefined;

beforeAll(async () => {
  // Two starts at once, as npm start does them: demo data on, processes/ deployed, the workers in the process.
  [server, twin] = await Promise.all([startTestServer({ DEMO_DATA: 'true' }), startTestServer({ DEMO_DATA: 'true' })]);
});

afterAll(async () => {
  await Promise.all([server?.stop(), twin?.stop()]);
});

describe('the demo recurring operation (DEMO_DATA)', () => {
  it('is planned at start-up every Friday 08:30–11:30 with three departments, runs in the engine, and its first operation is approved once', async () => {
    // given two servers started at once with demo data

    // when its start-up has deployed processes/ and planned the demo
    const series = await eventually(async () => (await demoSeries(server.dataSource))?.processInstanceId ? demoSeries(server.dataSource) : undefined, { what: 'the demo series with its process', timeoutMs: 60_000 });

    // then the series is a weekly Friday plan around the market, planned by the coordinator
    const plan = JSON.parse(series!.plan) as OperationPlanInput;
    expect(plan).toMatchObject({ title: demoSeriesTitle, target: '占道经营', leadDepartment: 'urban-management', schedule: { recurrence: { kind: 'weekly', weekdays: [5] } } });
    expect(plan.participants.map((p) => p.departmentCode)).toEqual(['urban-management', 'commerce', 'public-security']);
    expect(plan.schedule.startsAt.slice(11)).toBe('08:30');
    expect(plan.schedule.endsAt.slice(11)).toBe('11:30');
    expect(beijingWeekday(parseBeijingTime(plan.schedule.startsAt)!)).toBe(5);
    expect(series).toMatchObject({ createdBy: 'xietiao', status: 'active' });
    expect(await server.dataSource.manager.countBy(AuditRecordEntity, { action: 'operation.series-create', targetId: series!.ref, actor: 'xietiao' })).toBe(1);

    // and its joint-enforcement-series process runs in the engine
    const [instance] = await server.engine.processInstancesByBusinessKey(seriesProcessKey, series!.ref);
    expect(instance).toMatchObject({ id: series!.processInstanceId, state: 'ACTIVE' });

    // and its first operation, created by the engine, was approved by the command centre through the inbox
    const first = await eventually(async () => {
      const op = await server.dataSource.manager.findOne(JointOperationEntity, { where: { seriesId: series!.id }, order: { startsAt: 'ASC' } });
      return op && op.approvedBy ? op : undefined;
    }, { what: 'the first demo operation approved', timeoutMs: 90_000 });
    expect(first).toMatchObject({ title: demoSeriesTitle, approvedBy: 'zhihui', startsAt: parseBeijingTime(plan.schedule.startsAt) });
    expect(first.startsAt.getTime()).toBeGreaterThan(Date.now());
    expect(await server.dataSource.manager.countBy(AuditRecordEntity, { action: 'task.complete', actor: 'zhihui', afterState: Like('%按每周五常态化整治执行%') })).toBe(1);
    expect(await server.dataSource.manager.countBy(OperationEventEntity, { operationId: first.id, type: 'approved' })).toBe(1);
  });

  it('is planned once: neither a second start nor two at once nor concurrent calls plan it again', async () => {
    // given the demo series planned by the first start
    const planned = await eventually(() => demoSeries(server.dataSource), { what: 'the demo series' });

    // when two more servers start at once, and three plans are asked for at the same moment
    const more = await Promise.all([startTestServer({ WORKERS: 'off', DEMO_DATA: 'true' }), startTestServer({ WORKERS: 'off', DEMO_DATA: 'true' })]);
    const deps = operationDepsOf(server);
    const again = await Promise.all([seedDemoSeries(deps), seedDemoSeries(deps), seedDemoSeries(deps)]);
    // stopping waits for each server's start-up step to finish
    await Promise.all(more.map((s) => s.stop()));

    // then there is still one series with that title, and every call found it
    const all = await server.dataSource.manager.find(OperationSeriesEntity);
    expect(all.filter((s) => s.plan.includes(`"title":"${demoSeriesTitle}"`)).map((s) => s.ref)).toEqual([planned!.ref]);
    expect(again).toEqual([0, 1, 2].map(() => ({ seriesRef: planned!.ref, created: false })));
  });
});

describe('the demo series plan', () => {
  it.each([
    { now: '2026-12-01T10:00', first: '2026-12-04T08:30', what: 'a Tuesday: this Friday' },
    { now: '2026-12-03T15:00', first: '2026-12-04T08:30', what: 'a Thursday afternoon, before the 17:00 deadline less an hour' },
    { now: '2026-12-03T16:45', first: '2026-12-11T08:30', what: 'a Thursday after 16:30: next week' },
    { now: '2026-12-04T07:00', first: '2026-12-11T08:30', what: 'a Friday morning: next week' },
  ])('starts on the first Friday whose confirmation deadline lies ahead ($what)', ({ now, first }) => {
    // when the plan is made at that Beijing time
    const plan = demoSeriesPlan(['QH-02-01-0040'], parseBeijingTime(now)!);

    // then it starts that Friday, confirms the day before at 17:00 and briefs at 08:00, for twelve weeks
    expect(plan.schedule.startsAt).toBe(first);
    const start = parseBeijingTime(first)!;
    expect(plan.confirmBy).toBe(beijingLocal(new Date(start.getTime() - 15.5 * 3_600_000)));
    expect(plan.briefing.at).toBe(beijingLocal(new Date(start.getTime() - 1_800_000)));
    expect(plan.schedule.recurrence).toEqual({ kind: 'weekly', weekdays: [5], until: beijingLocal(new Date(start.getTime() + 77 * 24 * 3_600_000)).slice(0, 10) });
  });
});
