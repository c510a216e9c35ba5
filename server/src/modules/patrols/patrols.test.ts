import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../../test/support/api-client.js';
import { eventually, uniqueKey } from '../../../../test/support/test-env.js';
import { startTestServer, type TestServer } from '../../../../test/support/test-server.js';
import type { PatrolPlanDetail, PatrolPlanInput, PatrolPlanSummary } from '../../contracts/patrols.js';
import { auditTrail } from '../audit/index.js';
import type { UnitGrid } from '../grids/index.js';
import { patrolRunPresenter } from './patrol-presenter.js';
import { scheduleNextRun, startRun } from './run-steps.js';
import { centreOf, demoRoute, givenPlan, onceFromNow } from './test-support.js';

let server: TestServer;
let grids: UnitGrid[];
const clients = new Map<string, Promise<ApiClient>>();

beforeAll(async () => {
  server = await startTestServer();
  grids = await demoRoute(server.dataSource, 2);
});

afterAll(async () => {
  await server?.stop();
});

function as(username: string): Promise<ApiClient> {
  if (!clients.has(username)) clients.set(username, ApiClient.signedIn(server.url, username));
  return clients.get(username)!;
}

const plan = (fields: Partial<PatrolPlanInput> = {}): PatrolPlanInput => ({
  title: '学校周边联合巡查',
  route: grids.map((g) => g.code),
  team: [
    { username: 'chengguan', departmentCode: 'urban-management' },
    { username: 'huanwei', departmentCode: 'sanitation' },
  ],
  schedule: onceFromNow(50),
  ...fields,
});

async function refused(input: unknown): Promise<{ status: number; issues: Array<{ path: string; message: string }> }> {
  const response = await (await as('xietiao')).raw('POST', '/api/patrols', input);
  const body = await response.json();
  return { status: response.status, issues: body.error?.details?.issues ?? [] };
}

describe('POST /api/patrols', () => {
  it('creates a plan with its team and route, starts its schedule and audits it', async () => {
    // when
    const created = await (await as('xietiao')).post<PatrolPlanDetail>('/api/patrols', plan());

    // then
    expect(created).toMatchObject({ title: '学校周边联合巡查', status: 'active', createdBy: 'xietiao', route: grids.map((g) => g.code), departments: ['urban-management', 'sanitation'] });
    expect(created.team).toEqual([
      { username: 'chengguan', departmentCode: 'urban-management', displayName: '城管联络员 吴涛', departmentName: '城管执法' },
      { username: 'huanwei', departmentCode: 'sanitation', displayName: '环卫联络员 孙磊', departmentName: '环卫' },
    ]);
    expect(created.routeGrids.map((g) => g.gridName)).toEqual([expect.stringMatching(/号网格$/), expect.stringMatching(/号网格$/)]);
    const [instance] = await server.engine.processInstancesByBusinessKey('joint-patrol-schedule', created.ref);
    expect(instance?.state).toBe('ACTIVE');
    const audit = await auditTrail(server.dataSource.manager, 'patrol-plan', created.ref);
    expect(audit.map((a) => [a.actor, a.action])).toEqual([['xietiao', 'patrol.create']]);
  });

  it.each([
    ['an unknown grid', () => plan({ route: ['QH-99-99-9999'] }), 'body.route.0', '网格 QH-99-99-9999 不存在'],
    ['a grid twice', () => plan({ route: [grids[0]!.code, grids[0]!.code] }), 'body.route', '路线中的网格不能重复'],
    ['an empty route', () => plan({ route: [] }), 'body.route', '路线至少包含一个网格'],
    ['no team', () => plan({ team: [] }), 'body.team', '请至少选择一名队员'],
    ['an unknown account', () => plan({ team: [{ username: 'nobody-here', departmentCode: 'sanitation' }] }), 'body.team.0.username', '账号 nobody-here 不存在或已停用'],
    ['a member under another department', () => plan({ team: [{ username: 'huanwei', departmentCode: 'commerce' }] }), 'body.team.0.departmentCode', '环卫联络员 孙磊 不属于部门 commerce'],
    ['an end before the start', () => plan({ schedule: { ...onceFromNow(50), endsAt: onceFromNow(49).startsAt } }), 'body.schedule.endsAt', '结束时间须晚于开始时间'],
    ['a window longer than a day', () => plan({ schedule: { ...onceFromNow(50), endsAt: onceFromNow(80).startsAt } }), 'body.schedule.endsAt', '一次巡查最长 24 小时'],
    ['a time in the past', () => plan({ schedule: onceFromNow(-10) }), 'body.schedule.endsAt', '巡查时间已过，请选择将来的时间'],
    ['a time without the Beijing format', () => plan({ schedule: { ...onceFromNow(50), startsAt: '2026/12/04 08:30' } }), 'body.schedule.startsAt', '开始时间须为北京时间，格式如 2026-12-04T08:30'],
    ['a weekly series starting on another weekday', () => plan({ schedule: { startsAt: '2027-01-04T08:30', endsAt: '2027-01-04T11:30', recurrence: { kind: 'weekly', weekdays: [5], until: '2027-02-01' } } }), 'body.schedule.recurrence.weekdays', '首次巡查的日期须是所选的星期之一'],
    ['a weekday out of range', () => plan({ schedule: { startsAt: '2027-01-04T08:30', endsAt: '2027-01-04T11:30', recurrence: { kind: 'weekly', weekdays: [1, 8], until: '2027-02-01' } } }), 'body.schedule.recurrence.weekdays.1', '星期须为 1 到 7'],
    ['a series of more than 120 runs', () => plan({ schedule: { startsAt: '2027-01-04T08:30', endsAt: '2027-01-04T11:30', recurrence: { kind: 'weekly', weekdays: [1, 3, 5], until: '2028-01-04' } } }), 'body.schedule.recurrence.until', '一个计划最多 120 次巡查，请提前截止日期'],
    ['an unknown field', () => ({ ...plan(), leader: 'xietiao' }), 'body.leader', '不支持的字段 leader'],
  ])('refuses a plan with %s, naming the field', async (_, input, path, message) => {
    const { status, issues } = await refused(input());
    expect(status).toBe(400);
    expect(issues).toContainEqual({ path, message: expect.stringContaining(message) });
  });
});

describe('who sees a patrol', () => {
  let ref: string;
  let runRef: string;

  beforeAll(async () => {
    ref = (await (await as('xietiao')).post<PatrolPlanDetail>('/api/patrols', plan({ title: `可见范围测试 ${uniqueKey('t')}` }))).ref;
    runRef = await eventually(async () => (await (await as('xietiao')).get<PatrolPlanDetail>(`/api/patrols/${ref}`)).runs[0]?.ref, { what: 'the first run' });
  });

  it.each([
    ['the coordinator', 'xietiao'],
    ['the command centre', 'zhihui'],
    ['a supervisor', 'duban'],
    ['an administrator', 'admin'],
    ['a member', 'chengguan'],
    ['a colleague of a member in a department taking part', 'huanwei2'],
  ])('shows the plan and its runs to %s', async (_, username) => {
    const client = await as(username);
    expect((await client.get<PatrolPlanSummary[]>('/api/patrols')).map((p) => p.ref)).toContain(ref);
    expect((await client.raw('GET', `/api/patrols/${ref}`)).status).toBe(200);
    expect((await client.raw('GET', `/api/patrol-runs/${runRef}`)).status).toBe(200);
  });

  it.each([
    ['a department not taking part', 'shichang'],
    ['a grid inspector', 'wangge'],
    ['a hotline operator', 'rexian'],
  ])('hides the plan and its runs from %s with 404', async (_, username) => {
    const client = await as(username);
    expect((await client.get<PatrolPlanSummary[]>('/api/patrols')).map((p) => p.ref)).not.toContain(ref);
    expect((await client.raw('GET', `/api/patrols/${ref}`)).status).toBe(404);
    expect((await client.raw('GET', `/api/patrol-runs/${runRef}`)).status).toBe(404);
  });

  it('lets only members check in: a colleague who sees the run gets 403', async () => {
    const response = await (await as('huanwei2')).raw('POST', `/api/patrol-runs/${runRef}/check-ins`, { gridCode: grids[0]!.code, ...centreOf(grids[0]!) });
    expect(response.status).toBe(403);
    expect((await response.json()).error.message).toBe('只有本次巡查的队员可以签到');
  });

  it('refuses a review before the report exists', async () => {
    const response = await (await as('xietiao')).raw('POST', `/api/patrol-runs/${runRef}/review`, { comment: '提前复核' });
    expect(response.status).toBe(409);
    expect((await response.json()).error.message).toBe(`巡查 ${runRef} 的报告尚未生成，不能复核`);
  });
});

describe('the inbox presenter of joint-patrol', () => {
  it('says which run a task belongs to, with its window, route and page', async () => {
    // given a run in progress
    const given = await givenPlan(server.dataSource, { route: grids.map((g) => g.code), schedule: { startsAt: '2027-01-08T08:30', endsAt: '2027-01-08T11:30', recurrence: { kind: 'once' } }, title: '夜市联合巡查' });
    const { runRef: ref } = (await scheduleNextRun(server.dataSource.manager, given.ref, 0, new Date('2027-01-01T00:00:00Z')))!;
    const instance = uniqueKey('pi');
    await startRun(server.dataSource.manager, ref, instance, new Date());

    // when
    const subjects = await patrolRunPresenter.subjects(server.dataSource.manager, [instance, 'pi-of-something-else']);

    // then
    expect([...subjects.keys()]).toEqual([instance]);
    expect(subjects.get(instance)).toEqual({
      kind: 'patrol-run',
      ref,
      title: '联合巡查：夜市联合巡查（2027-01-08 08:30–11:30）',
      place: expect.stringMatching(/号网格等 2 个网格$/),
      streetCode: grids[0]!.streetCode,
      gridCode: grids[0]!.code,
      urgent: false,
      link: `/patrols/runs/${ref}`,
    });
  });
});
