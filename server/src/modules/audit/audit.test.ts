import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../contracts/audit.js';
import { ApiClient } from '../../../../test/support/api-client.js';
import { startTestServer } from '../../../../test/support/test-server.js';
import type { RunningServer } from '../../server.js';
import { AuditRecordEntity } from './index.js';

let server: RunningServer;
let supervisor: ApiClient;
/** A target id that only this run's records carry, since other test files write to the same log. */
const target = `audit-test-${Date.now().toString(36)}`;

beforeAll(async () => {
  server = await startTestServer({ WORKERS: 'off', DEPLOY_ON_START: 'false' });
  supervisor = await ApiClient.signedIn(server.url, 'duban');
  // given four records on one target, an hour apart, by a known and an unknown actor
  await server.dataSource.manager.insert(AuditRecordEntity, [
    { at: new Date('2026-03-02T01:00:00Z'), actor: 'huanwei', action: 'task.claim', targetType: 'probe', targetId: target, beforeState: '{"assignee":null}', afterState: '{"assignee":"huanwei"}' },
    { at: new Date('2026-03-02T02:00:00Z'), actor: 'huanwei', action: 'task.complete', targetType: 'probe', targetId: target, beforeState: null, afterState: '{"values":{"handlingResult":"已清运"}}' },
    { at: new Date('2026-03-02T03:00:00Z'), actor: 'admin', action: 'user.update', targetType: 'probe', targetId: target, beforeState: '{"active":true}', afterState: '{"active":false}' },
    { at: new Date('2026-03-02T04:00:00Z'), actor: 'ghost', action: 'taskish', targetType: 'probe', targetId: target, beforeState: null, afterState: null },
  ]);
});

afterAll(async () => {
  await server?.stop();
});

const page = (query: string) => supervisor.get<AuditPage>(`/api/audit?targetId=${target}${query}`);

describe('GET /api/audit', () => {
  it('pages the log newest first, with actor names and parsed states', async () => {
    const all = await page('');
    expect(all).toMatchObject({ total: 4, page: 1, pageSize: 50 });
    expect(all.items.map((r) => r.action)).toEqual(['taskish', 'user.update', 'task.complete', 'task.claim']);
    expect(all.items[3]).toEqual({
      id: expect.any(Number),
      at: '2026-03-02T01:00:00.000Z',
      actor: 'huanwei',
      actorName: '环卫联络员 孙磊',
      action: 'task.claim',
      targetType: 'probe',
      targetId: target,
      before: { assignee: null },
      after: { assignee: 'huanwei' },
    });
    expect(all.items[0]).toMatchObject({ actor: 'ghost', actorName: null, before: null, after: null });

    const second = await page('&page=2&pageSize=3');
    expect(second).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(second.items.map((r) => r.action)).toEqual(['task.claim']);
  });

  it('filters by actor, exact action, action prefix, target type and time', async () => {
    expect((await page('&actor=huanwei')).items.map((r) => r.action)).toEqual(['task.complete', 'task.claim']);
    expect((await page('&action=task.claim')).items.map((r) => r.action)).toEqual(['task.claim']);
    expect((await page('&action=task.')).items.map((r) => r.action)).toEqual(['task.complete', 'task.claim']);
    expect((await page('&targetType=other')).total).toBe(0);
    const window = await page(`&from=${encodeURIComponent('2026-03-02T10:00:00+08:00')}&to=2026-03-02T03:00:00Z`);
    expect(window.items.map((r) => r.action)).toEqual(['user.update', 'task.complete']);
  });

  it('reads the records that real changes leave, e.g. a sign-in', async () => {
    await ApiClient.signedIn(server.url, 'sheji');
    const { items } = await supervisor.get<AuditPage>('/api/audit?actor=sheji&action=auth.sign-in&pageSize=1');
    expect(items[0]).toMatchObject({ actor: 'sheji', actorName: '流程设计员 赵丽', action: 'auth.sign-in', targetType: 'user', targetId: 'sheji' });
  });

  it.each([
    { query: 'pageSize=201', path: 'query.pageSize' },
    { query: 'page=0', path: 'query.page' },
    { query: 'from=yesterday', path: 'query.from' },
    { query: 'from=2026-03-02T10:00:00', path: 'query.from' },
    { query: 'from=2026-03-03T00:00:00Z&to=2026-03-02T00:00:00Z', path: 'query.from' },
    { query: 'colour=red', path: 'query' },
  ])('answers ?$query with 400 naming $path', async ({ query, path }) => {
    const response = await supervisor.raw('GET', `/api/audit?${query}`);
    expect(response.status).toBe(400);
    expect((await response.json()).error.details.issues[0].path).toBe(path);
  });

  it('is open to admins and supervisors only', async () => {
    expect((await (await ApiClient.signedIn(server.url, 'admin')).raw('GET', '/api/audit')).status).toBe(200);
    expect((await (await ApiClient.signedIn(server.url, 'zhihui')).raw('GET', '/api/audit')).status).toBe(403);
    expect((await new ApiClient(server.url).raw('GET', '/api/audit')).status).toBe(401);
  });

  it.each(['PUT', 'PATCH', 'DELETE'])('has no %s route: the log is append-only', async (method) => {
    const [record] = (await page('')).items;
    expect((await supervisor.raw(method, `/api/audit/${record!.id}`, {})).status).toBe(404);
    expect((await supervisor.raw(method, '/api/audit', {})).status).toBe(404);
    expect(await server.dataSource.manager.countBy(AuditRecordEntity, { targetId: target })).toBe(4);
  });
});
