import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../db/seed/demo-data.js';
import { createApp } from '../../server/src/app.js';
import { lianqinModules } from '../../server/src/modules/index.js';
import { deployErrands, endErrands, errandsModule, startErrand } from '../../server/src/modules/tasks/testing/errands.js';
import { CaseFlow } from '../e2e/case-flow.js';
import { launchChromium, screenshot } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let browser: Browser;
let flow: CaseFlow;
let listener: Server;
let url: string;

beforeAll(async () => {
  server = await startTestServer({ TASK_STREAM_POLL_MS: '1000' });
  flow = new CaseFlow(server);
  await deployErrands(server.engine);
  // Lianqin with one more process in its inbox: the tasks module's fixture, presented as a joint operation.
  const app = createApp({ config: server.config, dataSource: server.dataSource, engine: server.engine, state: server.state, logger: server.logger, modules: [...lianqinModules(), errandsModule] });
  listener = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => listener.once('listening', resolve));
  url = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  if (server) await endErrands(server.engine);
  await browser?.close();
  if (listener) await new Promise((resolve) => listener.close(resolve));
  await server?.stop();
});

async function signedInPage(username: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const response = await context.request.post(`${url}/api/auth/login`, { data: { username, password: demoPassword } });
  expect(response.status()).toBe(200);
  return { context, page: await context.newPage() };
}

const rowOf = (page: Page, ref: string) => page.locator(`[data-test="inbox-task"][data-subject-ref="${ref}"]`).first();

describe('the inbox of every process in Chromium', () => {
  it('shows a liaison a joint-operation task beside a case task, and opens it with its subject', async () => {
    // given a case and a joint-operation task, both for sanitation
    const c = await flow.report({ categoryCode: 'E0102', description: '市场东门暴露垃圾' });
    await flow.accept(c.processInstanceId);
    await flow.tasks(c.processInstanceId, 'handle');
    const ref = `JO-TEST-${Date.now().toString(36)}`;
    await startErrand(server.engine, 'sanitation', { kind: 'joint-operation', ref, title: '占道经营联合整治：清运现场', place: '稻香市场周边', urgent: true, link: `/operations/${ref}` });

    // when the sanitation liaison opens the inbox
    const { context, page } = await signedInPage('huanwei');
    await page.goto(`${url}/inbox`);
    const operationRow = rowOf(page, ref);
    await operationRow.waitFor();
    const caseRow = rowOf(page, c.caseNo);
    await caseRow.waitFor();

    // then both rows show what they are about, the operation's with its kind, place and a link to its page
    const operationText = await operationRow.innerText();
    expect(operationText).toContain('联合执法');
    expect(operationText).toContain('占道经营联合整治：清运现场');
    expect(operationText).toContain('稻香市场周边');
    expect(operationText).toContain('紧急');
    expect(await operationRow.locator('[data-test="subject-link"]').getAttribute('href')).toBe(`/operations/${ref}`);
    expect(await caseRow.getAttribute('data-case-no')).toBe(c.caseNo);
    expect(await caseRow.innerText()).toContain('市场东门暴露垃圾');
    await screenshot(page, 'inbox-joint-operation-beside-case');

    // and its page shows the subject in place of a case, with the diagram of its own process
    await operationRow.locator('[data-test="open"]').click();
    await page.locator('[data-test="task-detail"]').waitFor();
    await page.locator('[data-test="subject-info"]').getByText('占道经营联合整治：清运现场').waitFor();
    expect(await page.locator('[data-test="case-no"]').innerText()).toBe(ref);
    await page.locator('[data-test="diagram"] .djs-element').first().waitFor({ state: 'attached' });
    expect(await page.locator('body').innerText()).not.toContain('无法加载案卷');
    await screenshot(page, 'inbox-joint-operation-task');
    await context.close();
  });
});
