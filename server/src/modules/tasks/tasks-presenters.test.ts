import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseFlow } from '../../../../test/e2e/case-flow.js';
import { ApiClient } from '../../../../test/support/api-client.js';
import { eventually } from '../../../../test/support/test-env.js';
import { startTestServer, type TestServer } from '../../../../test/support/test-server.js';
import { createApp } from '../../app.js';
import type { TaskDetail, TaskDiagram, TaskListResponse, TaskSubject, TaskView } from '../../contracts/tasks.js';
import { lianqinModules } from '../index.js';
import { deployErrands, endErrands, errandKey, errandsModule, startErrand as startErrandOn } from './testing/errands.js';

let server: TestServer;
let flow: CaseFlow;
let listener: Server;
let url: string;

beforeAll(async () => {
  server = await startTestServer();
  flow = new CaseFlow(server);
  await deployErrands(server.engine);
  // The same database and engine, served with the fixture's module beside Lianqin's own.
  const app = createApp({ config: server.config, dataSource: server.dataSource, engine: server.engine, state: server.state, logger: server.logger, modules: [...lianqinModules(), errandsModule] });
  listener = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => listener.once('listening', resolve));
  url = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
});

afterAll(async () => {
  if (server) await endErrands(server.engine);
  if (listener) await new Promise((resolve) => listener.close(resolve));
  await server?.stop();
});

const startErrand = (group: string, subject: Partial<TaskSubject> = {}) => startErrandOn(server.engine, group, subject);
const signedIn = (username: string, baseUrl = url) => ApiClient.signedIn(baseUrl, username);
const listed = async (api: ApiClient, query = '') => (await api.get<TaskListResponse>(`/api/tasks${query}`)).items;
const byId = (items: TaskView[], id: string) => items.find((t) => t.id === id);

describe('the inbox of every process', () => {
  it("lists another process's task with its presenter's subject to the department it is for, beside its case tasks", async () => {
    // given an errand for sanitation, and a garbage case dispatched to sanitation
    const errand = await startErrand('sanitation', { urgent: true });
    const c = await flow.report({ categoryCode: 'E0102', description: '菜场门口暴露垃圾' });
    await flow.accept(c.processInstanceId);
    const [handle] = await flow.tasks(c.processInstanceId, 'handle');
    const sanitation = await signedIn('huanwei');

    // when the sanitation liaison lists their tasks
    const items = await eventually(async () => {
      const found = await listed(sanitation);
      return byId(found, errand.task.id) && byId(found, handle!.id) ? found : undefined;
    }, { what: 'the errand and the case task in the sanitation inbox' });

    // then the errand shows what its presenter says, and the case task keeps its case summary
    expect(byId(items, errand.task.id)).toMatchObject({ name: '清理联合执法现场', taskDefinitionKey: 'errand', subject: errand.subject, case: null });
    const caseTask = byId(items, handle!.id)!;
    expect(caseTask.case).toMatchObject({ caseNo: c.caseNo, categoryCode: 'E0102', categoryName: expect.any(String), description: '菜场门口暴露垃圾', urgent: false });
    expect(caseTask.subject).toMatchObject({ kind: 'case', ref: c.caseNo, title: '菜场门口暴露垃圾', category: { code: 'E0102' }, urgent: false });
    expect(caseTask.subject).not.toHaveProperty('case');
  });

  it('opens the task and its diagram for its department', async () => {
    // given an errand for sanitation
    const errand = await startErrand('sanitation');
    const sanitation = await signedIn('huanwei');

    // when the liaison opens it and its diagram
    const detail = await sanitation.get<TaskDetail>(`/api/tasks/${errand.task.id}`);
    const diagram = await sanitation.get<TaskDiagram>(`/api/tasks/${errand.task.id}/diagram`);

    // then both are the errand's
    expect(detail).toMatchObject({ id: errand.task.id, subject: errand.subject, case: null, form: null });
    expect(diagram.xml).toContain(`id="${errandKey}"`);
    expect(diagram.activeActivityIds).toEqual(['errand']);
  });

  it('hides it from another department, in the list and by its id', async () => {
    // given an errand for sanitation
    const errand = await startErrand('sanitation');
    const commerce = await signedIn('shichang');

    // when the commerce liaison lists their tasks and asks for the errand by id
    const items = await listed(commerce);
    const direct = await commerce.raw('GET', `/api/tasks/${errand.task.id}`);
    const claim = await commerce.raw('POST', `/api/tasks/${errand.task.id}/claim`);

    // then it is not there
    expect(byId(items, errand.task.id)).toBeUndefined();
    expect(direct.status).toBe(404);
    expect(claim.status).toBe(404);
  });

  it('lets the department claim it like a case task', async () => {
    // given an errand for sanitation
    const errand = await startErrand('sanitation');
    const sanitation = await signedIn('huanwei');

    // when the liaison claims it
    const claim = await sanitation.raw('POST', `/api/tasks/${errand.task.id}/claim`);

    // then it is theirs, in the engine and in the mine tab
    expect(claim.status).toBe(204);
    expect((await server.engine.task(errand.task.id)).assignee).toBe('huanwei');
    expect(byId(await listed(sanitation, '?tab=mine'), errand.task.id)).toMatchObject({ assignee: 'huanwei', assigneeName: expect.any(String) });
  });

  it.each([
    ['urgency=urgent', true],
    ['urgency=normal', false],
    ['streetCode=errand-street', true],
    ['streetCode=another-street', false],
    ['gridCode=errand-grid', true],
    ['categoryCode=E0102', false],
  ])('filters it by the subject: %s lists it: %s', async (query, expected) => {
    // given an urgent errand for sanitation in errand-street, errand-grid, without a category
    const errand = await startErrand('sanitation', { urgent: true });
    const sanitation = await signedIn('huanwei');

    // when the liaison filters the list
    const items = await listed(sanitation, `?${query}`);

    // then the errand is listed if and only if its subject matches
    expect(Boolean(byId(items, errand.task.id))).toBe(expected);
  });

  it('gives coordinators the tasks of the coordination group, and no department sees them', async () => {
    // given an errand for the coordination group
    const errand = await startErrand('coordination', { kind: 'joint-operation', title: '审核联合执法方案' });

    // when the coordinator and a sanitation liaison list their tasks
    const coordinator = await listed(await signedIn('xietiao'));
    const sanitation = await listed(await signedIn('huanwei'));

    // then only the coordinator has it
    expect(byId(coordinator, errand.task.id)?.subject).toEqual(errand.subject);
    expect(byId(sanitation, errand.task.id)).toBeUndefined();
  });

  it('lists no task of a process that no module presents', async () => {
    // given an errand for sanitation, and Lianqin served without the fixture's module
    const errand = await startErrand('sanitation');
    const sanitation = await signedIn('huanwei', server.url);

    // when the liaison lists their tasks and asks for it by id there
    const items = await listed(sanitation);
    const direct = await sanitation.raw('GET', `/api/tasks/${errand.task.id}`);

    // then it is not there
    expect(byId(items, errand.task.id)).toBeUndefined();
    expect(direct.status).toBe(404);
  });
});
