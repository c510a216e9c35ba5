import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PatrolPlanDetail, PatrolPlanInput, PatrolPlanSummary } from '../../server/src/contracts/patrols.js';
import type { TaskListResponse } from '../../server/src/contracts/tasks.js';
import { auditTrail } from '../../server/src/modules/audit/index.js';
import { CaseFileEntity } from '../../server/src/modules/cases/index.js';
import type { UnitGrid } from '../../server/src/modules/grids/index.js';
import { centreOf, demoRoute, demoTeam, onceFromNow } from '../../server/src/modules/patrols/test-support.js';
import { eventually } from '../support/test-env.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { CaseFlow } from './case-flow.js';
import { PatrolFlow } from './joint-patrol-flow.js';

let server: TestServer;
let patrols: PatrolFlow;
let cases: CaseFlow;
let grids: UnitGrid[];

beforeAll(async () => {
  server = await startTestServer();
  patrols = new PatrolFlow(server);
  cases = new CaseFlow(server);
  grids = await demoRoute(server.dataSource, 3);
});

afterAll(async () => {
  await server?.stop();
});

/** A single patrol of the three demo liaisons over three grids, starting the day after tomorrow, so no timer fires by itself. */
const nightPatrol = (fields: Partial<PatrolPlanInput> = {}): PatrolPlanInput => ({
  title: '菜场周边联合巡查',
  route: grids.map((g) => g.code),
  team: demoTeam,
  schedule: onceFromNow(50),
  ...fields,
});

/** Plans a patrol and waits for the schedule to register its first run. */
async function planned(input: PatrolPlanInput): Promise<{ plan: PatrolPlanDetail; runRef: string }> {
  const plan = await patrols.plan(input);
  const withRun = await eventually(async () => {
    const detail = await (await patrols.as('xietiao')).get<PatrolPlanDetail>(`/api/patrols/${plan.ref}`);
    return detail.runs.length ? detail : undefined;
  }, { what: 'the first run registered' });
  return { plan, runRef: withRun.runs[0]!.ref };
}

describe('joint patrols through the API, on the real engine', () => {
  it('runs a patrol: check-ins per grid, a finding filed as a case that reaches the right liaison, an unvisited grid flagged at the end time, and the review', async () => {
    // given a planned patrol whose run the schedule creates a day ahead
    const { plan, runRef } = await planned(nightPatrol());
    expect(plan).toMatchObject({ ref: expect.stringMatching(/^XC-\d{4}-\d{4}$/), status: 'active', departments: ['urban-management', 'sanitation', 'public-security'], members: 3 });
    expect(runRef).toBe(`${plan.ref}-01`);
    const schedule = await patrols.scheduleInstance(plan.ref);
    const createTimer = await patrols.fireTimer(schedule, 'the schedule timer');
    expect(new Date(createTimer.dueDate!).getTime()).toBe(new Date(`${nightPatrol().schedule.startsAt}:00+08:00`).getTime() - 86_400_000);

    // when a member checks in before the start time
    const chengguan = await patrols.as('chengguan');
    const early = await chengguan.raw('POST', `/api/patrol-runs/${runRef}/check-ins`, { gridCode: grids[0]!.code, ...centreOf(grids[0]!) });

    // then it is refused until the run starts
    expect(early.status).toBe(409);
    expect((await early.json()).error).toMatchObject({ code: 'PATROL_RUN_NOT_IN_PROGRESS', message: `巡查 ${runRef} 尚未开始，开始后才能签到` });

    // when the start time comes, each member gets a round task in their inbox
    const instance = await patrols.start(runRef);
    const rounds = await server.engine.tasks({ processInstanceId: instance, taskDefinitionKey: 'round' });
    const candidates = await Promise.all(rounds.map(async (t) => (await server.engine.identityLinks(t.id)).find((l) => l.type === 'candidate')?.userId));
    expect(candidates.sort()).toEqual(['chengguan', 'gongan', 'huanwei']);
    const inbox = await chengguan.get<TaskListResponse>('/api/tasks?tab=all');
    expect(inbox.items.find((t) => t.taskDefinitionKey === 'round')?.subject).toMatchObject({ kind: 'patrol-run', ref: runRef, link: `/patrols/runs/${runRef}`, gridCode: grids[0]!.code });

    // when members check in inside the first two grids, one from inside the wrong grid, and one on a grid off the route
    expect(await chengguan.post(`/api/patrol-runs/${runRef}/check-ins`, { gridCode: grids[0]!.code, ...centreOf(grids[0]!) })).toMatchObject({ gridCode: grids[0]!.code, username: 'chengguan' });
    const gongan = await patrols.as('gongan');
    const outside = await gongan.raw('POST', `/api/patrol-runs/${runRef}/check-ins`, { gridCode: grids[1]!.code, ...centreOf(grids[0]!) });
    const offRoute = await gongan.raw('POST', `/api/patrol-runs/${runRef}/check-ins`, { gridCode: 'QH-99-99-9999', ...centreOf(grids[0]!) });
    await gongan.post(`/api/patrol-runs/${runRef}/check-ins`, { gridCode: grids[1]!.code, ...centreOf(grids[1]!) });

    // then a check-in outside its grid is refused with a clear message, as is a grid off the route
    expect(outside.status).toBe(422);
    expect((await outside.json()).error).toMatchObject({ code: 'CHECK_IN_REFUSED', message: `签到位置不在网格 ${grids[1]!.code} 内`, details: { reason: 'outside-grid', locatedGridCode: grids[0]!.code } });
    expect(offRoute.status).toBe(422);
    expect((await offRoute.json()).error.message).toBe('网格 QH-99-99-9999 不在本次巡查路线上');

    // when the sanitation member records exposed garbage in the first grid
    const huanwei = await patrols.as('huanwei');
    const finding = await huanwei.post(`/api/patrol-runs/${runRef}/findings`, { description: '菜场后门暴露垃圾', categoryCode: 'E0102', ...centreOf(grids[0]!) });

    // then it is filed on the spot as a case of source 联合巡查 that names the run
    const filed = await server.dataSource.manager.findOneByOrFail(CaseFileEntity, { caseNo: finding.caseNo });
    expect(filed).toMatchObject({ source: 'joint-patrol', sourceRef: runRef, categoryCode: 'E0102', reporter: 'huanwei' });
    expect(finding).toMatchObject({ caseStatus: 'registered', gridCode: grids[0]!.code, departmentCode: 'sanitation', recordedByName: '环卫联络员 孙磊' });

    // and once the command centre accepts it, it reaches the sanitation liaison's inbox
    await cases.accept(filed.processInstanceId);
    const handle = await cases.task(filed.processInstanceId, 'handle');
    expect(await cases.candidateGroups(handle.id)).toEqual(['sanitation']);
    const sanitationInbox = await huanwei.get<TaskListResponse>('/api/tasks?tab=all');
    expect(sanitationInbox.items.map((t) => t.id)).toContain(handle.id);

    // when the end time comes with the third grid unvisited
    await patrols.fireTimer(instance, 'the end timer');

    // then the open round tasks close, the grid is flagged, and the report lists it and the case with its live status
    const reported = await patrols.runWhen(runRef, (r) => r.status === 'review', 'the report');
    expect(await server.engine.tasks({ processInstanceId: instance, taskDefinitionKey: 'round' })).toEqual([]);
    expect(reported.unvisitedGrids).toEqual([grids[2]!.code]);
    expect(reported.route.map((g) => [g.gridCode, g.status, g.checkIns.map((c) => c.username)])).toEqual([
      [grids[0]!.code, 'visited', ['chengguan']],
      [grids[1]!.code, 'visited', ['gongan']],
      [grids[2]!.code, 'unvisited', []],
    ]);
    expect(reported).toMatchObject({ gridsTotal: 3, gridsVisited: 2, gridsUnvisited: 1, findingCount: 1 });
    expect(reported.findings).toEqual([expect.objectContaining({ caseNo: filed.caseNo, caseStatus: 'dispatched' })]);
    expect(reported.report!.summary).toContain('已巡查 2 个，未巡查 1 个');
    expect(reported.report!.summary).toContain(`${filed.caseNo}（处置中）`);

    // and every member's action is audited against the run
    const trail = await auditTrail(server.dataSource.manager, 'patrol-run', runRef);
    expect(trail.map((a) => `${a.actor} ${a.action}`)).toEqual(['chengguan patrol.check-in', 'gongan patrol.check-in', 'huanwei patrol.finding']);

    // when the coordinator reviews the report
    const [reviewTask] = await server.engine.tasks({ processInstanceId: instance, taskDefinitionKey: 'review' });
    expect(await cases.candidateGroups(reviewTask!.id)).toEqual(['coordination']);
    const coordinatorInbox = await (await patrols.as('xietiao')).get<TaskListResponse>('/api/tasks?tab=all');
    expect(coordinatorInbox.items.find((t) => t.id === reviewTask!.id)?.subject).toMatchObject({ kind: 'patrol-run', ref: runRef });
    const reviewed = await (await patrols.as('xietiao')).post(`/api/patrol-runs/${runRef}/review`, { comment: '第三个网格下次优先巡查' });
    expect(reviewed.ref).toBe(runRef);

    // then the run is finished, and so is the single patrol's schedule
    await patrols.ended(instance);
    const finished = await patrols.runWhen(runRef, (r) => r.status === 'finished', 'the run finished');
    expect(finished.review).toMatchObject({ by: 'xietiao', comment: '第三个网格下次优先巡查' });
    expect(await auditTrail(server.dataSource.manager, 'task', reviewTask!.id)).toEqual([expect.objectContaining({ actor: 'xietiao', action: 'patrol.review' })]);
    await patrols.ended(schedule);
    const summary = (await (await patrols.as('xietiao')).get<PatrolPlanSummary[]>('/api/patrols')).find((p) => p.ref === plan.ref);
    expect(summary).toMatchObject({ status: 'completed', runCount: 1, nextRun: null });
  });

  it('ends the round early when every member has finished, without waiting for the end time', async () => {
    // given a started run of two members
    const { plan, runRef } = await planned(nightPatrol({ title: '河道两岸联合巡查', team: demoTeam.slice(0, 2) }));
    await patrols.fireTimer(await patrols.scheduleInstance(plan.ref), 'the schedule timer');
    const instance = await patrols.start(runRef);
    const chengguan = await patrols.as('chengguan');
    for (const grid of grids) await chengguan.post(`/api/patrol-runs/${runRef}/check-ins`, { gridCode: grid.code, ...centreOf(grid) });

    // when both members finish their rounds, one on the run page and one from the inbox
    await chengguan.post(`/api/patrol-runs/${runRef}/finish`, { note: '三个网格均已巡查' });
    const afterOne = await patrols.runWhen(runRef, (r) => r.team.some((m) => m.roundDone), 'one round done');
    expect(afterOne.status).toBe('in-progress');
    expect(afterOne.team.map((m) => [m.username, m.roundDone])).toEqual([['chengguan', true], ['huanwei', false]]);
    const huanwei = await patrols.as('huanwei');
    const round = (await huanwei.get<TaskListResponse>('/api/tasks?tab=all')).items.find((t) => t.subject?.ref === runRef)!;
    await huanwei.post(`/api/tasks/${round.id}/claim`);
    await huanwei.post(`/api/tasks/${round.id}/complete`, { values: { roundNote: '从收件箱结束巡查' } });

    // then the report comes at once, with no grid unvisited, and the end timer is gone with the round
    const reported = await patrols.runWhen(runRef, (r) => r.status === 'review', 'the report');
    expect(reported.unvisitedGrids).toEqual([]);
    expect(reported.report!.summary).toContain('全部网格均已巡查');
    expect(await server.engine.timerJobs(instance)).toEqual([]);
    const again = await chengguan.raw('POST', `/api/patrol-runs/${runRef}/finish`, {});
    expect(again.status).toBe(409);
  });

  it('creates the runs of a weekly plan through the engine, one timer at a time, until the last date', async () => {
    // given every Monday and Friday, 08:30–11:30, over two weeks from a Friday at least two days ahead
    const day = new Date(Date.now() + 2 * 86_400_000);
    while (new Date(day.getTime() + 8 * 3_600_000).getUTCDay() !== 5) day.setTime(day.getTime() + 86_400_000);
    const friday = new Date(day.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const until = new Date(day.getTime() + 8 * 3_600_000 + 14 * 86_400_000).toISOString().slice(0, 10);
    const plan = await patrols.plan(nightPatrol({ title: '每周一、五早市联合巡查', schedule: { startsAt: `${friday}T08:30`, endsAt: `${friday}T11:30`, recurrence: { kind: 'weekly', weekdays: [1, 5], until } } }));
    const schedule = await patrols.scheduleInstance(plan.ref);

    // when each run's creation timer falls due
    const created: string[] = [];
    for (let seq = 1; seq <= 5; seq++) {
      const runRef = `${plan.ref}-0${seq}`;
      await patrols.runWhen(runRef, (r) => r.status === 'scheduled', `${runRef} registered`);
      await patrols.fireTimer(schedule, `the creation timer of run ${seq}`);
      await patrols.runInstance(runRef);
      created.push(runRef);
    }

    // then five runs exist, each a joint-patrol instance waiting for its start, and the plan has no more
    const detail = await eventually(async () => {
      const d = await (await patrols.as('xietiao')).get<PatrolPlanDetail>(`/api/patrols/${plan.ref}`);
      return d.status === 'completed' ? d : undefined;
    }, { what: 'the plan completed' });
    expect(detail.runs.map((r) => r.ref)).toEqual(created);
    expect(detail.runs.map((r) => new Date(new Date(r.startsAt).getTime() + 8 * 3_600_000).getUTCDay())).toEqual([5, 1, 5, 1, 5]);
    expect(detail.nextRun?.ref).toBe(created[0]);
    expect(await server.engine.timerJobs(schedule)).toEqual([]);
    for (const runRef of created) expect(await server.engine.timerJobs(await patrols.runInstance(runRef))).toHaveLength(1);
  });
});
