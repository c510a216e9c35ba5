import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { completeExternalTask, completeTaskAt, deployFixture, failExternalTask, startInstance, versionKey } from '../../server/src/modules/process-versions/test-support.js';
import { launchChromium, screenshot } from '../support/browser.js';
import { testEngine } from '../support/test-env.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const engine = testEngine();
/** Uncaught errors and console errors of the page; the diagrams must not throw. */
const alarms: string[] = [];
/** Polls that wait on the server and the engine: the machine is shared, so they get time. */
const slow = { timeout: 20_000 };

async function signedInContext(username: string): Promise<BrowserContext> {
  const created = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const response = await created.request.post(`${server.url}/api/auth/login`, { data: { username, password: 'Lianqin@2026' } });
  expect(response.status()).toBe(200);
  return created;
}

beforeAll(async () => {
  server = await startTestServer({ WORKERS: 'off', DEPLOY_ON_START: 'false' });
  browser = await launchChromium();
  context = await signedInContext('sheji');
  page = await context.newPage();
  page.on('pageerror', (error) => void alarms.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) alarms.push(`console: ${message.text()}`);
  });
});

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && page && !page.isClosed()) {
    await screenshot(page, `process-versions-failed-${task.name.slice(0, 30).replace(/\W+/g, '-')}`);
    console.log('alarms:', alarms);
  }
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('流程版本 (process versions) in the browser', () => {
  it('lets the designer see who deployed each version, diff two versions and migrate the instances that can move', async () => {
    // given v1 from processes/ with two instances at review and one at approve, and v2 deployed by sheji
    const key = versionKey('pv-browser');
    const v1 = await deployFixture(engine, { key, file: 'versions-v1.bpmn', by: 'file' });
    const atReview = [await startInstance(v1, `QH-${key.slice(-4)}-1`), await startInstance(v1, `QH-${key.slice(-4)}-2`)];
    const atApprove = await startInstance(v1, `QH-${key.slice(-4)}-3`);
    await completeTaskAt(engine, atApprove, 'review');
    const v2 = await deployFixture(engine, { key, file: 'versions-v2.bpmn', by: { designer: 'sheji' } });

    // when the designer opens 流程版本 from the menu and the key's versions
    await page.goto(`${server.url}/inbox`);
    await page.getByRole('menuitem', { name: '流程版本' }).click();
    await page.waitForURL('**/designer/processes');
    await page.getByPlaceholder('搜索标识或名称').fill(key);
    await page.locator('[data-test="pv-key-link"]').first().click();
    await page.waitForURL(`**/designer/processes/${key}`);

    // then each version says who deployed it, from where, and how many instances run on it
    const rows = page.locator('[data-test="pv-versions"] .el-table__row');
    await expect.poll(() => rows.count(), slow).toBe(2);
    const newest = (await rows.nth(0).textContent()) ?? '';
    const oldest = (await rows.nth(1).textContent()) ?? '';
    expect(newest).toMatch(/v2.*最新.*设计器部署.*流程设计员 赵丽/);
    expect(oldest).toMatch(/v1.*文件部署.*系统.*3/);
    await screenshot(page, 'process-versions-list');

    // when they compare v2 with the previous version
    await rows.nth(0).locator('[data-test="pv-diff-link"]').click();
    await page.waitForURL(/\/designer\/diff\?left=def/);

    // then both diagrams show, marked, and the change list names the topic change of 通知市民
    const changeList = page.locator('[data-test="pv-change-list"]');
    await expect.poll(() => changeList.textContent(), slow).toContain('外部任务主题');
    const list = (await changeList.textContent()) ?? '';
    expect(list).toContain('通知市民');
    expect(list).toContain(`${key}-notify-sms`);
    expect(list).toContain(`${key}-notify-app`);
    expect(list).toMatch(/候选组.*sanitation.*sanitation,urban-management/);
    expect(list).toContain('网格员确认');
    expect(list).toContain('指挥中心批准');
    expect(await page.locator('[data-test="pv-diff-left-label"]').textContent()).toBe('版本测试：垃圾清运复核 v1');
    await expect.poll(() => page.locator('.djs-element.pv-changed').count(), slow).toBeGreaterThanOrEqual(4);
    expect(await page.locator('.djs-element.pv-added').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('.djs-element.pv-removed').count()).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'process-versions-diff');

    // when they go back and plan the migration of v1's instances to v2
    await page.goBack();
    await page.waitForURL(`**/designer/processes/${key}`);
    await page.locator('[data-test="pv-versions"] .el-table__row').nth(1).locator('[data-test="pv-migrate"]').click();
    const dialog = page.locator('[data-test="pv-migration"]');
    await dialog.locator('[data-test="pv-migration-plan"]').click();

    // then two can move and the one at 指挥中心批准 cannot, with the reason
    await expect.poll(() => dialog.locator('[data-test="pv-migration-counts"]').textContent(), slow).toBe('可迁移 2 个，不可迁移 1 个');
    expect(await dialog.locator('[data-test="pv-migration-instances"]').textContent()).toContain('活动 「指挥中心批准」(approve) 在目标版本中没有对应的活动');
    await screenshot(page, 'process-versions-migration');

    // when they run it and confirm
    await dialog.locator('[data-test="pv-migration-execute"]').click();
    await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click();

    // then the two moved to v2 and the versions table says so
    await page.locator('.el-message--success', { hasText: '已迁移 2 个实例' }).waitFor();
    await expect.poll(async () => (await engine.definitionInstances(v2)).map((instance) => instance.id).sort(), slow).toEqual([...atReview].sort());
    await expect.poll(async () => (await page.locator('[data-test="pv-versions"] .el-table__row').nth(1).textContent()) ?? '', slow).toMatch(/v1.*系统\s*1/);
    expect((await engine.definitionInstances(v1)).map((instance) => instance.id)).toEqual([atApprove]);
    expect(alarms).toEqual([]);
  });

  it('shows a version live with its incident and retries it', async () => {
    // given a version whose external task failed for one instance, and took 1.5 s for another now waiting at 现场核查
    const key = versionKey('pv-browser-live');
    const id = await deployFixture(engine, { key, file: 'versions-failing.bpmn', by: { designer: 'sheji' } });
    const failing = await startInstance(id, `QH-${key.slice(-4)}-1`);
    await failExternalTask(`${key}-dispatch`, failing, '清运车调度系统无响应（连接超时）');
    const dispatched = await startInstance(id, `QH-${key.slice(-4)}-2`);
    await completeExternalTask(`${key}-dispatch`, dispatched, 1_500);

    // when the designer opens its live view
    await page.goto(`${server.url}/designer/definitions/${encodeURIComponent(id)}/live`);

    // then the diagram carries the instance and incident counts, and the incident is listed with its message
    await page.locator('[data-test="badge-incidents-dispatch"]').waitFor();
    expect(await page.locator('[data-test="badge-instances-dispatch"]').textContent()).toBe('1');
    const incidents = page.locator('[data-test="pv-incidents"]');
    await expect.poll(() => incidents.textContent(), slow).toContain('清运车调度系统无响应（连接超时）');
    expect(await incidents.textContent()).toContain('调派清运车');
    expect(await page.locator('[data-test="badge-instances-check"]').textContent()).toBe('1');
    expect(await page.locator('.djs-element.pv-heat-5').count()).toBe(1);
    await screenshot(page, 'process-versions-live');

    // when they retry it once
    await incidents.locator('[data-test="pv-retry"]').click();
    await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click();

    // then the incident is gone and the external task can be fetched again
    await page.locator('.el-message--success', { hasText: '已设置重试' }).waitFor();
    await expect.poll(() => incidents.textContent(), slow).toContain('这个版本没有未解决的事件');
    expect((await engine.externalTasks(failing))[0]?.retries).toBe(1);
    expect(alarms).toEqual([]);
  });

  it('shows a liaison the 403 page, and the API refuses too', async () => {
    // given a liaison
    const liaison = await signedInContext('huanwei');
    const liaisonPage = await liaison.newPage();

    // when they open the versions page by its URL
    await liaisonPage.goto(`${server.url}/designer/processes`);

    // then
    await liaisonPage.waitForURL(/\/403\?from=/);
    expect((await liaison.request.get(`${server.url}/api/designer/processes`)).status()).toBe(403);
    await liaison.close();
  });
});
