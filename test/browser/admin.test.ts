import type { APIRequestContext, Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../db/seed/demo-data.js';
import type { RunningServer } from '../../server/src/server.js';
import { launchChromium, screenshot } from '../support/browser.js';
import { startTestServer } from '../support/test-server.js';

let server: RunningServer;
let browser: Browser;
let admin: { context: BrowserContext; page: Page };

/** The sanitation liaison the admin creates; unique per run, because the suite's databases outlive one file. */
const liaison = {
  username: `hw.${Date.now().toString(36)}`,
  displayName: '环卫联络员 黄晓明',
  password: 'Huanwei2026start',
};
/** The new liaison's own API session (cookie jar), opened once the account exists. */
let liaisonSession: BrowserContext | undefined;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  admin = await signedInPage('admin');
});

afterAll(async () => {
  await liaisonSession?.close();
  await browser?.close();
  await server?.stop();
});

/** A Chinese 1024×768 browser context signed in through the API, as the sign-in page would. */
async function signedInPage(username: string, password = demoPassword): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const response = await signIn(context.request, username, password);
  expect(response.status()).toBe(200);
  return { context, page: await context.newPage() };
}

function signIn(request: APIRequestContext, username: string, password: string) {
  return request.post(`${server.url}/api/auth/login`, { data: { username, password } });
}

const exactly = (text: string) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

/** Opens an el-select and picks the option with this label in its (teleported) dropdown. */
async function choose(page: Page, select: Locator, option: string): Promise<void> {
  await select.locator('.el-select__wrapper').click();
  await page.locator('.el-select-dropdown__item').filter({ visible: true }).filter({ hasText: exactly(option) }).click();
}

/** The create-user dialog, opened from the 用户与角色 screen. */
async function openCreateDialog(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.locator('[data-test="user-form-dialog"]').filter({ visible: true });
  await dialog.waitFor();
  return dialog;
}

async function fillNewLiaison(page: Page, dialog: Locator): Promise<void> {
  await dialog.getByLabel('用户名').fill(liaison.username);
  await dialog.getByLabel('姓名').fill(liaison.displayName);
  await choose(page, dialog.locator('[data-test="user-form-department"]'), '环卫');
  await choose(page, dialog.locator('[data-test="user-form-roles"]'), '部门联络员');
  // the roles dropdown stays open for more choices (over the password field): a click on the dialog's title closes it
  await dialog.locator('.el-dialog__header').click();
  await page.locator('.el-select-dropdown').filter({ visible: true }).waitFor({ state: 'detached' });
  await dialog.getByLabel('初始密码').fill(liaison.password);
}

const userRow = (page: Page, username: string) =>
  page.locator('[data-test="user-table"] .el-table__row').filter({ has: page.locator('[data-test="user-username"]', { hasText: exactly(username) }) });

const auditRows = (page: Page) => page.locator('[data-test="audit-table"] .el-table__row').filter({ has: page.locator('[data-test="audit-action"]') });

const auditRow = (page: Page, action: string) => auditRows(page).filter({ has: page.locator('[data-test="audit-action"]', { hasText: exactly(action) }) });

/** The row of one field (by its path, e.g. roles.0) in an expanded before/after view. */
const diffRow = (diff: Locator, path: string) => diff.locator('.el-table__row').filter({ has: diff.page().locator(`[data-test="audit-diff-field"][data-path="${path}"]`) });

describe('accounts, roles and the audit log in Chromium', () => {
  it('lets an admin create a sanitation liaison who can then sign in, and shows the server conflict message for a taken user name', async () => {
    // given the admin on the 用户与角色 screen, opened from the menu
    const { page } = admin;
    await page.goto(`${server.url}/inbox`);
    await page.getByRole('menuitem', { name: '用户与角色' }).click();
    await page.waitForURL(/\/admin\/users$/);
    await userRow(page, 'admin').waitFor();

    // when the admin creates a sanitation liaison through the dialog
    const dialog = await openCreateDialog(page);
    await fillNewLiaison(page, dialog);
    await screenshot(page, 'admin-user-create-dialog');
    await dialog.locator('[data-test="user-form-save"]').click();

    // then the dialog closes, the screen confirms it and the new account is listed, active, in 环卫 as 部门联络员
    await page.getByText(`已创建用户 ${liaison.displayName}`).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    const row = userRow(page, liaison.username);
    await row.waitFor();
    expect(await row.innerText()).toContain(liaison.displayName);
    expect(await row.locator('[data-test="user-department"]').innerText()).toBe('环卫');
    expect(await row.locator('[data-test="user-roles"]').innerText()).toBe('部门联络员');
    expect(await row.locator('[data-test="user-active"] .el-switch.is-checked').count()).toBe(1);
    await screenshot(page, 'admin-user-created');

    // and the new liaison signs in with the first password, as a sanitation liaison
    liaisonSession = await browser.newContext();
    expect((await signIn(liaisonSession.request, liaison.username, liaison.password)).status()).toBe(200);
    const me = await liaisonSession.request.get(`${server.url}/api/auth/me`);
    expect(me.status()).toBe(200);
    expect((await me.json()).user).toMatchObject({ username: liaison.username, displayName: liaison.displayName, departmentCode: 'sanitation', roles: ['liaison'] });

    // when the admin tries to create the same user name again
    const again = await openCreateDialog(page);
    expect(await again.getByLabel('用户名').inputValue()).toBe('');
    await fillNewLiaison(page, again);
    await again.locator('[data-test="user-form-save"]').click();

    // then the dialog stays open with the server's conflict message, and nothing is added
    const error = again.locator('[data-test="user-form-error"]');
    await error.waitFor();
    expect(await error.innerText()).toContain(`用户名 ${liaison.username} 已被使用，请换一个`);
    await screenshot(page, 'admin-user-create-conflict');
    await again.getByRole('button', { name: '取消' }).click();
    await again.waitFor({ state: 'hidden' });
    expect(await userRow(page, liaison.username).count()).toBe(1);
  });

  it('ends the sessions of a user the admin deactivates through the active switch', async () => {
    // given the new liaison signed in, and the admin on the 用户与角色 screen
    expect(liaisonSession, 'the liaison was created by the previous test').toBeDefined();
    expect((await liaisonSession!.request.get(`${server.url}/api/auth/me`)).status()).toBe(200);
    const { page } = admin;
    const row = userRow(page, liaison.username);
    await row.waitFor();

    // when the admin flips the liaison's switch and confirms
    await row.locator('[data-test="user-active"] .el-switch').click();
    const confirm = page.locator('.el-message-box').filter({ visible: true });
    await confirm.getByText(`确定停用 ${liaison.displayName}（${liaison.username}）吗？停用后该用户将无法登录。`).waitFor();
    await screenshot(page, 'admin-user-deactivate-confirm');
    await confirm.getByRole('button', { name: '确定' }).click();

    // then the account shows as 停用
    await page.getByText(`已停用 ${liaison.displayName}`).waitFor();
    await row.locator('[data-test="user-active"] .el-switch:not(.is-checked)').waitFor();
    expect(await row.locator('[data-test="user-active"]').innerText()).toContain('停用');
    await screenshot(page, 'admin-user-deactivated');

    // and the liaison's existing session has ended, and signing in again is refused
    expect((await liaisonSession!.request.get(`${server.url}/api/auth/me`)).status()).toBe(401);
    expect((await signIn(liaisonSession!.request, liaison.username, liaison.password)).status()).toBe(401);
  });

  it("lists the admin's user.create and user.update of the liaison in the audit log, with the before/after of the deactivation", async () => {
    // given the admin on the 审计日志 screen
    const { page } = admin;
    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await page.waitForURL(/\/admin\/audit$/);
    await auditRows(page).first().waitFor();

    // when the log is filtered by the admin as actor and the liaison as target
    await page.getByLabel('操作人').fill('admin');
    await page.getByLabel('对象编号').fill(liaison.username);

    // then exactly the admin's two records about the liaison remain, newest first
    await expect
      .poll(async () => auditRows(page).locator('[data-test="audit-action"]').allInnerTexts(), { timeout: 15_000 })
      .toEqual(['user.update', 'user.create']);
    expect(await auditRows(page).locator('[data-test="audit-target"]').allInnerTexts()).toEqual([liaison.username, liaison.username]);
    expect(await auditRows(page).locator('[data-test="audit-actor"]').allInnerTexts()).toEqual(['admin', 'admin']);
    expect(await auditRow(page, 'user.update').innerText()).toMatch(/系统管理员[\s\S]*修改用户[\s\S]*用户/);
    expect(await auditRow(page, 'user.create').innerText()).toContain('新建用户');

    // when the deactivation is expanded, active changed from true to false and nothing else did
    await auditRow(page, 'user.update').locator('.el-table__expand-icon').click();
    const diff = page.locator('[data-test="audit-diff"]').filter({ visible: true });
    await diff.waitFor();
    const active = diffRow(diff, 'active');
    expect(await active.locator('[data-test="audit-diff-before"]').innerText()).toBe('true');
    expect(await active.locator('[data-test="audit-diff-after"]').innerText()).toBe('false');
    expect(await active.locator('[data-test="audit-diff-change"]').innerText()).toBe('修改');
    expect(await active.locator('[data-test="audit-diff-field"]').innerText()).toBe('启用状态');
    expect(await diffRow(diff, 'displayName').locator('[data-test="audit-diff-change"]').innerText()).toBe('未变');
    expect(await diff.locator('[data-test="audit-diff-change"]').allInnerTexts()).toEqual(expect.arrayContaining(['修改', '未变']));
    expect((await diff.locator('[data-test="audit-diff-change"]').allInnerTexts()).filter((change) => change === '修改')).toHaveLength(1);
    await screenshot(page, 'admin-audit-deactivation-diff');

    // and the creation shows the new account's fields as added
    await auditRow(page, 'user.update').locator('.el-table__expand-icon').click();
    await auditRow(page, 'user.create').locator('.el-table__expand-icon').click();
    const created = page.locator('[data-test="audit-diff"]').filter({ visible: true });
    await diffRow(created, 'username').waitFor();
    expect(await diffRow(created, 'username').locator('[data-test="audit-diff-after"]').innerText()).toBe(liaison.username);
    expect(await diffRow(created, 'departmentCode').locator('[data-test="audit-diff-after"]').innerText()).toBe('sanitation');
    expect(await diffRow(created, 'roles.0').locator('[data-test="audit-diff-after"]').innerText()).toBe('liaison');
    expect(await diffRow(created, 'username').locator('[data-test="audit-diff-change"]').innerText()).toBe('新增');
    await screenshot(page, 'admin-audit-creation-diff');
  });

  it('lets a supervisor read the audit log but not manage accounts, in the menu, the page or the API', async () => {
    // given the supervisor signed in
    const { context, page } = await signedInPage('duban');
    await page.goto(`${server.url}/inbox`);

    // then the menu offers 审计日志 but not 用户与角色
    const auditEntry = page.getByRole('menuitem', { name: '审计日志' });
    await auditEntry.waitFor();
    expect(await page.getByRole('menuitem', { name: '用户与角色' }).count()).toBe(0);

    // and the audit log opens with its records
    await auditEntry.click();
    await page.waitForURL(/\/admin\/audit$/);
    await auditRows(page).first().waitFor();
    await screenshot(page, 'admin-audit-supervisor');

    // when the supervisor opens the accounts screen by its URL, the 403 page shows instead
    await page.goto(`${server.url}/admin/users`);
    await page.waitForURL(/\/403\?from=(%2F|\/)admin(%2F|\/)users$/);
    await page.getByText('无权访问').waitFor();
    expect(await page.locator('[data-test="user-table"]').count()).toBe(0);
    await screenshot(page, 'admin-users-forbidden-supervisor');

    // and the API refuses the accounts but serves the audit log
    expect((await context.request.get(`${server.url}/api/users`)).status()).toBe(403);
    expect((await context.request.get(`${server.url}/api/audit`)).status()).toBe(200);
    await context.close();
  });

  it('shows a department liaison neither admin screen in the menu, and refuses both by URL and API', async () => {
    // given the sanitation liaison signed in
    const { context, page } = await signedInPage('huanwei');
    await page.goto(`${server.url}/inbox`);

    // then the menu has the inbox and the status page, but neither admin entry
    await page.getByRole('menuitem', { name: '待办任务' }).waitFor();
    await page.getByRole('menuitem', { name: '系统状态' }).waitFor();
    expect(await page.getByRole('menuitem', { name: '用户与角色' }).count()).toBe(0);
    expect(await page.getByRole('menuitem', { name: '审计日志' }).count()).toBe(0);
    await screenshot(page, 'admin-menu-liaison');

    // and the audit log by its URL shows the 403 page, and the API answers 403
    await page.goto(`${server.url}/admin/audit`);
    await page.waitForURL(/\/403\?from=/);
    await page.getByText('无权访问').waitFor();
    expect((await context.request.get(`${server.url}/api/audit`)).status()).toBe(403);
    expect((await context.request.get(`${server.url}/api/users`)).status()).toBe(403);
    await context.close();
  });
});
