import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseFlow } from '../../../test/e2e/case-flow.js';
import { demoPassword } from '../../../db/seed/demo-data.js';
import { ApiClient } from '../../../test/support/api-client.js';
import { startTestServer } from '../../../test/support/test-server.js';
import { AuditRecordEntity } from '../modules/audit/index.js';
import type { RunningServer } from '../server.js';
import { isSameOriginRequest, originOf, type RequestSource } from './same-origin.js';

const app = 'http://127.0.0.1:3000';
const publicUrl = 'https://lianqin.example.gov.cn';

describe('isSameOriginRequest', () => {
  it.each<{ when: string; source: RequestSource; allowed: boolean }>([
    { when: 'a GET comes from another site', source: { method: 'GET', secFetchSite: 'cross-site', origin: 'https://evil.example' }, allowed: true },
    { when: 'a HEAD comes from another site', source: { method: 'HEAD', secFetchSite: 'cross-site' }, allowed: true },
    { when: 'the browser says same-origin', source: { method: 'POST', secFetchSite: 'same-origin', origin: app }, allowed: true },
    { when: 'the browser says none (typed in, bookmark)', source: { method: 'POST', secFetchSite: 'none' }, allowed: true },
    { when: 'the browser says same-site (another port of this host)', source: { method: 'POST', secFetchSite: 'same-site', origin: 'http://127.0.0.1:8080' }, allowed: false },
    { when: 'the browser says cross-site', source: { method: 'POST', secFetchSite: 'cross-site', origin: 'https://evil.example' }, allowed: false },
    { when: 'a PUT is cross-site', source: { method: 'PUT', secFetchSite: 'cross-site' }, allowed: false },
    { when: 'a PATCH is cross-site', source: { method: 'PATCH', secFetchSite: 'cross-site' }, allowed: false },
    { when: 'a DELETE is cross-site', source: { method: 'DELETE', secFetchSite: 'cross-site' }, allowed: false },
    { when: 'a client sends neither header (curl, scripts, Playwright request)', source: { method: 'POST' }, allowed: true },
    { when: 'Origin is the app', source: { method: 'POST', origin: app }, allowed: true },
    { when: 'Origin is the app with its default port written out', source: { method: 'POST', origin: 'http://127.0.0.1:80' }, allowed: true },
    { when: 'Origin is PUBLIC_URL', source: { method: 'POST', origin: publicUrl }, allowed: true },
    { when: 'Origin is another port of the host', source: { method: 'POST', origin: 'http://127.0.0.1:8080' }, allowed: false },
    { when: 'Origin is the app over another scheme', source: { method: 'POST', origin: 'https://127.0.0.1:3000' }, allowed: false },
    { when: 'Origin is another site', source: { method: 'POST', origin: 'https://evil.example' }, allowed: false },
    { when: 'Origin is null (sandboxed frame, data: URL)', source: { method: 'POST', origin: 'null' }, allowed: false },
    { when: 'Origin is not a URL', source: { method: 'POST', origin: 'not a url' }, allowed: false },
  ])('allows=$allowed when $when', ({ source, allowed }) => {
    expect(isSameOriginRequest(source, [originOf(app)!, originOf('http://127.0.0.1')!, originOf(publicUrl)!])).toBe(allowed);
  });
});

describe('cross-site requests over HTTP', () => {
  let server: RunningServer;
  let flow: CaseFlow;

  beforeAll(async () => {
    server = await startTestServer();
    flow = new CaseFlow(server);
  });

  afterAll(async () => {
    await server?.stop();
  });

  /** The session cookie of a fresh sign-in, as a browser holding it would send it. */
  async function sessionCookie(username: string): Promise<string> {
    const response = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: demoPassword }) });
    expect(response.status).toBe(200);
    return response.headers.get('set-cookie')!.split(';')[0]!;
  }

  /** A form POST with the cookie, as a page of another origin makes the browser send it. */
  function formPost(path: string, cookie: string, headers: Record<string, string>): Promise<Response> {
    return fetch(server.url + path, { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: 'confirm=1' });
  }

  const anotherPort = () => `http://127.0.0.1:${Number(new URL(server.url).port) + 1}`;

  it.each([
    { from: 'another site', origin: () => 'https://evil.example', secFetchSite: 'cross-site' },
    { from: 'another port of the same host', origin: anotherPort, secFetchSite: 'same-site' },
    { from: 'another port, by a browser that sends Origin only', origin: anotherPort, secFetchSite: null },
  ])('refuses a form POST to claim a task from $from with 403, leaves it unclaimed, and audits it', async ({ origin, secFetchSite }) => {
    // given a filing task of the command centre, and the signed-in zhihui's cookie
    const c = await flow.report();
    const task = await flow.task(c.processInstanceId, 'filing-review');
    const cookie = await sessionCookie('zhihui');

    // when a page of the other origin posts the claim form
    const response = await formPost(`/api/tasks/${task.id}/claim`, cookie, { origin: origin(), ...(secFetchSite ? { 'sec-fetch-site': secFetchSite } : {}) });

    // then
    expect(response.status).toBe(403);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('CROSS_SITE_REQUEST');
    expect(error.message).toMatch(/其他网站/);
    expect((await server.engine.tasks({ processInstanceId: c.processInstanceId, taskDefinitionKey: 'filing-review' }))[0]!.assignee).toBeNull();
    const path = `/api/tasks/${task.id}/claim`;
    const records = await server.dataSource.manager.findBy(AuditRecordEntity, { action: 'security.cross-site-refused', targetId: path });
    expect(records.map((r) => [r.actor, JSON.parse(r.afterState!)])).toEqual([['zhihui', { method: 'POST', path, origin: origin(), secFetchSite }]]);
  });

  it('claims the task when the browser says the POST is same-origin, and when a client sends neither header', async () => {
    // given two filing tasks
    const first = await flow.report();
    const second = await flow.report();
    const [a, b] = [await flow.task(first.processInstanceId, 'filing-review'), await flow.task(second.processInstanceId, 'filing-review')];

    // when the web app claims one (same origin), and a script claims the other (no Origin)
    const fromPage = await formPost(`/api/tasks/${a.id}/claim`, await sessionCookie('zhihui'), { origin: new URL(server.url).origin, 'sec-fetch-site': 'same-origin' });
    const fromScript = await (await ApiClient.signedIn(server.url, 'zhihui')).raw('POST', `/api/tasks/${b.id}/claim`);

    // then both are claimed
    expect([fromPage.status, fromScript.status]).toEqual([204, 204]);
    expect((await server.engine.tasks({ processInstanceId: first.processInstanceId, taskDefinitionKey: 'filing-review' }))[0]!.assignee).toBe('zhihui');
  });

  it('refuses a cross-site sign-in form as anonymous, and still serves cross-site reads', async () => {
    // given
    const refusals = { action: 'security.cross-site-refused', targetId: '/api/auth/login' };
    const before = await server.dataSource.manager.countBy(AuditRecordEntity, refusals);

    // when another site posts the sign-in form, and reads the health page
    const signIn = await formPost('/api/auth/login', '', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    const read = await fetch(`${server.url}/api/health`, { headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });

    // then
    expect(signIn.status).toBe(403);
    expect(read.status).toBe(200);
    const [latest] = await server.dataSource.manager.find(AuditRecordEntity, { where: refusals, order: { id: 'DESC' }, take: 1 });
    expect(await server.dataSource.manager.countBy(AuditRecordEntity, refusals)).toBe(before + 1);
    expect(latest!.actor).toBe('anonymous');
  });
});
