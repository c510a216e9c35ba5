import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { In } from 'typeorm';
import { demoPassword } from '../../db/seed/demo-data.js';
import type { PatrolPlanDetail, PatrolRunDetail } from '../../server/src/contracts/patrols.js';
import { CaseFileEntity } from '../../server/src/modules/cases/index.js';
import { UnitGridEntity, type UnitGrid } from '../../server/src/modules/grids/index.js';
import { centreOf } from '../../server/src/modules/patrols/test-support.js';
import type { RunningServer } from '../../server/src/server.js';
import { PatrolFlow } from '../e2e/joint-patrol-flow.js';
import { launchChromium, screenshot } from '../support/browser.js';
import { eventually } from '../support/test-env.js';
import { startTestServer } from '../support/test-server.js';

let server: RunningServer;
let browser: Browser;
let flow: PatrolFlow;

beforeAll(async () => {
  server = await startTestServer({ TASK_STREAM_POLL_MS: '1000' });
  browser = await launchChromium();
  flow = new PatrolFlow(server);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A plan title and a finding with markup that must show as text: no script runs, no dialog opens. */
const titlePayload = '夜市联合巡查<img src=x onerror="window.__xss=1">';
const findingPayload = '垃圾桶满溢<script>window.__xss=2</script><img src=x onerror=alert(2)>';

interface SignedIn {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors, console errors (other than failed 4xx requests) and dialogs, which must stay empty. */
  errors: string[];
}

/** A browser context signed in as the user, in Beijing time, optionally standing at a point (the browser's position). */
async function signedInPage(username: string, options: { height?: number; at?: { lng: number; lat: number } } = {}): Promise<SignedIn> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: options.height ?? 1400 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...(options.at ? { geolocation: { longitude: options.at.lng, latitude: options.at.lat, accuracy: 5 }, permissions: ['geolocation'] } : {}),
  });
  const response = await context.request.post(`${server.url}/api/auth/login`, { data: { username, password: demoPassword } });
  expect(response.status()).toBe(200);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().includes('status of 4')) errors.push(message.text());
  });
  page.on('dialog', (dialog) => {
    errors.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return { context, page, errors };
}

/** A Beijing date `days` from today, "YYYY-MM-DD". */
function beijingDate(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** Clicks the map of the route picker until `count` grids are on the route (a second click on a grid would take it off). */
async function pickGrids(page: Page, count: number): Promise<string[]> {
  const picked = page.locator('[data-test="route-picker-list"] li[data-grid-code]');
  const map = (await page.locator('[data-test="route-picker-map"]').boundingBox())!;
  for (const dx of [-150, 0, 150, -75, 75, -220, 220]) {
    if ((await picked.count()) >= count) break;
    const before = await picked.count();
    await page.mouse.click(map.x + map.width / 2 + dx, map.y + map.height / 2);
    await eventually(async () => (await picked.count()) !== before || undefined, { what: 'the route to change', timeoutMs: 3000 }).catch(() => undefined);
    if ((await picked.count()) < before) await page.mouse.click(map.x + map.width / 2 + dx, map.y + map.height / 2);
  }
  const codes = await picked.evaluateAll((items) => items.map((item) => item.getAttribute('data-grid-code')!));
  expect(codes).toHaveLength(count);
  return codes;
}

/** Waits for a locator; on a timeout the page is kept as a screenshot and its errors are named, to see what it showed instead. */
async function shownOr(signedIn: SignedIn, locator: Locator, screenshotName: string): Promise<void> {
  try {
    await locator.waitFor({ timeout: 60_000 });
  } catch (error) {
    await screenshot(signedIn.page, screenshotName);
    throw new Error(`${(error as Error).message}\npage errors: ${JSON.stringify(signedIn.errors)}`);
  }
}

/** Picks an option of an Element Plus select by its text. */
async function choose(page: Page, select: string, option: string): Promise<void> {
  await page.locator(select).click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click();
}

describe('joint patrols in the coordinator\'s console, in Chromium', () => {
  it('plans a patrol of three departments on the map, runs it live with check-ins and a finding filed as a case, and flags the unvisited grid on the board and in the report', async () => {
    // given the coordinator on the console
    const coordinator = await signedInPage('xietiao', { height: 2000 });
    const { page } = coordinator;
    await page.goto(`${server.url}/operations`);
    await page.locator('[data-test="new-patrol"]').click();
    await page.locator('[data-test="route-picker-map"] .leaflet-interactive').first().waitFor();

    // when the plan is drawn: a title, three grids in walking order, a team of three departments, the day after tomorrow
    await page.locator('input[data-test="plan-title"]').fill(titlePayload);
    const route = await pickGrids(page, 3);
    await page.locator('[data-test="route-picker-list"] .patrols-route-picker__item').nth(2).getByRole('button', { name: '上移' }).click();
    const walked = [route[0]!, route[2]!, route[1]!];
    expect(await page.locator('[data-test="route-picker-list"] li[data-grid-code]').evaluateAll((items) => items.map((item) => item.getAttribute('data-grid-code')))).toEqual(walked);
    for (const person of ['城管联络员 吴涛', '环卫联络员 孙磊', '公安联络员 周杰']) await choose(page, '[data-test="team-select"]', person);
    await page.keyboard.press('Escape');
    await page.getByText('3 名队员，来自 3 个部门').waitFor();
    await page.locator('[data-test="schedule-date"] input').fill(beijingDate(2));
    await page.locator('[data-test="schedule-date"] input').press('Enter');
    await screenshot(page, 'patrols-plan-editor');
    await page.locator('[data-test="plan-submit"]').click();

    // then the plan page opens with its route, team and schedule, the title shown as text
    await page.waitForURL(/\/patrols\/XC-\d{4}-\d{4}$/);
    const planRef = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    expect(await page.locator('[data-test="plan-title"]').innerText()).toBe(titlePayload);
    expect(await page.locator('[data-test="plan-team"] li').count()).toBe(3);
    const plan = await (await flow.as('xietiao')).get<PatrolPlanDetail>(`/api/patrols/${planRef}`);
    expect(plan.route).toEqual(walked);
    expect(plan.departments.sort()).toEqual(['public-security', 'sanitation', 'urban-management']);
    await screenshot(page, 'patrols-plan-page');

    // and the console lists the patrol beside the operations, with its type tag
    await page.goto(`${server.url}/operations`);
    await page.locator(`[data-test="patrol-row"][data-ref="${planRef}"] [data-test="kind-tag"]`).waitFor();
    expect(await page.locator(`[data-test="patrol-row"][data-ref="${planRef}"] [data-test="kind-tag"]`).innerText()).toBe('联合巡查');
    await screenshot(page, 'patrols-console-list');

    // when the engine creates the run a day ahead and its start time comes
    await flow.fireTimer(await flow.scheduleInstance(planRef), 'the schedule timer');
    const runRef = `${planRef}-01`;
    await flow.start(runRef);

    // then the calendar shows the run on its day, linking to the board
    await page.goto(`${server.url}/operations?view=calendar&mode=week&date=${beijingDate(2)}&kind=patrol`);
    await page.locator(`[data-test="calendar-item"][data-ref="${runRef}"]`).waitFor();
    await screenshot(page, 'patrols-console-calendar');

    // when the coordinator watches the board, live
    await page.locator(`[data-test="calendar-item"][data-ref="${runRef}"]`).click();
    await page.waitForURL(new RegExp(`/patrols/runs/${runRef}$`));
    await page.locator('[data-test="live"]').waitFor();
    await page.evaluate(() => ((window as unknown as { boardLoaded: boolean }).boardLoaded = true));
    const grids = await server.dataSource.manager.findBy(UnitGridEntity, { code: In(walked) });
    const grid = (code: string): UnitGrid => grids.find((g) => g.code === code)!;

    // and the police liaison, standing in the first grid, tries to check in to the second
    const gongan = await signedInPage('gongan', { at: centreOf(grid(walked[0]!)) });
    await gongan.page.goto(`${server.url}/patrols/runs/${runRef}`);
    await gongan.page.locator('[data-test="open-check-in"]').click();
    await choose(gongan.page, '[data-test="check-in-grid"]', `2. `);
    await gongan.page.locator('[data-test="check-in-locate"]').click();
    await gongan.page.locator('[data-test="check-in-point"]').waitFor();
    await gongan.page.locator('[data-test="check-in-submit"]').click();

    // then the check-in is refused with a clear message
    await gongan.page.locator('[data-test="check-in-error"]').waitFor();
    expect(gongan.page.url()).toContain(`/patrols/runs/${runRef}`);
    expect(await gongan.page.locator('[data-test="check-in-error"]').innerText()).toContain(`签到位置不在网格 ${walked[1]} 内`);
    await screenshot(gongan.page, 'patrols-check-in-refused');

    // when he checks in to the grid he stands in
    await choose(gongan.page, '[data-test="check-in-grid"]', `1. `);
    await gongan.page.locator('[data-test="check-in-submit"]').click();
    await gongan.page.locator('[data-test="check-in-dialog"]').waitFor({ state: 'hidden' });

    // and the urban management liaison checks in by clicking the second grid on the board's map
    const chengguan = await signedInPage('chengguan');
    await chengguan.page.goto(`${server.url}/patrols/runs/${runRef}`);
    const second = chengguan.page.locator('[data-test="run-map"] .patrols-route-number', { hasText: /^2$/ });
    await shownOr(chengguan, second, 'patrols-failed-member-board');
    const box = (await second.boundingBox())!;
    await chengguan.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await chengguan.page.locator('[data-test="check-in-dialog"]').waitFor();
    await chengguan.page.locator('[data-test="check-in-submit"]').click();
    await chengguan.page.locator('[data-test="check-in-dialog"]').waitFor({ state: 'hidden' });

    // and the sanitation liaison, in the first grid, reports overflowing bins
    const huanwei = await signedInPage('huanwei', { at: centreOf(grid(walked[0]!)) });
    await huanwei.page.goto(`${server.url}/patrols/runs/${runRef}`);
    await huanwei.page.locator('[data-test="open-finding"]').click();
    await huanwei.page.locator('textarea[data-test="patrol-finding-description"]').fill(findingPayload);
    await huanwei.page.locator('[data-test="patrol-finding-category"]').click();
    await huanwei.page.keyboard.type('C0301');
    await huanwei.page.locator('.el-select-dropdown__item:visible', { hasText: 'C0301' }).first().click();
    await huanwei.page.locator('[data-test="patrol-finding-locate"]').click();
    await huanwei.page.getByText(/经度 .*纬度/).first().waitFor();
    await huanwei.page.locator('[data-test="patrol-finding-submit"]').click();
    await huanwei.page.locator('[data-test="patrol-finding-dialog"]').waitFor({ state: 'hidden' });

    // then the finding is filed as a closed-loop case of source 联合巡查
    const run = await flow.runWhen(runRef, (r) => r.findings.length === 1, 'the finding');
    const caseNo = run.findings[0]!.caseNo;
    expect(await server.dataSource.manager.findOneByOrFail(CaseFileEntity, { caseNo })).toMatchObject({ source: 'joint-patrol', sourceRef: runRef, categoryCode: 'C0301', reporter: 'huanwei' });

    // and the coordinator's board shows both check-ins and the finding with its case, without a reload
    await page.locator(`[data-test="route-grid"][data-grid-code="${walked[0]}"][data-status="visited"]`).waitFor();
    await page.locator(`[data-test="route-grid"][data-grid-code="${walked[1]}"][data-status="visited"]`).waitFor();
    await page.locator('[data-test="patrol-finding-case"]', { hasText: caseNo }).waitFor();
    expect(await page.locator('[data-test="patrol-finding-description"]').innerText()).toBe(findingPayload);
    expect(await page.locator('[data-count="findings"]').innerText()).toContain('1');
    expect(await page.evaluate(() => (window as unknown as { boardLoaded?: boolean }).boardLoaded)).toBe(true);
    await screenshot(page, 'patrols-run-board-live');

    // when the end time comes with the third grid unvisited
    await flow.fireTimer(await flow.runInstance(runRef), 'the end timer');

    // then the board flags it, still without a reload
    await page.locator(`[data-test="route-grid"][data-grid-code="${walked[2]}"][data-status="unvisited"]`).waitFor({ timeout: 30_000 });
    await page.locator('[data-test="unvisited-alert"]').waitFor();
    expect(await page.evaluate(() => (window as unknown as { boardLoaded?: boolean }).boardLoaded)).toBe(true);
    await page.locator('[data-test="open-report"]').waitFor();
    await screenshot(page, 'patrols-run-board-ended');

    // and the report lists the unvisited grid and the case, and prints on A4
    await page.locator('[data-test="open-report"]').click();
    await page.locator('[data-test="patrol-report"]').waitFor();
    await page.locator(`[data-test="report-unvisited"] li[data-grid-code="${walked[2]}"]`).waitFor();
    expect(await page.locator('[data-test="report-unvisited"] li').count()).toBe(1);
    expect(await page.locator('[data-test="report-title"]').innerText()).toBe(titlePayload);
    expect(await page.locator('[data-test="report-findings"]').innerText()).toContain(caseNo);
    expect(await page.locator('[data-test="report-summary"]').innerText()).toContain('未巡查 1 个');
    await screenshot(page, 'patrols-run-report');
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'patrols-run-report-print');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    // when the coordinator reviews the report on the board
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${server.url}/patrols/runs/${runRef}`);
    await page.locator('textarea[data-test="review-comment"]').fill('第三个网格下次优先巡查');
    await page.locator('[data-test="review-submit"]').click();

    // then the run is closed with the review
    await page.locator('[data-test="review-done"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-test="run-status"]', { hasText: '已完成' }).waitFor({ timeout: 30_000 });

    // and no markup ran anywhere, no dialog opened, and no page logged an error
    for (const { page: p } of [coordinator, gongan, chengguan, huanwei]) expect(await p.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    for (const { errors } of [coordinator, gongan, chengguan, huanwei]) expect(errors).toEqual([]);
    const detail = await (await flow.as('xietiao')).get<PatrolRunDetail>(`/api/patrol-runs/${runRef}`);
    expect(detail.unvisitedGrids).toEqual([walked[2]]);
    for (const { context } of [coordinator, gongan, chengguan, huanwei]) await context.close();
  }, 300_000);
});
