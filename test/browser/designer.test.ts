import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DesignerFiles, Draft } from '../../server/src/contracts/designer.js';
import { categoryOf } from '../../server/src/modules/categories/index.js';
import { CaseFlow } from '../e2e/case-flow.js';
import { ApiClient } from '../support/api-client.js';
import { launchChromium, screenshot } from '../support/browser.js';
import { testEngine, uniqueKey } from '../support/test-env.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** A category a city adds (DOMAIN.md's table is a starting set); the designer routes it to sanitation. */
const newCategory = { code: 'E0105', name: '绿地脏乱' };

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const engine = testEngine();
/** Uncaught errors and console errors of the page; the editors must not throw. */
const alarms: string[] = [];

async function signedInContext(username: string): Promise<BrowserContext> {
  const created = await browser.newContext({ viewport: { width: 1600, height: 960 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const response = await created.request.post(`${server.url}/api/auth/login`, { data: { username, password: 'Lianqin@2026' } });
  expect(response.status()).toBe(200);
  return created;
}

/** Deletes the drafts of a file left by an earlier run, so that opening it starts from processes/. */
async function removeDrafts(fileName: string): Promise<void> {
  const sheji = await ApiClient.signedIn(server.url, 'sheji');
  const files = await sheji.get<DesignerFiles>('/api/designer/files');
  for (const draft of files.drafts.filter((d) => d.fileName === fileName)) await sheji.raw('DELETE', `/api/designer/drafts/${draft.id}`);
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  context = await signedInContext('sheji');
  page = await context.newPage();
  page.on('pageerror', (error) => void alarms.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // dmn-js writes its bpmn.io logo and drag image with inline styles, which the app's CSP blocks by design; the
    // designer's stylesheet places the logo instead. Any other console error is an alarm.
    const text = message.text();
    if (message.type() === 'error' && !text.startsWith('Failed to load resource') && !text.startsWith('Applying inline style violates')) alarms.push(`console: ${text}`);
  });
});

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && page && !page.isClosed()) {
    await screenshot(page, `designer-failed-${task.name.slice(0, 30).replace(/\W+/g, '-')}`);
    console.log('alarms:', alarms);
  }
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('设计 (the designer\'s workbench) in the browser', () => {
  it('adds a rule for a new category to case-routing.dmn, lints it clean and deploys it', async () => {
    // given no draft of case-routing.dmn yet
    await removeDrafts('case-routing.dmn');

    // when the designer opens 设计 from the menu and edits case-routing.dmn
    await page.goto(`${server.url}/inbox`);
    await page.getByRole('menuitem', { name: '设计' }).click();
    await page.waitForURL(/\/designer$/);
    await page.locator('[data-test="designer-topics"] .el-table__row').first().waitFor();
    await screenshot(page, 'designer-files');
    await page.locator('[data-test="designer-open-case-routing.dmn"]').click();
    await page.waitForURL(/\/designer\/drafts\/\d+$/);
    await page.locator('.tjs-table').waitFor();
    await expect.poll(() => page.locator('[data-test="designer-problem-summary"]').textContent(), { timeout: 20_000 }).toBeTruthy();
    await screenshot(page, 'designer-dmn-opened');

    // and adds a rule at the end of the table: the new category, any grid, any urgency → sanitation within 4 working hours
    await page.locator('tfoot.add-rule td[data-col-index="0"]').click();
    const rule = page.locator('.tjs-table tbody tr').last();
    const cells = ['"E0105"', '', '', '"sanitation"', '4', '"wh"', '"normal"', 'null', 'null', '新增类别：绿地脏乱由环卫清理，4 个工作小时内处置。'];
    for (const [index, text] of cells.entries()) {
      if (!text) continue;
      const cell = rule.locator('td').nth(index + 1);
      await cell.click();
      await page.keyboard.type(text);
    }
    await page.locator('[data-test="designer-dirty"]').waitFor();

    // then the lint finds nothing wrong and deploying is allowed
    const deployButton = page.locator('[data-test="designer-deploy"]');
    await expect.poll(() => deployButton.isEnabled(), { timeout: 20_000 }).toBe(true);
    expect(await page.locator('[data-test="designer-problem-summary"]').textContent()).toContain('没有发现问题');
    await page.locator('.tjs-table').evaluate((table) => {
      for (let node: HTMLElement | null = table.parentElement; node; node = node.parentElement) node.scrollLeft = 0;
    });
    await screenshot(page, 'designer-dmn-rule-added');

    // when they deploy (which saves the draft first) and confirm
    await deployButton.click();
    await page.locator('.el-message-box').getByRole('button', { name: '部署' }).click();

    // then the engine holds a new version of case-routing, from the designer, that routes the new category to sanitation
    const deployed = page.locator('[data-test="designer-deployed"]');
    await deployed.waitFor({ timeout: 30_000 });
    expect(await deployed.textContent()).toMatch(/案件派遣规则 v\d+/);
    expect(await page.locator('[data-test="designer-revision"]').textContent()).toContain('第 2 版');
    const [routing] = await engine.evaluateDecision('case-routing', { categoryCode: newCategory.code, gridType: 'residential', urgent: false });
    expect(routing).toMatchObject({ departments: 'sanitation', limitAmount: 4, limitUnit: 'wh', urgency: 'normal' });
    await screenshot(page, 'designer-dmn-deployed');
    expect(alarms).toEqual([]);
  });

  it.skipIf(!categoryOf(newCategory.code))('sends a new case of that category to the sanitation liaison', async () => {
    // given the routing deployed above, when an inspector reports a case of the new category and the centre accepts it
    const flow = new CaseFlow(server);
    const reported = await flow.report({ categoryCode: newCategory.code, description: '街心绿地内塑料袋和纸屑散落' });
    await flow.accept(reported.processInstanceId);

    // then sanitation gets the handling task, and the sanitation liaison sees it in the inbox
    const [task] = await flow.tasks(reported.processInstanceId, 'handle');
    expect(await flow.candidateGroups(task!.id)).toEqual(['sanitation']);
    const liaison = await signedInContext('huanwei');
    const inbox = await liaison.newPage();
    await inbox.goto(`${server.url}/inbox`);
    await inbox.locator(`[data-test="inbox-task"][data-case-no="${reported.caseNo}"]`).first().waitFor();
    await screenshot(inbox, 'designer-new-category-in-sanitation-inbox');
    await liaison.close();
  });

  it('opens a process with the Camunda 7 properties panel in Chinese, and lists its topics with their workers', async () => {
    // given no draft of case-closed-loop.bpmn yet
    await removeDrafts('case-closed-loop.bpmn');

    // when the designer opens it and selects the task that assigns a sanitation crew
    await page.goto(`${server.url}/designer`);
    await page.locator('[data-test="designer-open-case-closed-loop.bpmn"]').click();
    await page.waitForURL(/\/designer\/drafts\/\d+$/);
    await page.locator('[data-test="designer-canvas"] .djs-element').first().waitFor();
    await page.locator('[data-test="designer-problem-summary"]').waitFor({ timeout: 20_000 });

    // then the palette and the properties panel speak Chinese
    expect(await page.locator('.djs-palette .entry[aria-label="创建任务"]').count()).toBe(1);
    await page.locator('[data-test="designer-problems"] .el-tabs__item', { hasText: '外部任务主题' }).click();
    const topics = page.locator('[data-test="designer-problems"] [data-test="designer-topics"]');
    await expect.poll(() => topics.textContent()).toContain('sanitation-assign-crew');
    await topics.getByRole('button', { name: /assign-crew/ }).first().click();
    const properties = page.locator('[data-test="designer-properties"]');
    await expect.poll(() => properties.textContent()).toContain('指派就近作业班组');
    await properties.locator('.bio-properties-panel-group-header', { hasText: '实现' }).click();
    await expect.poll(() => properties.textContent()).toContain('主题');
    expect(await properties.locator('input[name="externalTopic"], #bio-properties-panel-externalTopic').first().inputValue()).toBe('sanitation-assign-crew');
    await screenshot(page, 'designer-bpmn-editor');
    expect(alarms).toEqual([]);
  });

  it('stops a save over a colleague\'s newer revision and offers to load it', async () => {
    // given a draft the designer has open
    const sheji = await ApiClient.signedIn(server.url, 'sheji');
    const shipped = await sheji.get<{ content: string }>('/api/designer/shipped/case-routing.dmn');
    const fileName = `${uniqueKey('routing-conflict')}.dmn`;
    const draft = await sheji.post<Draft>('/api/designer/drafts', { fileName, kind: 'dmn', content: shipped.content });
    await page.goto(`${server.url}/designer/drafts/${draft.id}`);
    await page.locator('.tjs-table').waitFor();

    // when the admin saves revision 2 meanwhile, and the designer then edits a rule's annotation and saves
    const admin = await ApiClient.signedIn(server.url, 'admin');
    await admin.send('PUT', `/api/designer/drafts/${draft.id}`, { content: shipped.content.replace('<decision id="case-routing" name="案件派遣规则"', '<decision id="case-routing" name="案件派遣规则（管理员修订）"'), baseRevision: 1, comment: '管理员修订' });
    await page.locator('.tjs-table tbody tr').first().locator('td').last().click();
    await page.keyboard.type('（待复核）');
    await page.locator('[data-test="designer-dirty"]').waitFor();
    await page.locator('[data-test="designer-save"]').click();

    // then the conflict dialog names the admin and revision 2, and nothing was overwritten
    const dialog = page.locator('[data-test="designer-conflict"]');
    await expect.poll(() => dialog.textContent()).toMatch(/系统管理员.*保存了第 2 版，你的修改基于第 1 版/);
    await screenshot(page, 'designer-conflict');
    expect((await sheji.get<Draft>(`/api/designer/drafts/${draft.id}`)).revision).toBe(2);

    // when they discard their change and load revision 2
    await dialog.locator('[data-test="designer-conflict-reload"]').click();

    // then the editor shows revision 2 with nothing unsaved
    await expect.poll(() => page.locator('[data-test="designer-revision"]').textContent()).toContain('第 2 版');
    await expect.poll(() => page.locator('.dmn-decision-table-container').textContent()).toContain('案件派遣规则（管理员修订）');
    await expect.poll(() => page.locator('[data-test="designer-dirty"]').count()).toBe(0);
    await sheji.raw('DELETE', `/api/designer/drafts/${draft.id}`);
    expect(alarms).toEqual([]);
  });

  it('shows a liaison the 403 page, and the API refuses too', async () => {
    // given a liaison
    const liaison = await signedInContext('huanwei');
    const liaisonPage = await liaison.newPage();

    // when they open the designer and a draft by URL
    await liaisonPage.goto(`${server.url}/designer`);

    // then the 403 page shows, and the API answers 403
    await liaisonPage.waitForURL(/\/403\?from=/);
    await liaisonPage.goto(`${server.url}/designer/drafts/1`);
    await liaisonPage.waitForURL(/\/403\?from=/);
    expect((await liaison.request.get(`${server.url}/api/designer/files`)).status()).toBe(403);
    expect((await liaison.request.post(`${server.url}/api/designer/lint`, { data: { fileName: 'a.bpmn', kind: 'bpmn', content: '<x/>' } })).status()).toBe(403);
    await liaison.close();
  });
});
