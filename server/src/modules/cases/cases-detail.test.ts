import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../../test/support/api-client.js';
import { eventually } from '../../../../test/support/test-env.js';
import { createApp } from '../../app.js';
import { EngineClient } from '../../engine/index.js';
import { AssistanceRequestEntity } from '../department-records/index.js';
import type { CaseDetail } from './case-detail.js';
import { CaseFileEntity } from './case-file.entity.js';
import { CaseApiHarness, errorOf } from './test-support.js';
import type { TimelineEntry } from './timeline.js';

let h: CaseApiHarness;

beforeAll(async () => {
  h = await CaseApiHarness.start();
});

afterAll(async () => {
  await h?.stop();
});

const detailAs = async (username: string, caseNo: string) => (await h.as(username)).get<CaseDetail>(`/api/cases/${caseNo}`);
const kinds = (timeline: TimelineEntry[]) => new Set(timeline.map((e) => e.kind));

describe('GET /api/cases/:caseNo', () => {
  it('shows the case with its category, grid, street and community names', async () => {
    // given a dispatched sanitation case
    const { caseNo } = await h.report('wangge', { address: '稻香路 3 号' });
    await h.dispatch(caseNo);

    // when the command centre opens it
    const detail = await detailAs('zhihui', caseNo);

    // then
    expect(detail).toMatchObject({ caseNo, status: 'dispatched', categoryName: '暴露垃圾', categoryClass: '市容环境', departments: ['sanitation'], address: '稻香路 3 号', photos: [], comments: [] });
    expect(detail.gridName).toMatch(/号网格$/);
    expect(detail.streetName).toMatch(/街道$/);
    expect(detail.communityName).toMatch(/社区$/);
    expect(detail).toMatchObject({ reporter: 'wangge', reporterName: '网格员 张伟' });
    expect(detail.inspectorName).toMatch(/^网格员 /);
    expect(detail.assistanceRequestNo).toBeNull();
    expect(detail).toMatchObject({ source: 'inspector', sourceRef: null });
  });

  it('names the joint operation a case was filed from, so the case page links back to it', async () => {
    // given a case filed from a finding of joint operation JO-2026-0042 (as the operations service files it)
    const { caseNo } = await h.report('wangge');
    await h.server.dataSource.manager.update(CaseFileEntity, { caseNo }, { source: 'joint-enforcement', sourceRef: 'JO-2026-0042' });

    // when the command centre opens it
    const detail = await detailAs('zhihui', caseNo);

    // then it shows where it came from
    expect(detail).toMatchObject({ caseNo, source: 'joint-enforcement', sourceRef: 'JO-2026-0042' });
  });

  it('merges case events, audit records and the engine history into one time-sorted timeline', async () => {
    // given a dispatched sanitation case
    const { caseNo } = await h.report('wangge');
    await h.dispatch(caseNo);

    // when
    const { timeline, timelineComplete } = await detailAs('zhihui', caseNo);

    // then it holds the report, the dispatch, the audit of the creation and the engine's tasks and steps
    expect(timelineComplete).toBe(true);
    for (const kind of ['reported', 'dispatched', 'audit', 'task-created', 'task-completed', 'activity']) expect(kinds(timeline)).toContain(kind);
    expect(timeline.map((e) => e.at)).toEqual([...timeline.map((e) => e.at)].sort());
    expect(timeline.find((e) => e.kind === 'reported')).toMatchObject({ title: '上报案件', actor: 'wangge', department: null });
    expect(timeline.find((e) => e.kind === 'dispatched')).toMatchObject({ title: '任务派遣（环卫）', department: 'sanitation' });
    expect(timeline.find((e) => e.kind === 'audit')).toMatchObject({ title: '建立案卷', actor: 'wangge', department: 'grid-inspection' });

    // and the engine's user tasks with their names, times and departments
    expect(timeline.find((e) => e.kind === 'task-completed')).toMatchObject({ title: '办结：立案审核', detail: expect.objectContaining({ taskDefinitionKey: 'filing-review' }) as unknown });
    const handle = timeline.find((e) => e.kind === 'task-created' && (e.detail as { taskDefinitionKey: string }).taskDefinitionKey === 'handle');
    expect(handle).toMatchObject({ title: '生成待办：签收处置（环卫）', department: 'sanitation', detail: expect.objectContaining({ due: expect.any(String) as string, endTime: null }) as unknown });
    expect(timeline.find((e) => e.kind === 'activity' && e.title.startsWith('指派就近作业班组'))?.department).toBe('sanitation');
  });

  it('shows a completed handling task with its assignee', async () => {
    // given a dispatched case whose handling the sanitation liaison claimed and finished
    const { caseNo } = await h.report('wangge');
    const { processInstanceId } = await h.dispatch(caseNo);
    const task = await h.flow.task(processInstanceId, 'handle');
    await h.server.engine.claim(task.id, 'huanwei');
    await h.server.engine.completeTask(task.id, { handlingOutcome: 'done', handlingResult: '已清运' });
    await eventually(async () => (await h.row(caseNo)).status === 'handled', { what: 'the case handled' });

    // when
    const { timeline } = await detailAs('huanwei', caseNo);

    // then
    expect(timeline).toContainEqual(expect.objectContaining({ kind: 'task-completed', title: '办结：签收处置（环卫）', actor: 'huanwei', department: 'sanitation' }));
    expect(timeline).toContainEqual(expect.objectContaining({ kind: 'handled', detail: expect.objectContaining({ result: '已清运' }) as unknown }));
  });

  describe('public-security details', () => {
    let caseNo: string;

    beforeAll(async () => {
      // given a road collapse, dispatched to public security and urban management, with a police assistance request
      ({ caseNo } = await h.report('wangge', { categoryCode: 'E0401', description: '路面塌陷约两平方米', urgent: true }, 'main-road'));
      const row = await h.dispatch(caseNo, 2);
      await eventually(async () => h.server.dataSource.manager.existsBy(AssistanceRequestEntity, { caseId: row.id }), { what: 'the assistance request' });
    });

    it("keeps the time and title of public-security entries but drops their detail for another department's liaison", async () => {
      // when the urban-management liaison opens the case
      const detail = await detailAs('chengguan', caseNo);

      // then
      expect(detail).not.toHaveProperty('assistanceRequestNo');
      const police = detail.timeline.filter((e) => e.department === 'public-security');
      expect(police.map((e) => e.kind)).toEqual(expect.arrayContaining(['dispatched', 'task-created', 'activity']));
      for (const entry of police) {
        expect(entry).not.toHaveProperty('detail');
        expect(entry.title).toBeTruthy();
        expect(entry.at).toBeTruthy();
      }
      expect(detail.timeline.filter((e) => e.department === 'urban-management').every((e) => 'detail' in e)).toBe(true);
    });

    it.each(['gongan', 'zhihui', 'duban'])('shows %s the assistance request number and every detail', async (username) => {
      // when
      const detail = await detailAs(username, caseNo);

      // then
      expect(detail.assistanceRequestNo).toMatch(/^JWXZ-\d{8}-\d{5,}$/);
      const police = detail.timeline.filter((e) => e.department === 'public-security');
      expect(police.length).toBeGreaterThan(0);
      expect(police.every((e) => 'detail' in e)).toBe(true);
    });
  });

  it.each(['29990101000001', 'not-a-case'])('answers 404 for the unknown case %s', async (caseNo) => {
    // when
    const response = await (await h.as('zhihui')).raw('GET', `/api/cases/${caseNo}`);

    // then
    expect(response.status).toBe(404);
    expect((await errorOf(response)).code).toBe('NOT_FOUND');
  });

  it('refuses a designer with 403', async () => {
    // given
    const { caseNo } = await h.report('wangge');

    // when
    const response = await (await h.as('sheji')).raw('GET', `/api/cases/${caseNo}`);

    // then
    expect(response.status).toBe(403);
  });

  it('still answers when the engine is unreachable, with the timeline marked incomplete', async () => {
    // given an app on the same database whose engine cannot be reached
    const { caseNo } = await h.report('wangge');
    const engine = new EngineClient({ baseUrl: 'http://127.0.0.1:9/engine-rest', user: 'demo', password: 'demo', timeoutMs: 500, readRetries: 0 });
    const app = createApp({ config: h.config, dataSource: h.server.dataSource, engine, state: h.server.state, logger: h.server.logger });
    const listener = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => listener.once('listening', resolve));
    try {
      const api = await ApiClient.signedIn(`http://127.0.0.1:${(listener.address() as AddressInfo).port}`, 'zhihui');

      // when
      const detail = await api.get<CaseDetail>(`/api/cases/${caseNo}`);

      // then
      expect(detail.timelineComplete).toBe(false);
      expect(kinds(detail.timeline)).toContain('reported');
    } finally {
      await new Promise((resolve) => listener.close(resolve));
    }
  });
});
