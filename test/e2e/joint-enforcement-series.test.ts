import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperationCreated, OperationSummary } from '../../server/src/contracts/joint-operations.js';
import { beijingLocal, beijingWeekday, JointOperationEntity, OperationSeriesEntity } from '../../server/src/modules/joint-operations/index.js';
import { beijingDay } from '../../server/src/modules/calendar/index.js';
import type { RunningServer } from '../../server/src/server.js';
import { eventually } from '../support/test-env.js';
import { startTestServer } from '../support/test-server.js';
import { OperationFlow } from './joint-enforcement-flow.js';

let server: RunningServer;
let flow: OperationFlow;

beforeAll(async () => {
  server = await startTestServer();
  flow = new OperationFlow(server);
});

afterAll(async () => {
  await server?.stop();
});

const dayMs = 24 * 3_600_000;

describe('a recurring joint operation (every week until a last day)', () => {
  it('creates one operation per occurrence as the engine fires its creation timers, then ends', async () => {
    // given a weekly plan whose first occurrence is in three days, on that weekday, for three weeks
    const start = new Date(Math.floor((Date.now() + 3 * dayMs) / 60_000) * 60_000);
    const base = await flow.plan();
    const plan = {
      ...base,
      schedule: { startsAt: beijingLocal(start), endsAt: beijingLocal(new Date(start.getTime() + 3 * 3_600_000)), recurrence: { kind: 'weekly' as const, weekdays: [beijingWeekday(start)], until: beijingDay(new Date(start.getTime() + 14 * dayMs)) } },
      confirmBy: beijingLocal(new Date(start.getTime() - dayMs)),
      briefing: { at: beijingLocal(new Date(start.getTime() - 3_600_000)), place: '菜场管理办公室' },
    };

    // when the coordinator submits it
    const created = await (await flow.as('xietiao')).post<OperationCreated>('/api/operations', plan);

    // then it is a series, and its first operation is created at once (less than a week ahead)
    expect(created.kind).toBe('series');
    expect(created.ref).toMatch(/^JS-\d{4}-\d{4,}$/);
    const series = await server.dataSource.manager.findOneByOrFail(OperationSeriesEntity, { ref: created.ref });
    const occurrences = async () => (await (await flow.as('xietiao')).get<OperationSummary[]>(`/api/operations?seriesRef=${created.ref}`));
    await eventually(async () => (await occurrences()).length === 1, { what: 'the first occurrence' });

    // when the engine's creation timers come due (their jobs executed now)
    for (const count of [2, 3]) {
      const [timer] = await eventually(async () => {
        const jobs = await server.engine.timerJobs(series.processInstanceId!);
        return jobs.length ? jobs : undefined;
      }, { what: `the creation timer of occurrence ${count}` });
      await server.engine.executeJob(timer!.id);
      await eventually(async () => (await occurrences()).length === count, { what: `occurrence ${count}` });
    }

    // then there are three operations a week apart, each awaiting approval in its own process, and the series has ended
    const ops = await occurrences();
    expect(ops.map((o) => new Date(o.startsAt).getTime() - start.getTime())).toEqual([0, 7 * dayMs, 14 * dayMs]);
    expect(ops.every((o) => o.seriesRef === created.ref && o.status === 'pending-approval')).toBe(true);
    for (const o of ops) {
      const row = await server.dataSource.manager.findOneByOrFail(JointOperationEntity, { ref: o.ref });
      expect(row.confirmBy.getTime()).toBe(row.startsAt.getTime() - dayMs);
      await flow.tasks(row.processInstanceId!, 'approve-plan');
    }
    await flow.ended(series.processInstanceId!);
    expect((await server.dataSource.manager.findOneByOrFail(OperationSeriesEntity, { id: series.id })).status).toBe('ended');
  });
});
