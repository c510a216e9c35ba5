import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/src/server.js';
import { launchChromium, screenshot } from '../support/browser.js';
import { startTestServer } from '../support/test-server.js';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** CSP violations and uncaught errors seen by the page; the map's tooltips must not need inline script or style. */
const alarms: string[] = [];

beforeAll(async () => {
  server = await startTestServer({ WORKERS: 'off', DEPLOY_ON_START: 'false' });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await context.exposeBinding('__alarm', (_source, detail: string) => void alarms.push(detail));
  await context.addInitScript(() => {
    const alarm = (window as unknown as { __alarm: (detail: string) => void }).__alarm;
    document.addEventListener('securitypolicyviolation', (e) => alarm(`csp: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`), true);
  });
  const response = await context.request.post(`${server.url}/api/auth/login`, { data: { username: 'xietiao', password: 'Lianqin@2026' } });
  expect(response.status()).toBe(200);
  page = await context.newPage();
  page.on('pageerror', (error) => void alarms.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // Answers of other screens' requests (e.g. the inbox badge while the engine is busy) are not faults of this page.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) alarms.push(`console: ${message.text()}`);
  });
});

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && page && !page.isClosed()) {
    await screenshot(page, `shops-failed-${task.name.slice(0, 30).replace(/\W+/g, '-')}`);
    console.log('alarms:', alarms);
  }
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

const rows = () => page.locator('[data-test="shop-table"] .el-table__row');

describe('商户档案 (shop files) in the browser', () => {
  it('lets the coordinator search the list and the map, and open a shop file with its first-violation register entry', async () => {
    // given the coordinator on the shop list, reached from the menu
    await page.goto(`${server.url}/inbox`);
    await page.getByRole('menuitem', { name: '商户档案' }).click();
    await page.waitForURL('**/shops');
    await expect.poll(() => rows().count()).toBe(20);
    await expect.poll(() => page.locator('[data-test="shop-map"] path.leaflet-interactive').count()).toBeGreaterThanOrEqual(40);
    expect(await page.locator('[data-test="shop-total"]').textContent()).toMatch(/共 \d+ 户/);

    // when they search for 奶茶
    await page.getByPlaceholder('搜索店名、执照号或负责人').fill('奶茶');

    // then the list and the map keep only 甜蜜奶茶铺, whose marker's tooltip names it as text
    await expect.poll(() => rows().count()).toBe(1);
    await expect.poll(() => rows().first().textContent()).toContain('甜蜜奶茶铺');
    expect(await rows().first().textContent()).toContain('林晓雯');
    await expect.poll(() => page.locator('[data-test="shop-map"] path.leaflet-interactive').count()).toBe(1);
    await page.locator('[data-test="shop-map"] path.leaflet-interactive').hover();
    const tooltip = page.locator('.leaflet-tooltip').filter({ visible: true });
    await tooltip.waitFor();
    expect(await tooltip.textContent()).toContain('甜蜜奶茶铺');
    expect(await tooltip.textContent()).toContain('A 级');
    await screenshot(page, 'shops-list');

    // when they open its file
    await page.locator('[data-test="shop-link"]', { hasText: '甜蜜奶茶铺' }).click();
    await page.waitForURL(/\/shops\/\d+$/);

    // then the file shows the licence, the duties, full credit points, the violation under 首违不罚 and the register entry
    await expect.poll(() => page.locator('[data-test="shop-name"]').textContent()).toBe('甜蜜奶茶铺');
    const text = (await page.locator('.shop-file-view').textContent()) ?? '';
    expect(text).toContain('92330106QH00000002');
    expect(text).toContain('包秩序');
    expect(await page.locator('[data-test="shop-credit-points"]').textContent()).toBe('1000');
    const entries = page.locator('[data-test="first-violation-entry"]');
    expect(await entries.count()).toBe(1);
    expect(await entries.first().textContent()).toContain('店外经营');
    expect(await entries.first().textContent()).toContain('城管执法');
    expect(await page.locator('[data-test="first-violation-promise"]').textContent()).toMatch(/本人林晓雯系甜蜜奶茶铺负责人.*承诺/);
    const violations = page.locator('[data-test="shop-violations"] .el-table__row');
    expect(await violations.count()).toBe(1);
    expect(await violations.first().textContent()).toContain('责令改正');
    expect(await violations.first().locator('[data-test="first-violation-tag"]').textContent()).toContain('首违不罚');
    await page.setViewportSize({ width: 1366, height: 1500 });
    await screenshot(page, 'shops-file');
    await page.setViewportSize({ width: 1366, height: 900 });
    expect(alarms).toEqual([]);
  });

  it('shows a repeat within 12 months fined, with the deduction in the credit ledger', async () => {
    // given the list searched for 禾丰面馆
    await page.goto(`${server.url}/shops`);
    await page.getByPlaceholder('搜索店名、执照号或负责人').fill('禾丰面馆');
    await expect.poll(() => rows().count()).toBe(1);

    // when its file is opened
    await page.locator('[data-test="shop-link"]', { hasText: '禾丰面馆' }).click();
    await page.waitForURL(/\/shops\/\d+$/);

    // then the fine and the earlier 首违不罚 are both in its history, and the points show the deduction
    const violations = page.locator('[data-test="shop-violations"] .el-table__row');
    await expect.poll(() => violations.count()).toBe(2);
    expect(await violations.nth(0).textContent()).toContain('罚款 200 元');
    expect(await violations.nth(1).textContent()).toContain('首违不罚');
    expect(await page.locator('[data-test="shop-credit-points"]').textContent()).toBe('940');
    expect(await page.locator('[data-test="shop-credit"]').textContent()).toContain('-60');
    await page.setViewportSize({ width: 1366, height: 1500 });
    await screenshot(page, 'shops-file-repeat');
    expect(alarms).toEqual([]);
  });
});
