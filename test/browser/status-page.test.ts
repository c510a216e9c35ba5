import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/src/server.js';
import { launchChromium, screenshot } from '../support/browser.js';
import { startTestServer } from '../support/test-server.js';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('system status page in Chromium', () => {
  it('shows the health of engine, deployment and workers in Chinese, and in English on request', async () => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 768 }, locale: 'zh-CN' });
    await page.goto(`${server.url}/`);

    await page.getByText('case-closed-loop.bpmn').waitFor();
    expect(await page.locator('body').innerText()).toMatch(/系统状态[\s\S]*正常[\s\S]*7\.24\.0/);
    expect(await page.locator('body').innerText()).toContain('case-locate-grid');
    await screenshot(page, 'status-page-zh');

    await page.getByText('English', { exact: true }).click();
    await page.getByText('System status').first().waitFor();
    await screenshot(page, 'status-page-en');
    await page.close();
  });
});
