import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../db/seed/demo-data.js';
import type { Task } from '../../server/src/engine/index.js';
import { CaseFileEntity } from '../../server/src/modules/cases/index.js';
import type { RunningServer } from '../../server/src/server.js';
import { CaseFlow } from '../e2e/case-flow.js';
import { ApiClient } from '../support/api-client.js';
import { artifactsDir, launchChromium, screenshot } from '../support/browser.js';
import { eventually } from '../support/test-env.js';
import { startTestServer } from '../support/test-server.js';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ TASK_STREAM_POLL_MS: '1000' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A browser context signed in as the user, in Beijing time; console errors and failed scripts are collected. */
async function signedInPage(username: string, viewport = { width: 1366, height: 900 }): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const response = await context.request.post(`${server.url}/api/auth/login`, { data: { username, password: demoPassword } });
  expect(response.status()).toBe(200);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().includes('status of 4')) errors.push(message.text());
  });
  return { context, page, errors };
}

/** A Beijing date `days` from today, "YYYY-MM-DD". */
function beijingDate(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** Beijing wall time "YYYY-MM-DDTHH:mm" of the whole minute at least `seconds` from now. */
function beijingWallIn(seconds: number): string {
  const at = Math.ceil((Date.now() + seconds * 1000) / 60_000) * 60_000;
  return new Date(at + 8 * 3_600_000).toISOString().slice(0, 16);
}

/** Picks an option of an Element Plus select by its text. */
async function choose(page: Page, select: string, option: string): Promise<void> {
  await page.locator(select).click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click();
}

/** Waits for the single open user task of an operation's step in the engine. */
function taskOf(ref: string, taskDefinitionKey: string): Promise<Task> {
  return eventually(async () => (await server.engine.tasks({ processInstanceBusinessKey: ref, taskDefinitionKey }))[0], { what: `${taskDefinitionKey} of ${ref}` });
}

/** The open task of a step that belongs to one department (its candidate group). */
function departmentTaskOf(ref: string, taskDefinitionKey: string, departmentCode: string): Promise<Task> {
  return eventually(async () => {
    for (const task of await server.engine.tasks({ processInstanceBusinessKey: ref, taskDefinitionKey })) {
      if ((await server.engine.identityLinks(task.id)).some((link) => link.type === 'candidate' && link.groupId === departmentCode)) return task;
    }
    return undefined;
  }, { what: `${taskDefinitionKey} of ${departmentCode} in ${ref}` });
}

/** The size of a PNG and the share of its pixels that are not near-white, measured on a canvas in Chromium. */
async function inkOf(file: string): Promise<{ width: number; height: number; share: number }> {
  const page = await browser.newPage();
  const dataUrl = `data:image/png;base64,${readFileSync(file).toString('base64')}`;
  const ink = await page.evaluate(async (src) => {
    const image = new Image();
    image.src = src;
    await image.decode();
    const canvas = document.createElement('canvas');
    Object.assign(canvas, { width: image.naturalWidth, height: image.naturalHeight });
    const g = canvas.getContext('2d')!;
    g.drawImage(image, 0, 0);
    const { data } = g.getImageData(0, 0, canvas.width, canvas.height);
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200) inked += 1;
    return { width: canvas.width, height: canvas.height, share: inked / (canvas.width * canvas.height) };
  }, dataUrl);
  await page.close();
  return ink;
}

/** Claims and completes a task through the API as a demo user, as the inbox would. */
async function completeAs(username: string, task: Task, values: Record<string, unknown>): Promise<void> {
  const api = await ApiClient.signedIn(server.url, username);
  await api.post(`/api/tasks/${task.id}/claim`);
  await api.post(`/api/tasks/${task.id}/complete`, { values });
}

describe("the coordinator's console in Chromium", () => {
  let ref = '';

  it('lets the coordinator plan an operation of three departments on the map, and shows it pending approval', async () => {
    // given the coordinator on the operations page
    const { context, page, errors } = await signedInPage('xietiao', { width: 1366, height: 2600 });
    await page.goto(`${server.url}/operations`);
    await page.locator('[data-test="new-operation"]').click();
    await page.locator('[data-test="grid-picker-map"] .leaflet-interactive').first().waitFor();

    // when the plan is filled in: target, three grids, the day after tomorrow, three departments with their tasks
    await page.locator('input[data-test="plan-title"]').fill('青禾菜市场周边占道经营联合整治');
    await choose(page, '[data-test="plan-category"]', '占道经营');
    expect(await page.locator('input[data-test="plan-target"]').inputValue()).toBe('占道经营');
    const map = (await page.locator('[data-test="grid-picker-map"]').boundingBox())!;
    for (const dx of [-40, 0, 40]) await page.mouse.click(map.x + map.width / 2 + dx, map.y + map.height / 2);
    await page.getByText('已选 3 个单元网格').waitFor();
    const date = beijingDate(2);
    await page.locator('[data-test="schedule-date"] input').fill(date);
    await page.locator('[data-test="schedule-date"] input').press('Enter');
    const departments = [
      ['城管执法', '清理占道摊点，暂扣经营工具'],
      ['公安', '维持现场秩序，处置妨碍执法行为'],
      ['市场监管', '核查营业执照，查处无照经营'],
    ] as const;
    for (const [index, [name, tasks]] of departments.entries()) {
      await page.locator('[data-test="participant-add"]').click();
      await choose(page, `[data-test="participant-${index}"] [data-test="participant-department"]`, name);
      await page.locator(`[data-test="participant-${index}"] textarea`).fill(tasks);
    }
    await page.locator('[data-test="lead-department"] .el-radio', { hasText: '城管执法' }).click();
    await page.locator('input[data-test="plan-briefing-place"]').fill('青禾街道办事处三楼会议室');
    expect(await page.locator('[data-test="plan-confirm-by"] input').inputValue()).toBe(`${beijingDate(1)} 17:00`);
    await screenshot(page, 'operations-plan-editor');

    // and submitted for approval
    await page.locator('[data-test="plan-submit"]').click();

    // then the board of the new operation opens, pending approval, with its three departments
    await page.waitForURL(/\/operations\/JO-\d{4}-\d{4,}$/);
    ref = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    await page.locator('[data-test="operation-status"][data-status="pending-approval"]').waitFor();
    // the area's three grids are highlighted on the map
    await page.locator('[data-test="area-map"] path.leaflet-interactive[fill="#e6a23c"]').first().waitFor();
    expect(await page.locator('[data-test="area-map"] path.leaflet-interactive[fill="#e6a23c"]').count()).toBe(3);
    expect(await page.locator('[data-test="participant-card"]').count()).toBe(3);
    expect(await page.locator('[data-test="operation-title"]').innerText()).toBe('青禾菜市场周边占道经营联合整治');
    const detail = await (await ApiClient.signedIn(server.url, 'xietiao')).get(`/api/operations/${ref}`);
    expect(detail.plan.gridCodes).toHaveLength(3);
    expect(detail.plan.schedule).toEqual({ startsAt: `${date}T08:30`, endsAt: `${date}T11:30`, recurrence: { kind: 'once' } });
    expect(detail.plan.participants.map((p: { departmentCode: string }) => p.departmentCode)).toEqual(['urban-management', 'public-security', 'commerce']);
    expect(detail.leadDepartment).toBe('urban-management');
    await screenshot(page, 'operations-board-pending');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the approval and each confirmation on the open board without a reload', async () => {
    // given the board open in the coordinator's browser
    const { context, page, errors } = await signedInPage('xietiao', { width: 1366, height: 1600 });
    await page.goto(`${server.url}/operations/${ref}`);
    await page.locator('[data-test="operation-status"][data-status="pending-approval"]').waitFor();

    // when the command centre approves it through its inbox task
    await completeAs('zhihui', await taskOf(ref, 'approve-plan'), { approved: true, approvalComment: '同意，注意现场安全' });

    // then the board moves to confirmation, every department waiting
    await page.locator('[data-test="operation-status"][data-status="confirming"]').waitFor({ timeout: 30_000 });
    await eventually(async () => (await page.locator('[data-test="participant-status"][data-status="waiting"]').count()) === 3 || undefined, { what: 'three departments waiting' });

    // and when urban management confirms 8 people and 2 vehicles, its card turns confirmed, still without a reload
    const confirm = await eventually(async () => {
      const tasks = await server.engine.tasks({ processInstanceBusinessKey: ref, taskDefinitionKey: 'confirm-resources' });
      for (const task of tasks) {
        const links = await server.engine.identityLinks(task.id);
        if (links.some((link) => link.groupId === 'urban-management')) return task;
      }
      return undefined;
    }, { what: "urban management's confirmation task" });
    await completeAs('chengguan', confirm, { people: 8, vehicles: 2 });
    const card = page.locator('[data-test="participant-card"][data-department="urban-management"]');
    await card.locator('[data-test="participant-status"][data-status="confirmed"]').waitFor({ timeout: 30_000 });
    expect(await card.innerText()).toContain('8 人 · 2 车');
    await page.locator('[data-test="operation-timeline"]').getByText('审批通过').first().waitFor();
    await screenshot(page, 'operations-board-confirming');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lists the operation and puts it in the calendar on its day', async () => {
    const { context, page, errors } = await signedInPage('xietiao');
    await page.goto(`${server.url}/operations`);
    await page.locator(`[data-test="operation-row"][data-ref="${ref}"]`).waitFor();
    await screenshot(page, 'operations-list');

    await page.goto(`${server.url}/operations?view=calendar&date=${beijingDate(2)}&mode=week`);
    const item = page.locator(`.operations-calendar__day[data-date="${beijingDate(2)}"] [data-test="calendar-item"][data-ref="${ref}"]`);
    await item.waitFor();
    expect(await item.innerText()).toContain('08:30');
    await screenshot(page, 'operations-calendar-week');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a taking-part liaison the operation, and hides it from a department that does not take part', async () => {
    // urban management sees it in its list
    const urban = await signedInPage('chengguan');
    await urban.page.goto(`${server.url}/operations`);
    await urban.page.locator(`[data-test="operation-row"][data-ref="${ref}"]`).waitFor();
    await urban.context.close();

    // sanitation does not, not even by its address
    const sanitation = await signedInPage('huanwei');
    await sanitation.page.goto(`${server.url}/operations`);
    await sanitation.page.locator('[data-test="operations-table"]').waitFor();
    await sanitation.page.waitForLoadState('networkidle');
    expect(await sanitation.page.locator(`[data-test="operation-row"][data-ref="${ref}"]`).count()).toBe(0);
    await sanitation.page.goto(`${server.url}/operations/${ref}`);
    await sanitation.page.locator('[data-test="operation-not-found"]').waitFor();
    expect(await sanitation.page.locator('body').innerText()).not.toContain('青禾菜市场周边占道经营联合整治');
    await sanitation.context.close();
  });
});

describe('a plan sent back', () => {
  it('shows the reason on the board, and lets the coordinator change the plan and submit it again', { timeout: 120_000 }, async () => {
    // given a plan the command centre sent back with a reason
    const xietiao = await ApiClient.signedIn(server.url, 'xietiao');
    const date = beijingDate(3);
    const { ref } = await xietiao.post<{ ref: string }>('/api/operations', {
      title: '稻香路夜市整治',
      target: '露天烧烤',
      targetCategoryCode: null,
      gridCodes: ['QH-01-01-0002', 'QH-01-01-0003'],
      schedule: { startsAt: `${date}T19:00`, endsAt: `${date}T22:00`, recurrence: { kind: 'once' } },
      leadDepartment: 'urban-management',
      participants: [
        { departmentCode: 'urban-management', tasks: '取缔露天烧烤' },
        { departmentCode: 'sanitation', tasks: '清理油污和垃圾' },
      ],
      confirmBy: `${date}T12:00`,
      briefing: { at: `${date}T18:30`, place: '稻香社区居委会' },
      majorEvent: false,
    });
    await completeAs('zhihui', await taskOf(ref, 'approve-plan'), { approved: false, returnReason: '请增加市场监管部门，核查无照经营' });

    // when the coordinator opens the board, sees the reason and changes the plan
    const { context, page, errors } = await signedInPage('xietiao', { width: 1366, height: 2400 });
    await page.goto(`${server.url}/operations/${ref}`);
    await page.locator('[data-test="operation-status"][data-status="returned"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-test="return-reason"]').innerText()).toContain('请增加市场监管部门');
    await page.locator('[data-test="edit-plan"]').click();
    await page.locator('[data-test="plan-form"]').waitFor();
    expect(await page.locator('input[data-test="plan-title"]').inputValue()).toBe('稻香路夜市整治');
    expect(await page.locator('[data-test="schedule-kind"]').count()).toBe(0);
    await page.locator('[data-test="participant-add"]').click();
    await choose(page, '[data-test="participant-2"] [data-test="participant-department"]', '市场监管');
    await page.locator('[data-test="participant-2"] textarea').fill('核查无照经营');
    await page.locator('[data-test="plan-revision-note"] textarea').fill('已按要求增加市场监管部门');
    await screenshot(page, 'operations-plan-revise');
    await page.locator('[data-test="plan-submit"]').click();

    // then the board shows it pending approval again, with three departments and the change in its timeline
    await page.waitForURL(new RegExp(`/operations/${ref}$`));
    await page.locator('[data-test="operation-status"][data-status="pending-approval"]').waitFor({ timeout: 30_000 });
    await eventually(async () => (await page.locator('[data-test="participant-card"]').count()) === 3 || undefined, { what: 'three departments' });
    await page.locator('[data-test="operation-timeline"]').getByText('已按要求增加市场监管部门').first().waitFor();
    await screenshot(page, 'operations-board-resubmitted');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the live board during execution, and the report', () => {
  const liaisons = { 'urban-management': 'chengguan', 'public-security': 'gongan', commerce: 'shichang' } as const;
  let ref = '';

  it('shows findings of three liaisons on the open board as they are recorded, without a reload', { timeout: 300_000 }, async () => {
    // given an approved operation around 禾丰商业街 starting within two minutes, confirmed by its three departments
    const xietiao = await ApiClient.signedIn(server.url, 'xietiao');
    const startsAt = beijingWallIn(45);
    const created = await xietiao.post<{ ref: string }>('/api/operations', {
      title: '禾丰商业街店外经营联合整治',
      target: '店外经营',
      targetCategoryCode: 'E0501',
      gridCodes: ['QH-01-02-0045', 'QH-01-02-0050', 'QH-01-02-0040'],
      schedule: { startsAt, endsAt: beijingWallIn(7200), recurrence: { kind: 'once' } },
      leadDepartment: 'urban-management',
      participants: [
        { departmentCode: 'urban-management', tasks: '清理店外经营，责令改正' },
        { departmentCode: 'public-security', tasks: '维持现场秩序' },
        { departmentCode: 'commerce', tasks: '核查营业执照和违法记录' },
      ],
      confirmBy: startsAt,
      briefing: { at: startsAt, place: '禾丰社区居委会' },
      majorEvent: false,
    });
    ref = created.ref;
    await completeAs('zhihui', await taskOf(ref, 'approve-plan'), { approved: true });
    for (const [department, username] of Object.entries(liaisons)) {
      await completeAs(username, await departmentTaskOf(ref, 'confirm-resources', department), { people: 4, vehicles: 1 });
    }

    // and the coordinator's board open when execution starts
    const coordinator = await signedInPage('xietiao', { width: 1366, height: 1700 });
    await coordinator.page.goto(`${server.url}/operations/${ref}`);
    await coordinator.page.locator('[data-test="operation-status"][data-status="executing"]').waitFor({ timeout: 200_000 });

    // when each liaison records a finding on the board in their own browser
    async function clickMap(page: Page, dx: number, dy: number): Promise<void> {
      const box = (await page.locator('.operations-area-map__canvas.is-pickable').boundingBox())!;
      await page.mouse.click(box.x + box.width / 2 + dx, box.y + box.height / 2 + dy);
    }
    async function record(username: string, fill: (page: Page) => Promise<void>): Promise<void> {
      const { context, page, errors } = await signedInPage(username, { width: 1366, height: 1200 });
      await page.goto(`${server.url}/operations/${ref}`);
      await page.locator('[data-test="record-finding"]').click();
      await page.locator('.operations-area-map__canvas.is-pickable .leaflet-interactive').first().waitFor({ state: 'attached' });
      await fill(page);
      await page.locator('[data-test="finding-save"]').click();
      await page.locator('[data-test="finding-dialog"]').waitFor({ state: 'hidden' });
      expect(errors).toEqual([]);
      await context.close();
    }
    await record('chengguan', async (page) => {
      await page.locator('textarea[data-test="finding-description"]').fill('鲜果园水果店在店外摆放货架约2米');
      await page.locator('[data-test="finding-shop"]').click();
      await page.keyboard.type('鲜果园');
      await page.locator('.el-select-dropdown__item:visible', { hasText: '鲜果园水果店' }).click();
      await choose(page, '[data-test="finding-violation-type"]', '店外经营');
      await page.locator('[data-test="finding-corrected"]').click();
      const photo = await page.evaluate(() => {
        const canvas = document.createElement('canvas');
        Object.assign(canvas, { width: 480, height: 320 });
        const g = canvas.getContext('2d')!;
        g.fillStyle = '#6b8e23';
        g.fillRect(0, 0, 480, 320);
        g.fillStyle = '#fff';
        g.font = '32px sans-serif';
        g.fillText('店外摆放货架（现场照片）', 40, 170);
        return canvas.toDataURL('image/png').split(',')[1]!;
      });
      await page.locator('input[data-test="finding-photos"]').setInputFiles({ name: 'scene.png', mimeType: 'image/png', buffer: Buffer.from(photo, 'base64') });
      await screenshot(page, 'operations-finding-dialog');
    });
    await record('gongan', async (page) => {
      await page.locator('textarea[data-test="finding-description"]').fill('劝离围观人员，现场秩序正常');
      await clickMap(page, 12, 55);
    });
    await record('shichang', async (page) => {
      await page.locator('textarea[data-test="finding-description"]').fill('摊点撤离后遗留暴露垃圾，需环卫清运');
      await clickMap(page, -12, -60);
      await page.locator('[data-test="finding-file-case"]').click();
      await choose(page, '[data-test="finding-case-category"]', '暴露垃圾');
    });

    // then the coordinator's board shows all three, marked new, with the counts and the case, without a reload
    const board = coordinator.page;
    await eventually(async () => (await board.locator('[data-test="finding-row"]').count()) === 3 || undefined, { what: 'three findings on the board' });
    expect(await board.locator('[data-test="finding-row"].is-fresh').count()).toBe(3);
    expect(await board.locator('[data-test="counts-total"]').innerText()).toBe('3');
    const shopRow = board.locator('[data-test="finding-row"]', { hasText: '鲜果园水果店' });
    expect(await shopRow.innerText()).toMatch(/责令改正|警告|罚款|暂扣|教育劝导/);
    await board.locator('[data-test="finding-case"]').waitFor();
    await board.locator('[data-test="area-map"] path.leaflet-interactive[fill="#16a34a"]').first().waitFor({ state: 'attached' });
    await screenshot(board, 'operations-board-findings');
    expect(coordinator.errors).toEqual([]);
    await coordinator.context.close();
  });

  it("sends the finding's case to the sanitation liaison's inbox", { timeout: 120_000 }, async () => {
    // given the case filed from the commerce finding
    const detail = await (await ApiClient.signedIn(server.url, 'xietiao')).get(`/api/operations/${ref}`);
    const caseNo: string = detail.findings.find((finding: { caseNo: string | null }) => finding.caseNo).caseNo;
    const caseFile = await server.dataSource.manager.findOneByOrFail(CaseFileEntity, { caseNo });
    expect(caseFile.source).toBe('joint-enforcement');

    // when the command centre accepts it
    const flow = new CaseFlow(server);
    await flow.accept(caseFile.processInstanceId);

    // then it waits in sanitation's inbox
    const { context, page } = await signedInPage('huanwei');
    await page.goto(`${server.url}/inbox`);
    await page.locator(`[data-test="inbox-task"][data-case-no="${caseNo}"]`).first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'operations-case-in-sanitation-inbox');

    // and its page says where it came from, linking back to the operation
    await page.locator(`[data-test="inbox-task"][data-case-no="${caseNo}"] [data-test="open"]`).first().click();
    const source = page.locator('[data-test="case-source"]');
    await source.waitFor();
    expect(await source.innerText()).toBe(`联合执法 ${ref}`);
    expect(await source.locator('[data-test="case-source-link"]').getAttribute('href')).toBe(`/operations/${ref}`);
    await screenshot(page, 'operations-case-source');
    await context.close();
  });

  it('generates the report from the records after the wrap-up, and prints it to PDF', { timeout: 180_000 }, async () => {
    // given every department done and the lead department's wrap-up written
    for (const [department, username] of Object.entries(liaisons)) {
      await completeAs(username, await departmentTaskOf(ref, 'execute', department), { executionNote: '已按分工完成' });
    }
    await completeAs('chengguan', await taskOf(ref, 'wrap-up'), { summaryText: '本次行动出动 12 人、3 车，整治店外经营 1 处，清运垃圾 1 处。\n下一步：对责令改正的商户回头看。' });

    // when the coordinator opens the report
    const { context, page, errors } = await signedInPage('xietiao', { width: 1100, height: 1600 });
    await eventually(async () => ['wrap-up', 'follow-up', 'finished'].includes((await (await ApiClient.signedIn(server.url, 'xietiao')).get(`/api/operations/${ref}`)).status) || undefined, { what: 'the report' });
    await page.goto(`${server.url}/operations/${ref}/report`);
    await page.locator('[data-test="report-summary"]').waitFor();

    // then it shows the counts, the findings and the case with its live status, and prints without the app around it
    const text = await page.locator('[data-test="operation-report"]').innerText();
    expect(text).toContain('禾丰商业街店外经营联合整治');
    expect(text).toContain('鲜果园水果店');
    expect(await page.locator('[data-test="report-cases"] tbody tr').count()).toBe(1);
    const photo = page.locator('.operations-findings-table__photos img').first();
    await eventually(async () => (await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)) === 480 || undefined, { what: 'the photo in the report' });
    await screenshot(page, 'operations-report');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.locator('[data-test="print-report"]').isVisible()).toBe(false);
    const pdf = path.join(artifactsDir, 'operations-report.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(errors).toEqual([]);
    await context.close();

    // and the PDF holds the report's text, and its first page, rendered as an image, is a page of print, not blank
    const pdfText = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(pdfText).toContain('禾丰商业街店外经营联合整治');
    expect(pdfText).toContain('鲜果园水果店');
    expect(pdfText).toContain('摊点撤离后遗留暴露垃圾');
    const png = path.join(artifactsDir, 'operations-report-pdf');
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, png]);
    const ink = await inkOf(`${png}.png`);
    expect(ink.width).toBeGreaterThan(600);
    expect(ink.height).toBeGreaterThan(ink.width);
    expect(ink.share).toBeGreaterThan(0.01);
    expect(ink.share).toBeLessThan(0.6);
  });
});
