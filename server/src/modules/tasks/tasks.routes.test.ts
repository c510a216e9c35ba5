import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseFlow } from '../../../../test/e2e/case-flow.js';
import { ApiClient } from '../../../../test/support/api-client.js';
import { eventually } from '../../../../test/support/test-env.js';
import { startTestServer } from '../../../../test/support/test-server.js';
import type { RunningServer } from '../../server.js';
import { AuditRecordEntity } from '../audit/index.js';

let server: RunningServer;
let flow: CaseFlow;

beforeAll(async () => {
  server = await startTestServer();
  flow = new CaseFlow(server);
});

afterAll(async () => {
  await server?.stop();
});

/** Waits until the user's inbox lists a task of the case at that step. */
async function inboxTask(api: ApiClient, caseNo: string, step: string) {
  return eventually(async () => {
    const { items } = await api.get('/api/tasks');
    return (items as Array<{ id: string; taskDefinitionKey: string; case: { caseNo: string } | null }>).find((t) => t.case?.caseNo === caseNo && t.taskDefinitionKey === step);
  }, { what: `${step} of ${caseNo} in the inbox` });
}

describe('the task API', () => {
  it('takes a case from filing through a department to verification, with server-side checks at each step', async () => {
    // given a report and the command centre's inbox
    const c = await flow.report({ categoryCode: 'E0102', description: '垃圾堆放' });
    const centre = await ApiClient.signedIn(server.url, 'zhihui');
    const filing = await inboxTask(centre, c.caseNo, 'filing-review');

    // completing before claiming, and an invalid form, are refused precisely
    const unclaimed = await centre.raw('POST', `/api/tasks/${filing.id}/complete`, { values: { filingDecision: 'accept' } });
    expect(unclaimed.status).toBe(409);
    expect((await unclaimed.json()).error.message).toBe('请先签收任务');
    expect((await centre.raw('POST', `/api/tasks/${filing.id}/claim`)).status).toBe(204);
    const invalid = await centre.raw('POST', `/api/tasks/${filing.id}/complete`, { values: { filingDecision: 'reject' } });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.details.issues[0].path).toBe('body.values.rejectReason');
    expect((await centre.raw('POST', `/api/tasks/${filing.id}/complete`, { values: { filingDecision: 'accept' } })).status).toBe(204);

    // the sanitation liaisons see the dispatched task; commerce does not, even by its id
    const sanitation = await ApiClient.signedIn(server.url, 'huanwei');
    const handle = await inboxTask(sanitation, c.caseNo, 'handle');
    const commerce = await ApiClient.signedIn(server.url, 'shichang');
    expect((await commerce.raw('GET', `/api/tasks/${handle.id}`)).status).toBe(404);
    expect((await commerce.raw('POST', `/api/tasks/${handle.id}/claim`)).status).toBe(404);
    const { items: commerceTasks } = await commerce.get('/api/tasks');
    expect(commerceTasks.some((t: { id: string }) => t.id === handle.id)).toBe(false);

    // when two liaisons claim it, the second is told who has it
    expect((await sanitation.raw('POST', `/api/tasks/${handle.id}/claim`)).status).toBe(204);
    const colleague = await ApiClient.signedIn(server.url, 'huanwei2');
    const second = await colleague.raw('POST', `/api/tasks/${handle.id}/claim`);
    expect(second.status).toBe(409);
    expect((await second.json()).error.message).toContain('孙磊');

    // the liaison reports the result, and only the grid's inspector gets the verification
    expect((await sanitation.raw('POST', `/api/tasks/${handle.id}/complete`, { values: { handlingResult: '已清运' } })).status).toBe(204);
    const { inspector } = await server.engine.processVariables(c.processInstanceId);
    const inspectorApi = await ApiClient.signedIn(server.url, inspector as string);
    await inboxTask(inspectorApi, c.caseNo, 'verify');
    const otherInspector = await ApiClient.signedIn(server.url, inspector === 'wangge' ? 'wangge2' : 'wangge');
    const { items: others } = await otherInspector.get('/api/tasks');
    expect(others.some((t: { case: { caseNo: string } | null }) => t.case?.caseNo === c.caseNo)).toBe(false);

    const audited = await server.dataSource.manager.findBy(AuditRecordEntity, { targetType: 'task', targetId: handle.id });
    expect(audited.map((a) => [a.actor, a.action])).toEqual([
      ['huanwei', 'task.claim'],
      ['huanwei', 'task.complete'],
    ]);
  });

  it('sends an extension request to the supervisors, and validates it', async () => {
    const c = await flow.report({ categoryCode: 'C0301', description: '垃圾桶破损' });
    await flow.accept(c.processInstanceId);
    const sanitation = await ApiClient.signedIn(server.url, 'huanwei');
    const handle = await inboxTask(sanitation, c.caseNo, 'handle');
    await sanitation.post(`/api/tasks/${handle.id}/claim`);
    const bad = await sanitation.raw('POST', `/api/tasks/${handle.id}/extension`, { days: 0, reason: '等' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details.issues.map((i: { path: string }) => i.path)).toEqual(['body.days', 'body.reason']);
    expect((await sanitation.raw('POST', `/api/tasks/${handle.id}/extension`, { days: 2, reason: '需更换新垃圾桶，等待供货' })).status).toBe(204);
    const supervisor = await ApiClient.signedIn(server.url, 'duban');
    await inboxTask(supervisor, c.caseNo, 'extension-approval');
    const { items } = await (await ApiClient.signedIn(server.url, 'chengguan')).get('/api/tasks');
    expect(items.some((t: { case: { caseNo: string } | null }) => t.case?.caseNo === c.caseNo)).toBe(false);
  });

  it('answers 401 without a session', async () => {
    expect((await new ApiClient(server.url).raw('GET', '/api/tasks')).status).toBe(401);
  });
});
