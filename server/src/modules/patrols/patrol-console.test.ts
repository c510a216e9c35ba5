import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../../test/support/api-client.js';
import { eventually, uniqueKey } from '../../../../test/support/test-env.js';
import { startTestServer, type TestServer } from '../../../../test/support/test-server.js';
import type { PatrolOccurrence, PatrolPlanDetail, PatrolRunDetail, PatrolTeamCandidate } from '../../contracts/patrols.js';
import type { UnitGrid } from '../grids/index.js';
import { scheduleNextRun, startRun } from './run-steps.js';
import { centreOf, demoRoute, givenPlan } from './test-support.js';

let server: TestServer;
let grids: UnitGrid[];
const clients = new Map<string, Promise<ApiClient>>();

beforeAll(async () => {
  server = await startTestServer({ TASK_STREAM_POLL_MS: '500' });
  grids = await demoRoute(server.dataSource, 2);
});

afterAll(async () => {
  await server?.stop();
});

function as(username: string): Promise<ApiClient> {
  if (!clients.has(username)) clients.set(username, ApiClient.signedIn(server.url, username));
  return clients.get(username)!;
}

/** A run of a plan of the test's own, started now (as the notify-team worker does) and ending in three hours. */
async function runningRun(title = '测试巡查'): Promise<{ planRef: string; runRef: string }> {
  const start = new Date(Date.now() - 60_000);
  const wall = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
  const plan = await givenPlan(server.dataSource, { title, route: grids.map((g) => g.code), schedule: { startsAt: wall(start), endsAt: wall(new Date(start.getTime() + 3 * 3_600_000)), recurrence: { kind: 'once' } } });
  const { runRef } = (await scheduleNextRun(server.dataSource.manager, plan.ref, 0, new Date()))!;
  await startRun(server.dataSource.manager, runRef, uniqueKey('pi'), new Date());
  return { planRef: plan.ref, runRef };
}

describe('GET /api/patrols/calendar', () => {
  it('lists each occurrence of a weekly plan in the period, with its run once created', async () => {
    // given a plan every Monday and Thursday of January 2027, whose first run is registered
    const plan = await givenPlan(server.dataSource, { title: `日历测试 ${uniqueKey('c')}`, route: grids.map((g) => g.code), schedule: { startsAt: '2027-01-04T08:30', endsAt: '2027-01-04T10:30', recurrence: { kind: 'weekly', weekdays: [1, 4], until: '2027-01-31' } } });
    await scheduleNextRun(server.dataSource.manager, plan.ref, 0, new Date('2027-01-01T00:00:00Z'));

    // when the coordinator asks for the first two weeks
    const entries = (await (await as('xietiao')).get<PatrolOccurrence[]>('/api/patrols/calendar?from=2027-01-04&to=2027-01-17')).filter((e) => e.planRef === plan.ref);

    // then
    expect(entries.map((e) => [e.seq, e.startsAt, e.run?.ref ?? null])).toEqual([
      [1, '2027-01-04T00:30:00.000Z', `${plan.ref}-01`],
      [2, '2027-01-07T00:30:00.000Z', null],
      [3, '2027-01-11T00:30:00.000Z', null],
      [4, '2027-01-14T00:30:00.000Z', null],
    ]);
    expect(entries[0]).toMatchObject({ title: plan.title, departments: ['urban-management', 'sanitation', 'public-security'], run: { status: 'scheduled', gridsTotal: 2 } });
    expect((await (await as('shichang')).get<PatrolOccurrence[]>('/api/patrols/calendar?from=2027-01-04&to=2027-01-17')).map((e) => e.planRef)).not.toContain(plan.ref);
  });

  it.each([
    ['no period', '', 'query.from', '请填写起始日期'],
    ['an end before the start', '?from=2027-01-10&to=2027-01-01', 'query.to', '截止日期不能早于起始日期'],
    ['more than 62 days', '?from=2027-01-01&to=2027-04-01', 'query.to', '一次最多查询 62 天'],
    ['a date in another format', '?from=2027/01/01&to=2027-01-02', 'query.from', '起始日期须为日期，格式如 2026-12-04'],
  ])('refuses %s with 400 naming the field', async (_, query, path, message) => {
    const response = await (await as('xietiao')).raw('GET', `/api/patrols/calendar${query}`);
    expect(response.status).toBe(400);
    expect((await response.json()).error.details.issues).toContainEqual({ path, message });
  });
});

describe('GET /api/patrols/team-candidates', () => {
  it('lists the active liaisons and grid inspectors with their departments, for the coordinator only', async () => {
    const candidates = await (await as('xietiao')).get<PatrolTeamCandidate[]>('/api/patrols/team-candidates');
    expect(candidates).toContainEqual({ username: 'huanwei', displayName: '环卫联络员 孙磊', departmentCode: 'sanitation', departmentName: '环卫', role: 'liaison' });
    expect(candidates).toContainEqual(expect.objectContaining({ username: 'wangge', role: 'inspector' }));
    expect(candidates.map((c) => c.username)).not.toContain('xietiao');
    expect((await (await as('chengguan')).raw('GET', '/api/patrols/team-candidates')).status).toBe(403);
  });
});

describe('GET /api/patrols/stream', () => {
  it('tells those who see a run that it changed, from a worker step and from a check-in, and nobody else', async () => {
    // given the coordinator and a department not taking part listening
    const watching = await (await as('xietiao')).events('/api/patrols/stream', new AbortController().signal);
    const outsiderAbort = new AbortController();
    const outsider = await (await as('shichang')).events('/api/patrols/stream', outsiderAbort.signal);
    await new Promise((resolve) => setTimeout(resolve, 700));

    // when a run starts (as the worker does, without a nudge) and a member checks in
    const { planRef, runRef } = await runningRun(`推送测试 ${uniqueKey('s')}`);
    const events = () => watching.received.filter((e) => e.event === 'patrol' && JSON.parse(e.data).ref === runRef);
    await eventually(async () => events().length >= 1 || undefined, { what: 'the start event' });
    const before = events().length;
    await (await as('chengguan')).post(`/api/patrol-runs/${runRef}/check-ins`, { gridCode: grids[0]!.code, ...centreOf(grids[0]!) });

    // then the coordinator hears of both, the other department of neither
    await eventually(async () => events().length > before || undefined, { what: 'the check-in event' });
    expect(JSON.parse(events()[0]!.data)).toEqual({ ref: runRef, planRef });
    expect(outsider.received.filter((e) => e.event === 'patrol')).toEqual([]);
    outsiderAbort.abort();
  });
});

describe('display names', () => {
  it('names the planner, the members, the check-ins and the findings by display name', async () => {
    // given a run with a check-in and a finding
    const { planRef, runRef } = await runningRun(`姓名测试 ${uniqueKey('n')}`);
    await (await as('gongan')).post(`/api/patrol-runs/${runRef}/check-ins`, { gridCode: grids[0]!.code, ...centreOf(grids[0]!) });
    await (await as('huanwei')).post(`/api/patrol-runs/${runRef}/findings`, { description: '路边积存垃圾', categoryCode: 'E0104', ...centreOf(grids[0]!) });

    // when
    const run = await (await as('xietiao')).get<PatrolRunDetail>(`/api/patrol-runs/${runRef}`);
    const plan = await (await as('xietiao')).get<PatrolPlanDetail>(`/api/patrols/${planRef}`);

    // then
    expect(plan).toMatchObject({ createdBy: 'xietiao', createdByName: '联合行动协调员 陈刚' });
    expect(run.route[0]!.checkIns.map((c) => [c.username, c.displayName])).toEqual([['gongan', '公安联络员 周杰']]);
    expect(run.findings.map((f) => [f.recordedBy, f.recordedByName])).toEqual([['huanwei', '环卫联络员 孙磊']]);
  });
});
