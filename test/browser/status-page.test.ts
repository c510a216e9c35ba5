import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../db/seed/demo-data.js';
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
  it('asks for sign-in first, then shows the health of engine, deployment and workers in Chinese, and in English on request', async () => {
    // given a signed-out visitor opening the status page
    const page = await browser.newPage({ viewport: { width: 1024, height: 768 }, locale: 'zh-CN' });
    await page.goto(`${server.url}/status`);

    // then the sign-in page shows, and a wrong password gets the server's message
    await page.waitForURL(/\/login\?redirect=(%2F|\/)status$/);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('wrong-password-1');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('用户名或密码错误').waitFor();
    await screenshot(page, 'login-page-zh');

    // when admin signs in, the status page it asked for opens
    await page.getByLabel('密码').fill(demoPassword);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/status$/);
    await page.getByText('case-closed-loop.bpmn').waitFor();
    expect(await page.locator('main').innerText()).toMatch(/系统状态[\s\S]*正常[\s\S]*7\.24\.0/);
    expect(await page.locator('main').innerText()).toContain('case-locate-grid');
    expect(await page.locator('header').innerText()).toContain('系统管理员');
    await screenshot(page, 'status-page-zh');

    await page.getByText('English', { exact: true }).click();
    await page.getByText('System status').first().waitFor();
    await screenshot(page, 'status-page-en');
    await page.close();
  });
});
