import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseEventEntity, CaseFileEntity } from '../../server/src/modules/cases/index.js';
import { CrewAssignmentEntity } from '../../server/src/modules/department-records/index.js';
import { NotificationEntity } from '../../server/src/modules/notifications/index.js';
import type { RunningServer } from '../../server/src/server.js';
import { eventually } from '../support/test-env.js';
import { startTestServer } from '../support/test-server.js';
import { CaseFlow } from './case-flow.js';

let server: RunningServer;
let flow: CaseFlow;

beforeAll(async () => {
  server = await startTestServer();
  flow = new CaseFlow(server);
});

afterAll(async () => {
  await server?.stop();
});

const caseRow = (id: number) => server.dataSource.manager.findOneByOrFail(CaseFileEntity, { id });
const eventsOf = async (caseId: number) => (await server.dataSource.manager.find(CaseEventEntity, { where: { caseId }, order: { id: 'ASC' } })).map((e) => e.type);

describe('the case closed loop through the API, on the real engine', () => {
  it('accepts, dispatches by the DMN, handles, verifies and closes a sanitation case', async () => {
    // given an inspector's report of exposed garbage in a residential grid
    const c = await flow.report({ categoryCode: 'E0102' });
    expect(c.caseNo).toMatch(/^\d{13}$/);

    // when the command centre accepts it
    await flow.accept(c.processInstanceId);

    // then it is routed to sanitation, which assigns its nearest crew, with a working-time due date
    const handle = await flow.task(c.processInstanceId, 'handle');
    expect(await flow.candidateGroups(handle.id)).toEqual(['sanitation']);
    flow.expectDueAfter(handle, new Date());
    const vars = await server.engine.processVariables(c.processInstanceId);
    expect(vars).toMatchObject({ departmentList: ['sanitation'], limitAmount: 4, limitUnit: 'wh', urgency: 'normal', gridType: 'residential' });
    expect(await server.dataSource.manager.countBy(CrewAssignmentEntity, { caseId: c.id })).toBe(1);

    // when the liaison reports the result and the inspector verifies it on site
    await flow.completeTask(handle, { handlingOutcome: 'done', handlingResult: '已清运，现场已冲洗' });
    const verify = await flow.task(c.processInstanceId, 'verify');
    const links = await server.engine.identityLinks(verify.id);
    expect(links.some((l) => l.userId === vars.inspector)).toBe(true);
    await flow.completeTask(verify, { verified: true, verifyNote: '现场已整洁' });

    // then the case is closed on time, with its steps recorded
    await flow.ended(c.processInstanceId);
    expect((await caseRow(c.id)).status).toBe('closed');
    expect(await eventsOf(c.id)).toEqual(['reported', 'dispatched', 'crew-assigned', 'handled', 'closed']);
    const closed = await server.dataSource.manager.findOneByOrFail(CaseEventEntity, { caseId: c.id, type: 'closed' });
    expect(closed.onTime).toBe(true);
  });

  it('rejects a report with a reason and tells the reporter', async () => {
    const c = await flow.report({ categoryCode: 'E0201', gridType: 'commercial' });
    await flow.complete(c.processInstanceId, 'filing-review', { filingDecision: 'reject', rejectReason: '经核实为合法张贴的公益广告' });
    await flow.ended(c.processInstanceId);
    const row = await caseRow(c.id);
    expect(row).toMatchObject({ status: 'rejected', rejectReason: '经核实为合法张贴的公益广告' });
    expect(await server.dataSource.manager.countBy(NotificationEntity, { caseId: c.id, recipient: 'wangge' })).toBe(1);
  });

  it('suggests an open case nearby as a duplicate and merges the new report into it', async () => {
    const first = await flow.report({ categoryCode: 'E0506', gridType: 'commercial', description: '夜市路口露天烧烤' });
    const second = await flow.report({ categoryCode: 'E0506', gridType: 'commercial', description: '又见露天烧烤' });
    await flow.task(second.processInstanceId, 'filing-review');
    const { duplicateCandidates } = await server.engine.processVariables(second.processInstanceId);
    expect(duplicateCandidates).toContainEqual(expect.objectContaining({ caseNo: first.caseNo, distanceM: 0 }));

    await flow.complete(second.processInstanceId, 'filing-review', { filingDecision: 'merge', mergeInto: first.caseNo });
    await flow.ended(second.processInstanceId);
    expect(await caseRow(second.id)).toMatchObject({ status: 'merged', mergedInto: first.caseNo });
  });

  it('runs one task per department for a multi-department category', async () => {
    const c = await flow.report({ categoryCode: 'E0501', gridType: 'market', description: '菜场门口占道经营' });
    await flow.accept(c.processInstanceId);
    const tasks = await flow.tasks(c.processInstanceId, 'handle', 2);
    const groups = await Promise.all(tasks.map((t) => flow.candidateGroups(t.id)));
    expect(groups.flat().sort()).toEqual(['commerce', 'urban-management']);
    expect(await server.engine.processVariables(c.processInstanceId)).toMatchObject({ limitAmount: 2, limitUnit: 'wh' });
  });

  it('counts urgent road events in calendar hours', async () => {
    const before = Date.now();
    const c = await flow.report({ categoryCode: 'E0401', gridType: 'main-road', description: '路面塌陷约两平方米', urgent: true });
    await flow.accept(c.processInstanceId, { urgent: true });
    const tasks = await flow.tasks(c.processInstanceId, 'handle', 2);
    for (const t of tasks) {
      const dueIn = new Date(t.due!).getTime() - before;
      expect(dueIn).toBeGreaterThan(55 * 60_000);
      expect(dueIn).toBeLessThan(65 * 60_000 + (Date.now() - before));
    }
    expect(await server.engine.processVariables(c.processInstanceId)).toMatchObject({ urgency: 'urgent', limitUnit: 'h' });
  });

  it('sends a returned task back to the command centre for re-dispatch, once a supervisor agrees', async () => {
    const c = await flow.report({ categoryCode: 'E0201', gridType: 'commercial', description: '电线杆上小广告' });
    await flow.accept(c.processInstanceId);
    await flow.complete(c.processInstanceId, 'handle', { handlingOutcome: 'return', returnReason: '张贴在环卫设施上，应由环卫清理' });
    await flow.complete(c.processInstanceId, 'return-approval', { approved: true, approvalComment: '同意退单' });
    await flow.complete(c.processInstanceId, 'redispatch', { manualDepartments: ['sanitation'] });
    const handle = await flow.task(c.processInstanceId, 'handle');
    expect(await flow.candidateGroups(handle.id)).toEqual(['sanitation']);
    expect(await eventsOf(c.id)).toContain('returned');
  });

  it('gives a new due date when a supervisor approves an extension, and keeps it when refused', async () => {
    const c = await flow.report({ categoryCode: 'E0202', gridType: 'commercial', description: '违规广告牌' });
    await flow.accept(c.processInstanceId);
    const [first] = await flow.tasks(c.processInstanceId, 'handle', 2);
    const group = (await flow.candidateGroups(first!.id))[0]!;
    const mine = async () => {
      const tasks = await flow.tasks(c.processInstanceId, 'handle', 2);
      for (const t of tasks) if ((await flow.candidateGroups(t.id))[0] === group) return t;
      throw new Error('no task');
    };
    const original = await mine();
    await flow.completeTask(original, { handlingOutcome: 'extend', extensionDays: 3 });
    await flow.complete(c.processInstanceId, 'extension-approval', { approved: true, approvalComment: '需协调产权单位' });
    const extended = await eventually(async () => {
      const t = await mine();
      return t.id !== original.id ? t : undefined;
    }, { what: 'the handle task after the extension' });
    expect(new Date(extended.due!).getTime()).toBeGreaterThan(new Date(original.due!).getTime());

    await flow.completeTask(extended, { handlingOutcome: 'extend', extensionDays: 5 });
    await flow.complete(c.processInstanceId, 'extension-approval', { approved: false, approvalComment: '不予延期' });
    const refused = await eventually(async () => {
      const t = await mine();
      return t.id !== extended.id ? t : undefined;
    }, { what: 'the handle task after the refusal' });
    expect(refused.due).toBe(extended.due);
    expect(await eventsOf(c.id)).toContain('extended');
  });

  it('suspends a task and resumes it with the working time it had left', async () => {
    const c = await flow.report({ categoryCode: 'E0302', gridType: 'industrial', description: '工地扬尘' });
    await flow.accept(c.processInstanceId);
    const original = await flow.task(c.processInstanceId, 'handle');
    await flow.completeTask(original, { handlingOutcome: 'suspend' });
    await flow.complete(c.processInstanceId, 'suspended', { resumeNote: '大风天气结束，恢复处置' });
    const resumed = await eventually(async () => {
      const [t] = await server.engine.tasks({ processInstanceId: c.processInstanceId, taskDefinitionKey: 'handle' });
      return t && t.id !== original.id ? t : undefined;
    }, { what: 'the resumed handle task' });
    expect(new Date(resumed.due!).getTime()).toBeGreaterThanOrEqual(new Date(original.due!).getTime());
    expect(await eventsOf(c.id)).toContain('resumed');
  });

  it('sends a failed verification back to the same department as rework, and counts it', async () => {
    const c = await flow.report({ categoryCode: 'C0301', gridType: 'residential', description: '垃圾桶满溢' });
    await flow.accept(c.processInstanceId);
    await flow.complete(c.processInstanceId, 'handle', { handlingOutcome: 'done', handlingResult: '已清理' });
    await flow.complete(c.processInstanceId, 'verify', { verified: false, verifyNote: '周边仍有散落垃圾' });
    const again = await flow.task(c.processInstanceId, 'handle');
    expect(await flow.candidateGroups(again.id)).toEqual(['sanitation']);
    await eventually(async () => (await caseRow(c.id)).reworkCount === 1, { what: 'the rework count' });
  });

  it('calls back a hotline caller and records the satisfaction before closing', async () => {
    const c = await flow.report({ categoryCode: 'E0102', source: 'hotline', description: '市民来电：楼下垃圾无人清运' });
    await flow.accept(c.processInstanceId);
    await flow.complete(c.processInstanceId, 'handle', { handlingOutcome: 'done', handlingResult: '已清运' });
    await flow.complete(c.processInstanceId, 'verify', { verified: true, verifyNote: '已清运' });
    await flow.complete(c.processInstanceId, 'callback', { satisfaction: 'satisfied', callbackNote: '市民表示满意' });
    await flow.ended(c.processInstanceId);
    expect(await caseRow(c.id)).toMatchObject({ status: 'closed', satisfaction: 'satisfied' });
  });

  it('fires the reminder and the supervision timers of an open task (run by the engine, not by waiting)', async () => {
    const c = await flow.report({ categoryCode: 'E0103', gridType: 'residential', description: '道路不洁' });
    await flow.accept(c.processInstanceId);
    const handle = await flow.task(c.processInstanceId, 'handle');
    const [reminder, overdue] = await server.engine.timerJobs(c.processInstanceId);
    expect(new Date(reminder!.dueDate!).getTime()).toBeLessThan(new Date(handle.due!).getTime());
    expect(overdue!.dueDate).toBe(handle.due);

    await server.engine.executeJob(reminder!.id);
    await server.engine.executeJob(overdue!.id);

    await eventually(async () => (await eventsOf(c.id)).includes('overdue') && (await eventsOf(c.id)).includes('reminded'), { what: 'reminder and overdue events' });
    const supervise = await flow.task(c.processInstanceId, 'supervise');
    expect(await flow.candidateGroups(supervise.id)).toEqual(['supervision']);
    expect(await server.dataSource.manager.countBy(NotificationEntity, { caseId: c.id, recipient: 'supervision' })).toBe(1);
    // the department's task is still open: both timers are non-interrupting
    expect((await server.engine.tasks({ processInstanceId: c.processInstanceId, taskDefinitionKey: 'handle' })).length).toBe(1);
  });
});
