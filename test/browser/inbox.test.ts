import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../db/seed/demo-data.js';
import type { RunningServer } from '../../server/src/server.js';
import { CaseFlow } from '../e2e/case-flow.js';
import { launchChromium, screenshot } from '../support/browser.js';
import { startTestServer } from '../support/test-server.js';

let server: RunningServer;
let browser: Browser;
let flow: CaseFlow;

beforeAll(async () => {
  server = await startTestServer({ TASK_STREAM_POLL_MS: '1000' });
  browser = await launchChromium();
  flow = new CaseFlow(server);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A browser context signed in as the user: the session cookie is set by the API, as the sign-in page would. */
async function signedInPage(username: string, viewport = { width: 1024, height: 768 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const response = await context.request.post(`${server.url}/api/auth/login`, { data: { username, password: demoPassword } });
  expect(response.status()).toBe(200);
  return { context, page: await context.newPage() };
}

const rowOf = (page: Page, caseNo: string) => page.locator(`[data-test="inbox-task"][data-case-no="${caseNo}"]`).first();

describe('the department liaison inbox in Chromium', () => {
  it('shows a newly dispatched case to sanitation live, which claims it and completes it through its form', async () => {
    // given the sanitation liaison's inbox, open before the case exists
    const { context, page } = await signedInPage('huanwei');
    await page.goto(`${server.url}/inbox`);
    await page.getByText('待签收').first().waitFor();

    // when a garbage case is reported and accepted, it appears without a reload
    const c = await flow.report({ categoryCode: 'E0102', description: '菜市场东侧暴露垃圾' });
    await flow.accept(c.processInstanceId);
    const row = rowOf(page, c.caseNo);
    await row.waitFor({ timeout: 30_000 });
    expect(await row.innerText()).toContain('暴露垃圾');
    await screenshot(page, 'inbox-sanitation-new-case');

    // the liaison claims it, opens it and sees the case, the map and the diagram
    await row.locator('[data-test="claim"]').click();
    await rowOf(page, c.caseNo).locator('[data-test="open"]').click();
    await page.locator('[data-test="task-detail"]').waitFor();
    await page.locator('[data-test="map"] .leaflet-interactive').first().waitFor();
    await page.locator('[data-test="diagram"] .djs-element').first().waitFor({ state: 'attached' });
    await page.locator('[data-test="task-form"] textarea').first().waitFor();
    await screenshot(page, 'inbox-task-detail');

    // and completes it through its Camunda Form
    await page.locator('[data-test="task-form"] textarea').first().fill('已组织环卫班组清运，现场已清洁');
    await page.locator('[data-test="complete"]').click();
    await page.waitForURL(/\/inbox\/?(\?.*)?$/);

    // then the case moves on to verification by the grid's inspector
    const [verify] = await flow.tasks(c.processInstanceId, 'verify');
    expect(verify).toBeDefined();
    expect(await server.engine.tasks({ processInstanceId: c.processInstanceId, taskDefinitionKey: 'handle' })).toEqual([]);
    await context.close();
  });

  it('tells the second of two liaisons claiming one task who has it, and refreshes the list', async () => {
    // given a sanitation task open in a colleague's inbox, whose live updates are held back so that the list is stale
    const c = await flow.report({ categoryCode: 'E0103', description: '人行道泥沙未清扫' });
    await flow.accept(c.processInstanceId);
    const [handle] = await flow.tasks(c.processInstanceId, 'handle');
    const { context, page } = await signedInPage('huanwei2');
    await page.route('**/api/tasks/stream', (route) => route.abort());
    await page.goto(`${server.url}/inbox`);
    await rowOf(page, c.caseNo).locator('[data-test="claim"]').waitFor();

    // when 孙磊 claims it first, and then the colleague tries
    await (await flow.as('huanwei')).post(`/api/tasks/${handle!.id}/claim`);
    await rowOf(page, c.caseNo).locator('[data-test="claim"]').click();

    // then the message names 孙磊 and the row now shows the task as his
    await page.getByText(/已被.*孙磊.*签收/).first().waitFor();
    await rowOf(page, c.caseNo).locator('[data-test="assignee"]').getByText('孙磊').waitFor();
    expect(await rowOf(page, c.caseNo).locator('[data-test="claim"]').count()).toBe(0);
    await screenshot(page, 'inbox-claim-conflict');
    await context.close();
  });

  it('never shows a sanitation task to commerce, not even through its URL', async () => {
    // given a case dispatched to sanitation only
    const c = await flow.report({ categoryCode: 'C0301', description: '垃圾桶满溢' });
    await flow.accept(c.processInstanceId);
    const [handle] = await flow.tasks(c.processInstanceId, 'handle');

    // the commerce liaison's inbox does not list it
    const { context, page } = await signedInPage('shichang');
    await page.goto(`${server.url}/inbox`);
    await page.getByText('待签收').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await rowOf(page, c.caseNo).count()).toBe(0);

    // and its direct URL shows "not found", with nothing of the case
    await page.goto(`${server.url}/inbox/tasks/${handle!.id}`);
    await page.getByText(/不存在|已办结/).first().waitFor();
    expect(await page.locator('body').innerText()).not.toContain('垃圾桶满溢');
    await screenshot(page, 'inbox-commerce-direct-url');
    await context.close();
  });

  it('is usable on a tablet held upright', async () => {
    const { context, page } = await signedInPage('huanwei', { width: 768, height: 1024 });
    await page.goto(`${server.url}/inbox`);
    await page.getByText('待签收').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'inbox-tablet-portrait');
    await context.close();
  });
});

/** A URL of the server at that path, whatever query the page adds (e.g. its filters). */
const homeUrl = (path: string) => (url: URL) => url.origin === new URL(server.url).origin && url.pathname === path;

describe('the home page by role', () => {
  it.each([
    { username: 'xietiao', home: '/operations' },
    { username: 'huanwei', home: '/inbox' },
    { username: 'zhihui', home: '/inbox' },
  ])('sends $username from / and from an unknown path to $home', async ({ username, home }) => {
    // given a signed-in user
    const { context, page } = await signedInPage(username);

    // when they open the app's root, then a path that does not exist
    await page.goto(`${server.url}/`);
    await page.waitForURL(homeUrl(home));
    await page.goto(`${server.url}/no-such-page`);

    // then both lead to their home page
    await page.waitForURL(homeUrl(home));
    await context.close();
  });

  it('sends the coordinator to the console after signing in on the sign-in page', async () => {
    // given a signed-out coordinator opening the app
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForURL(`${server.url}/login`);

    // when they sign in
    await page.getByLabel('用户名').fill('xietiao');
    await page.getByLabel('密码').fill(demoPassword);
    await page.getByRole('button', { name: '登录' }).click();

    // then the console opens, not the inbox
    await page.waitForURL(homeUrl('/operations'));
    await page.locator('[data-test="operations-table"]').waitFor();
    await context.close();
  });
});
