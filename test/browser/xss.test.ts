import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../db/seed/demo-data.js';
import { CaseFileEntity } from '../../server/src/modules/cases/index.js';
import { ShopEntity } from '../../server/src/modules/shops/index.js';
import { CaseFlow } from '../e2e/case-flow.js';
import { ApiClient } from '../support/api-client.js';
import { launchChromium, screenshot } from '../support/browser.js';
import { eventually } from '../support/test-env.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** Script payloads; any of them running sets window.__xss, and any inline handler blocked by the CSP is reported. */
const payload = {
  img: '<img src=x onerror="window.__xss=1">',
  script: '<script>window.__xss=1</script>',
  svg: '"><svg onload=window.__xss=1>',
};
const all = `${payload.img}${payload.script}${payload.svg}`;
/** At most 64 characters, the longest display name. */
const hostileName = `${payload.svg}<img src=x onerror=window.__xss=1>`;
/** File names lose everything up to a slash, so these payloads have none. */
const photoNames = [`${payload.img}.png`, `${payload.svg}.png`];
/** A valid 1×1 PNG, a photo the server accepts. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A plain base-map tile with a border, served by a tile server of another origin. */
const tile = '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><rect width="256" height="256" fill="#eef1f5" stroke="#d5dce5"/></svg>';

/** The account the admin creates with a hostile display name; unique per run, because the suite's databases outlive one file. */
const hostile = { username: `xss.${Date.now().toString(36)}`, displayName: hostileName, password: 'Xss2026start!' };

/** Anything that shows a payload was taken for markup: it ran, a dialog opened, the CSP refused something, or the page failed. */
interface Alarm {
  kind: 'xss' | 'csp' | 'dialog' | 'console' | 'pageerror';
  detail: string;
  url: string;
}

let server: TestServer;
let browser: Browser;
let flow: CaseFlow;
let tiles: Server;
let tileRequests = 0;
const alarms: Alarm[] = [];
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  tiles = createServer((_req, res) => {
    tileRequests += 1;
    res.writeHead(200, { 'content-type': 'image/svg+xml' }).end(tile);
  });
  await new Promise<void>((resolve) => tiles.listen(0, '127.0.0.1', resolve));
  const tileUrl = `http://127.0.0.1:${(tiles.address() as AddressInfo).port}/{z}/{x}/{y}.png`;
  server = await startTestServer({ MAP_TILE_URL: tileUrl, TASK_STREAM_POLL_MS: '1000' });
  browser = await launchChromium();
  flow = new CaseFlow(server);
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await browser?.close();
  await server?.stop();
  await new Promise<void>((resolve) => (tiles ? tiles.close(() => resolve()) : resolve()));
});

/**
 * A Chinese 1280×900 browser context that reports every alarm: window.__xss is a trap whose setter reports, CSP
 * violations are reported from the page, and dialogs, console errors and uncaught errors are recorded. Unit grids of
 * the district answer carry payloads as their names, as a hostile geography file would.
 */
async function watchedContext(height = 900): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  contexts.push(context);
  await context.exposeBinding('__alarm', ({ page }, kind: Alarm['kind'], detail: string) => void alarms.push({ kind, detail, url: page.url() }));
  await context.addInitScript(() => {
    const alarm = (window as unknown as { __alarm: (kind: string, detail: string) => void }).__alarm;
    Object.defineProperty(window, '__xss', { configurable: false, get: () => undefined, set: (value) => alarm('xss', String(value)) });
    document.addEventListener('securitypolicyviolation', (e) => alarm('csp', `${e.violatedDirective} blocked ${e.blockedURI || 'inline'}: ${e.sample}`), true);
  });
  await context.route('**/api/geo/district', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { features: Array<{ properties: { level: string; name: string } }> };
    for (const feature of body.features) if (feature.properties.level === 'grid') feature.properties.name = all;
    await route.fulfill({ response, json: body });
  });
  context.on('page', (page) => {
    lastPage = page;
    page.on('dialog', (dialog) => {
      alarms.push({ kind: 'dialog', detail: dialog.message(), url: page.url() });
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => void alarms.push({ kind: 'pageerror', detail: error.message, url: page.url() }));
    page.on('console', (message) => {
      // API answers such as 401 before sign-in, or 404 for a task just completed, are how the app learns state, not faults.
      if (message.type() === 'error' && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) {
        alarms.push({ kind: 'console', detail: message.text(), url: page.url() });
      }
    });
  });
  return context;
}

/** The page a test looked at last, kept as a screenshot when the test fails. */
let lastPage: Page | undefined;

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && lastPage && !lastPage.isClosed()) await screenshot(lastPage, `xss-failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}`);
});

/** A watched page signed in through the API, as the sign-in page would; task pages get a tall window to show in one picture. */
async function signedInPage(username: string, height?: number): Promise<Page> {
  const context = await watchedContext(height);
  const response = await context.request.post(`${server.url}/api/auth/login`, { data: { username, password: demoPassword } });
  expect(response.status()).toBe(200);
  return context.newPage();
}

/** Fails when anything has run, been refused by the CSP, or opened a dialog so far. */
async function expectNoAlarm(page: Page): Promise<void> {
  await page.waitForTimeout(300);
  expect(alarms).toEqual([]);
}

/** Hovers an element and returns the text of the Leaflet tooltip that opens. */
async function leafletTooltipOn(page: Page, target: Locator, at?: { x: number; y: number }): Promise<string> {
  await target.hover({ position: at, force: true });
  const tooltip = page.locator('.leaflet-tooltip').filter({ visible: true }).last();
  await tooltip.waitFor();
  await expectNoAlarm(page);
  return tooltip.innerText();
}

/** Expands every record of the audit table and returns the text of all before/after views. */
async function expandedAuditText(page: Page): Promise<string> {
  const rows = page.locator('[data-test="audit-table"] .el-table__row').filter({ has: page.locator('[data-test="audit-action"]') });
  await rows.first().waitFor();
  // Rows keep their expansion across filters, so the folded ones are clicked until none is left.
  const folded = rows.locator('.el-table__expand-icon:not(.el-table__expand-icon--expanded)');
  await expect
    .poll(async () => {
      if ((await folded.count()) > 0) await folded.first().click();
      return folded.count();
    }, { timeout: 30_000 })
    .toBe(0);
  return (await page.locator('[data-test="audit-table"]').innerText()).replace(/\s+/g, ' ');
}

/** Tall enough for the whole task page in one screenshot, since the app scrolls inside its layout. */
const taskPageHeight = 2000;
const exactly = (text: string) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
const caseRow = (page: Page, caseNo: string) => page.locator(`[data-test="inbox-task"][data-case-no="${caseNo}"]`).first();

/** The case every payload is planted in, shared by the tests below in order. */
let planted: { caseNo: string; processInstanceId: string };

describe('stored script payloads in Chromium, under the Content-Security-Policy', () => {
  it('sends the security headers on the app, a deep link and an API answer, and the app has no inline script', async () => {
    // when the app, a deep link and a JSON answer are fetched
    const responses = await Promise.all(['/', '/inbox', '/api/auth/me'].map((path) => fetch(server.url + path)));

    // then each carries a CSP that allows only our own scripts and the configured tiles, and refuses framing and sniffing
    expect(responses.map((r) => r.status)).toEqual([200, 200, 401]);
    expect(responses[2]!.headers.get('content-type')).toMatch(/^application\/json/);
    const tileOrigin = new URL(server.config.MAP_TILE_URL!.replace(/\{\w\}/g, '0')).origin;
    for (const response of responses) {
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("style-src 'self';");
      expect(csp).not.toMatch(/unsafe-eval/);
      expect(csp).toMatch(/script-src-attr 'none'/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'self'");
      expect(csp).toContain("form-action 'self'");
      expect(csp).toContain(`img-src 'self' data: blob: ${tileOrigin}`);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }

    // and the page loads its scripts from files only
    const html = await responses[0]!.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\/assets\//);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son\w+=/);
  });

  it('shows a display name full of markup as text in the user table, its tooltip, messages and confirmation', async () => {
    // given the admin on the 用户与角色 screen
    const page = await signedInPage('admin');
    await page.goto(`${server.url}/admin/users`);
    await page.locator('[data-test="user-table"] .el-table__row').first().waitFor();

    // when the admin creates a sanitation liaison whose display name is a payload
    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.locator('[data-test="user-form-dialog"]').filter({ visible: true });
    await dialog.getByLabel('用户名').fill(hostile.username);
    await dialog.getByLabel('姓名').fill(hostile.displayName);
    for (const [field, option] of [['department', '环卫'], ['roles', '部门联络员']] as const) {
      await dialog.locator(`[data-test="user-form-${field}"] .el-select__wrapper`).click();
      await page.locator('.el-select-dropdown__item').filter({ visible: true }).filter({ hasText: exactly(option) }).click();
    }
    await dialog.locator('.el-dialog__header').click();
    await dialog.getByLabel('初始密码').fill(hostile.password);
    await dialog.locator('[data-test="user-form-save"]').click();

    // then the success message, the table row and its overflow tooltip show the name as text
    await page.locator('.el-message').getByText(`已创建用户 ${hostile.displayName}`).waitFor();
    const row = page.locator('[data-test="user-table"] .el-table__row').filter({ has: page.locator('[data-test="user-username"]', { hasText: exactly(hostile.username) }) });
    await row.waitFor();
    expect(await row.innerText()).toContain(hostile.displayName);
    await row.getByText(hostile.displayName).hover();
    await page.locator('.el-popper').filter({ visible: true }).getByText(hostile.displayName).waitFor();
    await screenshot(page, 'xss-admin-users');

    // and so does the deactivation question, which the admin declines
    await row.locator('[data-test="user-active"] .el-switch').click();
    const confirm = page.locator('.el-message-box').filter({ visible: true });
    await confirm.getByText(`确定停用 ${hostile.displayName}（${hostile.username}）吗？`, { exact: false }).waitFor();
    await screenshot(page, 'xss-admin-confirm');
    await confirm.getByRole('button', { name: '取消' }).click();
    await expectNoAlarm(page);
  });

  it("shows a case's description, address, photo names, reasons and assignee as text to a colleague, tooltips included", async () => {
    // given a case reported with payloads as description and address, with payload-named photos
    const point = await flow.pointIn('residential');
    const wangge = await flow.as('wangge');
    const { caseNo } = await wangge.post<{ caseNo: string }>('/api/cases', { categoryCode: 'E0102', description: all, address: all, lng: point.lng, lat: point.lat });
    const form = new FormData();
    form.append('stage', 'report');
    for (const name of photoNames) form.append('photos', new Blob([png], { type: 'image/png' }), name);
    await wangge.send('POST', `/api/cases/${caseNo}/photos`, form);
    const { processInstanceId } = await server.dataSource.manager.findOneByOrFail(CaseFileEntity, { caseNo });
    planted = { caseNo, processInstanceId };
    await flow.accept(processInstanceId);

    // and the hostile liaison asks for an extension (refused), suspends it (resumed) and returns it (refused), each with payload reasons
    const liaison = await ApiClient.signedIn(server.url, hostile.username, hostile.password);
    const act = async (path: string, body: object) => {
      const handle = await flow.task(processInstanceId, 'handle');
      await liaison.post(`/api/tasks/${handle.id}/claim`);
      await liaison.post(`/api/tasks/${handle.id}/${path}`, body);
    };
    await act('extension', { days: 3, reason: all });
    await flow.complete(processInstanceId, 'extension-approval', { approved: false, approvalComment: all });
    await act('suspend', { reason: all });
    await flow.complete(processInstanceId, 'suspended', { resumeNote: all });
    await act('return', { reason: all });
    await flow.complete(processInstanceId, 'return-approval', { approved: false, approvalComment: all });
    const handle = await flow.task(processInstanceId, 'handle');
    await liaison.post(`/api/tasks/${handle.id}/claim`);

    // when a colleague opens the inbox, the row shows description, address and assignee as text
    const page = await signedInPage('huanwei', taskPageHeight);
    await page.goto(`${server.url}/inbox?tab=all`);
    const row = caseRow(page, caseNo);
    await row.waitFor({ timeout: 30_000 });
    expect(await row.locator('[data-test="assignee"]').innerText()).toContain(hostile.displayName);
    expect(await row.innerText()).toContain(all);
    await screenshot(page, 'xss-inbox-colleague');

    // and the task page shows them as text, the marker's and the grid's tooltips too
    await row.locator('[data-test="open"]').click();
    await page.locator('[data-test="task-detail"]').waitFor();
    expect(await page.locator('[data-test="assignee"]').innerText()).toContain(hostile.displayName);
    const info = await page.locator('[data-test="case-info"]').innerText();
    expect(info.split(all).length - 1).toBeGreaterThanOrEqual(2);
    expect(await page.locator('[data-test="case-timeline"]').innerText()).toContain(hostile.username);
    const photos = page.locator('[data-test="case-photo"]');
    await expect.poll(() => photos.count()).toBe(2);
    expect(await Promise.all([0, 1].map((i) => photos.nth(i).locator('img').getAttribute('alt')))).toEqual(photoNames);
    await page.locator('[data-test="diagram"] .djs-element').first().waitFor({ state: 'attached' });
    const caseGrid = page.locator('[data-test="map"] path.leaflet-interactive[fill="#409eff"]');
    const box = (await caseGrid.boundingBox())!;
    expect(await leafletTooltipOn(page, caseGrid, { x: box.width * 0.8, y: box.height * 0.5 })).toBe(all);
    expect(await leafletTooltipOn(page, page.locator('[data-test="map"] path.leaflet-interactive[fill="#f56c6c"]'))).toBe(all);
    expect(tileRequests).toBeGreaterThan(0);
    await screenshot(page, 'xss-task-page-colleague');
    await expectNoAlarm(page);
  });

  it('shows a comment, an uploaded photo name and handling results as text to the liaison who signs in and handles the case', async () => {
    // given the hostile liaison signing in on the sign-in page
    const context = await watchedContext(taskPageHeight);
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByLabel('用户名').fill(hostile.username);
    await page.getByLabel('密码').fill(hostile.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/inbox/);
    expect(await page.locator('header').innerText()).toContain(hostile.displayName);

    // when the liaison opens the task, comments, uploads a photo and fills the form with payloads
    await caseRow(page, planted.caseNo).locator('[data-test="open"]').click();
    await page.locator('[data-test="task-detail"]').waitFor();
    await page.locator('textarea[data-test="comment-body"]').fill(all);
    await page.locator('[data-test="comment-submit"]').click();
    await page.locator('[data-test="comment"]').filter({ hasText: all }).waitFor();
    await page.locator('[data-test="photo-upload"] input[type="file"]').setInputFiles({ name: `${payload.img}.webp.png`, mimeType: 'image/png', buffer: png });
    await page.locator('.el-message').getByText(`${payload.img}.webp.png`, { exact: false }).waitFor();
    await expect.poll(() => page.locator('[data-test="case-photo"]').count()).toBe(3);
    const fields = page.locator('[data-test="task-form"] textarea');
    await fields.nth(0).fill(all);
    await fields.nth(1).fill(all);
    const comment = await page.locator('[data-test="comment"]').filter({ hasText: all }).innerText();
    expect(comment).toContain(hostile.displayName);
    expect(await leafletTooltipOn(page, page.locator('[data-test="map"] path.leaflet-interactive[fill="#f56c6c"]'))).toBe(all);
    await screenshot(page, 'xss-task-page-liaison');
    await expectNoAlarm(page);

    // then completing it brings the liaison back to the inbox
    await page.locator('[data-test="complete"]').click();
    await page.waitForURL(/\/inbox\/?(\?.*)?$/);

    // and the inspector's verification page shows the handling results in the timeline as text
    const verify = await flow.task(planted.processInstanceId, 'verify');
    const inspector = (await server.engine.identityLinks(verify.id)).find((l) => l.type === 'candidate' && l.userId)!.userId!;
    const inspectorPage = await signedInPage(inspector, taskPageHeight);
    await inspectorPage.goto(`${server.url}/inbox/tasks/${verify.id}`);
    const timeline = inspectorPage.locator('[data-test="case-timeline"]');
    await timeline.waitFor();
    await expect.poll(async () => (await timeline.innerText()).split(all).length - 1, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    await screenshot(inspectorPage, 'xss-task-page-inspector');
    await expectNoAlarm(inspectorPage);

    // and the status page shows the liaison's name in the header as text
    await page.goto(`${server.url}/status`);
    await page.getByText('case-closed-loop.bpmn').waitFor();
    expect(await page.locator('header').innerText()).toContain(hostile.displayName);
    await expectNoAlarm(page);
  });

  it("shows the payloads as text in the audit log's before/after views", async () => {
    // given the admin on the 审计日志 screen
    const page = await signedInPage('admin');
    await page.goto(`${server.url}/admin/audit`);

    // when filtered to the hostile liaison's actions and every record is expanded
    await page.getByLabel('操作人').fill(hostile.username);
    await expect.poll(async () => page.locator('[data-test="audit-action"]').allInnerTexts(), { timeout: 15_000 }).toContain('case.photo-upload');
    const actions = await expandedAuditText(page);

    // then reasons, comment, photo name and handling results show as text
    expect(actions).toContain(all);
    expect(actions).toContain(`${payload.img}.webp.png`);
    await screenshot(page, 'xss-audit-liaison');

    // and so do the case's report and its creator's display name
    await page.getByLabel('操作人').fill('');
    await page.getByLabel('对象编号').fill(planted.caseNo);
    await expect.poll(async () => page.locator('[data-test="audit-action"]').allInnerTexts(), { timeout: 15_000 }).toContain('case.create');
    expect(await expandedAuditText(page)).toContain(all);
    await page.getByLabel('对象编号').fill(hostile.username);
    await expect.poll(async () => page.locator('[data-test="audit-action"]').allInnerTexts(), { timeout: 15_000 }).toContain('user.create');
    expect(await expandedAuditText(page)).toContain(hostile.displayName);
    await screenshot(page, 'xss-audit-user');
    await expectNoAlarm(page);
  });
});

/** Beijing wall time "YYYY-MM-DDTHH:mm" of the whole minute at least `seconds` from now. */
function beijingWallIn(seconds: number): string {
  const at = Math.ceil((Date.now() + seconds * 1000) / 60_000) * 60_000;
  return new Date(at + 8 * 3_600_000).toISOString().slice(0, 16);
}

/** Claims and completes the open task of an operation's step as a demo user, as the inbox would. */
async function completeStep(ref: string, taskDefinitionKey: string, username: string, values: Record<string, unknown>): Promise<void> {
  const task = await eventually(async () => (await server.engine.tasks({ processInstanceBusinessKey: ref, taskDefinitionKey }))[0], { what: `${taskDefinitionKey} of ${ref}`, timeoutMs: 200_000 });
  const api = await ApiClient.signedIn(server.url, username);
  await api.post(`/api/tasks/${task.id}/claim`);
  await api.post(`/api/tasks/${task.id}/complete`, { values });
}

describe("payloads in joint operations and shop files, in the coordinator's console", () => {
  /** The operation and the shop every payload is planted in, shared by the tests below in order. */
  let operationRef = '';
  let shopId = 0;

  it('plants payloads in a shop, an operation plan, a finding against that shop and the wrap-up', { timeout: 300_000 }, async () => {
    // given a shop whose name, address, person and duties are payloads, in a grid of the district
    const point = await flow.pointIn('commercial');
    const shop = await server.dataSource.manager.insert(ShopEntity, {
      name: all,
      licenceNo: null,
      licenceStatus: 'none',
      businessScope: all,
      responsiblePerson: hostileName,
      phone: '13800000000',
      address: all,
      lng: point.lng,
      lat: point.lat,
      gridCode: point.gridCode,
      creditPoints: 1000,
      creditGrade: 'A',
      storefrontDuties: { cleanliness: all, greenery: all, order: all },
      createdAt: new Date(),
    });
    shopId = Number(shop.identifiers[0]!.id);

    // and an operation whose title, target, tasks and briefing place are payloads, approved and confirmed, starting soon
    const startsAt = beijingWallIn(45);
    const xietiao = await ApiClient.signedIn(server.url, 'xietiao');
    ({ ref: operationRef } = await xietiao.post<{ ref: string }>('/api/operations', {
      title: all,
      target: all,
      targetCategoryCode: 'E0503',
      gridCodes: [point.gridCode],
      schedule: { startsAt, endsAt: beijingWallIn(7200), recurrence: { kind: 'once' } },
      leadDepartment: 'urban-management',
      participants: [{ departmentCode: 'urban-management', tasks: all }],
      confirmBy: startsAt,
      briefing: { at: startsAt, place: all },
      majorEvent: false,
    }));
    await completeStep(operationRef, 'approve-plan', 'zhihui', { approved: true, approvalComment: all });
    await completeStep(operationRef, 'confirm-resources', 'chengguan', { people: 4, vehicles: 1 });

    // when execution starts, urban management records a finding against the shop with a payload description
    const chengguan = await ApiClient.signedIn(server.url, 'chengguan');
    await eventually(async () => (await chengguan.get<{ status: string }>(`/api/operations/${operationRef}`)).status === 'executing' || undefined, { what: 'execution to start', timeoutMs: 200_000 });
    await chengguan.post(`/api/operations/${operationRef}/findings`, { description: all, lng: point.lng, lat: point.lat, shopId, violationType: 'outside-store', severity: 'minor', correctedOnSpot: true });

    // and the wrap-up is written with payloads
    await completeStep(operationRef, 'execute', 'chengguan', { executionNote: all });
    await completeStep(operationRef, 'wrap-up', 'chengguan', { summaryText: all });
    await eventually(async () => (await xietiao.get<{ summaryText: string | null }>(`/api/operations/${operationRef}/report`)).summaryText === all || undefined, { what: 'the wrap-up in the report' });
  });

  it('shows the payloads as text in the operations list, on the board and in its tooltips', async () => {
    // given the coordinator on the operations list
    const page = await signedInPage('xietiao', 1600);
    await page.goto(`${server.url}/operations`);

    // then the row shows the title as text
    const row = page.locator(`[data-test="operation-row"][data-ref="${operationRef}"]`);
    await row.waitFor({ timeout: 30_000 });
    expect(await row.innerText()).toContain(all);
    await screenshot(page, 'xss-operations-list');
    await expectNoAlarm(page);

    // and the board shows title, target, tasks, finding, shop and timeline as text, and the grid tooltip too
    await page.goto(`${server.url}/operations/${operationRef}`);
    await page.locator('[data-test="operation-title"]').waitFor();
    expect(await page.locator('[data-test="operation-title"]').innerText()).toBe(all);
    expect(await page.locator('[data-test="plan-summary"]').innerText()).toContain(all);
    expect(await page.locator('[data-test="participants-board"]').innerText()).toContain(all);
    const finding = page.locator('[data-test="finding-row"]');
    await finding.waitFor();
    expect((await finding.innerText()).split(all).length - 1).toBeGreaterThanOrEqual(2);
    await expect.poll(async () => (await page.locator('[data-test="operation-timeline"]').innerText()).includes(all)).toBe(true);
    expect(await leafletTooltipOn(page, page.locator('[data-test="area-map"] path.leaflet-interactive[fill="#e6a23c"]').first())).toContain(all);
    await screenshot(page, 'xss-operation-board');
    await expectNoAlarm(page);
  });

  it('shows the payloads as text in the report, on screen and in print', async () => {
    const page = await signedInPage('xietiao', 1600);
    await page.goto(`${server.url}/operations/${operationRef}/report`);
    const report = page.locator('[data-test="operation-report"]');
    await report.waitFor();
    await page.locator('[data-test="report-summary"]').waitFor();

    const text = await report.innerText();
    expect(text.split(all).length - 1).toBeGreaterThanOrEqual(4);
    await screenshot(page, 'xss-operation-report');
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ format: 'A4', printBackground: true });
    await expectNoAlarm(page);
  });

  it('shows a shop name full of markup as text in the shop list, its map tooltip and the shop file', async () => {
    // given the coordinator searching the shop list for the planted shop
    const page = await signedInPage('xietiao', 1500);
    await page.goto(`${server.url}/shops`);
    await page.locator('[data-test="shop-table"] .el-table__row').first().waitFor();
    await page.getByPlaceholder('搜索店名、执照号或负责人').fill('onerror');

    // then its row and its marker's tooltip show the name as text
    const rows = page.locator('[data-test="shop-table"] .el-table__row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain(all);
    expect(await rows.first().innerText()).toContain(hostileName);
    expect(await leafletTooltipOn(page, page.locator('[data-test="shop-map"] path.leaflet-interactive').first())).toContain(all);
    await screenshot(page, 'xss-shops-list');
    await expectNoAlarm(page);

    // and its file shows name, address, person, duties and the violation from the operation as text
    await page.locator('[data-test="shop-link"]').first().click();
    await page.waitForURL(new RegExp(`/shops/${shopId}$`));
    await expect.poll(() => page.locator('[data-test="shop-name"]').innerText()).toBe(all);
    const file = await page.locator('.shop-file-view').innerText();
    expect(file.split(all).length - 1).toBeGreaterThanOrEqual(4);
    expect(file).toContain(hostileName);
    await expect.poll(() => page.locator('[data-test="shop-violations"] .el-table__row').count()).toBe(1);
    await screenshot(page, 'xss-shop-file');
    await expectNoAlarm(page);
  });
});
