import { Like, type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDataSource, uniqueKey } from '../../../../test/support/test-env.js';
import { NotificationEntity } from '../../modules/notifications/index.js';
import { PatrolCheckInEntity, PatrolFindingEntity, PatrolRunEntity, PatrolRunGridEntity, flagUnvisitedGrids, scheduleNextRun, startRun } from '../../modules/patrols/index.js';
import { centreOf, demoRoute, givenPlan, onceFromNow } from '../../modules/patrols/test-support.js';
import type { UnitGrid } from '../../modules/grids/index.js';
import { contextFor, givenCase } from '../testing/handler-test-kit.js';
import { Topics } from '../topics.js';
import { patrolCompileReportHandler } from './patrol-compile-report.handler.js';

let dataSource: DataSource;
let grids: UnitGrid[];

beforeAll(async () => {
  dataSource = await testDataSource();
  grids = await demoRoute(dataSource, 3);
});

afterAll(async () => {
  await dataSource?.destroy();
});

const handler = patrolCompileReportHandler({});

describe('patrol-compile-report', () => {
  it('stores a report of the grids walked and left unvisited, the check-ins and each finding with its case, and asks the coordinators to review it', async () => {
    // given a run whose team checked in to two of three grids and filed one case
    const plan = await givenPlan(dataSource, { route: grids.map((g) => g.code), schedule: onceFromNow(1), title: '夜市联合巡查' });
    const { runRef } = (await scheduleNextRun(dataSource.manager, plan.ref, 0, new Date()))!;
    const { run } = await startRun(dataSource.manager, runRef, uniqueKey('pi'), new Date());
    for (const grid of grids.slice(0, 2)) {
      await dataSource.manager.insert(PatrolCheckInEntity, { runId: run.id, gridCode: grid.code, username: 'chengguan', departmentCode: 'urban-management', ...centreOf(grid), at: new Date() });
      await dataSource.manager.update(PatrolRunGridEntity, { runId: run.id, gridCode: grid.code }, { visitedAt: new Date() });
    }
    const { caseId, caseNo } = await givenCase(dataSource, { status: 'dispatched', source: 'joint-patrol' });
    await dataSource.manager.insert(PatrolFindingEntity, { runId: run.id, description: '占道经营', ...centreOf(grids[0]!), gridCode: grids[0]!.code, categoryCode: 'E0501', caseId, caseNo, recordedBy: 'chengguan', departmentCode: 'urban-management', recordedAt: new Date() });
    await flagUnvisitedGrids(dataSource.manager, runRef, new Date());

    // when
    await handler.handle({ runRef }, contextFor(dataSource, Topics.PatrolCompileReport, runRef));

    // then
    const stored = await dataSource.manager.findOneByOrFail(PatrolRunEntity, { id: run.id });
    expect(stored.status).toBe('review');
    expect(stored.reportAt).toBeInstanceOf(Date);
    expect(stored.reportSummary).toMatch(/联合巡查“夜市联合巡查”：路线 3 个网格，已巡查 2 个，未巡查 1 个（.+号网格）；/);
    expect(stored.reportSummary).toContain('1 名队员签到 2 次');
    expect(stored.reportSummary).toContain(`发现问题 1 起，均已立案：${caseNo}（处置中）`);
    const notices = await dataSource.manager.findBy(NotificationEntity, { recipient: 'coordination', title: Like(`%${runRef}%`) });
    expect(notices).toEqual([expect.objectContaining({ title: `巡查报告待复核：夜市联合巡查（${runRef}）`, body: stored.reportSummary })]);
  });

  it('says that every grid was walked and nothing was found on a quiet round', async () => {
    // given
    const plan = await givenPlan(dataSource, { route: [grids[0]!.code], schedule: onceFromNow(1) });
    const { runRef } = (await scheduleNextRun(dataSource.manager, plan.ref, 0, new Date()))!;
    const { run } = await startRun(dataSource.manager, runRef, uniqueKey('pi'), new Date());
    await dataSource.manager.update(PatrolRunGridEntity, { runId: run.id }, { visitedAt: new Date() });

    // when
    await handler.handle({ runRef }, contextFor(dataSource, Topics.PatrolCompileReport, runRef));

    // then
    const { reportSummary } = await dataSource.manager.findOneByOrFail(PatrolRunEntity, { id: run.id });
    expect(reportSummary).toContain('全部网格均已巡查');
    expect(reportSummary).toContain('未发现问题');
  });
});
