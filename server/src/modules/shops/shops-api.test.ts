import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../../../db/seed/demo-data.js';
import { ApiClient } from '../../../../test/support/api-client.js';
import { uniqueKey } from '../../../../test/support/test-env.js';
import { startTestServer, type TestServer } from '../../../../test/support/test-server.js';
import type { ShopFileView, ShopPage } from '../../contracts/shops.js';
import { createUserIfMissing } from '../users/index.js';
import { demoShops } from './demo-shops.js';
import { hasPriorViolation } from './shop-measures.js';

let server: TestServer;
let coordinator: ApiClient;

beforeAll(async () => {
  server = await startTestServer({ WORKERS: 'off', DEPLOY_ON_START: 'false' });
  coordinator = await ApiClient.signedIn(server.url, 'xietiao');
});

afterAll(async () => {
  await server?.stop();
});

/** The file of the demo shop of that name. */
async function fileOf(name: string): Promise<ShopFileView> {
  const page = await coordinator.get<ShopPage>(`/api/shops?q=${encodeURIComponent(name)}`);
  const shop = page.items.find((s) => s.name === name)!;
  return coordinator.get<ShopFileView>(`/api/shops/${shop.id}`);
}

describe('GET /api/shops', () => {
  it('lists the demo shops a page at a time, with street, grade and counts', async () => {
    // given the demo shops
    // when the coordinator asks for the first page of 10
    const page = await coordinator.get<ShopPage>('/api/shops?pageSize=10');

    // then it holds 10 of all of them
    expect(page).toMatchObject({ page: 1, pageSize: 10 });
    expect(page.items).toHaveLength(10);
    expect(page.total).toBeGreaterThanOrEqual(demoShops.length);
    const first = page.items.find((s) => s.name === '老杭帮菜馆');
    expect(first).toMatchObject({ address: '青禾区禾丰商业街1号', licenceStatus: 'valid', creditGrade: 'A', streetName: expect.any(String), gridCode: 'QH-01-02-0050' });
  });

  it.each([
    { by: 'name', q: '奶茶', expected: '甜蜜奶茶铺' },
    { by: 'licence number', q: '92330106QH00000005', expected: '丽人美发店' },
    { by: 'responsible person', q: '金桂英', expected: '阿婆馄饨店' },
  ])('finds a shop by its $by', async ({ q, expected }) => {
    const page = await coordinator.get<ShopPage>(`/api/shops?q=${encodeURIComponent(q)}`);
    expect(page.items.map((s) => s.name)).toEqual([expected]);
    expect(page.total).toBe(1);
  });

  it('takes % and _ in a search literally', async () => {
    const page = await coordinator.get<ShopPage>('/api/shops?q=%25');
    expect(page.items.filter((s) => !s.name.includes('%'))).toEqual([]);
  });

  it('filters by grade, grid and street', async () => {
    // given the demo shop 芸溪烧烤 at 580 points (grade D) in grid QH-03-02-0047
    const byGrade = await coordinator.get<ShopPage>('/api/shops?grade=D&pageSize=500');
    const byGrid = await coordinator.get<ShopPage>('/api/shops?gridCode=QH-03-02-0047');
    const bbq = byGrid.items.find((s) => s.name === '芸溪烧烤')!;
    const byStreet = await coordinator.get<ShopPage>(`/api/shops?streetCode=${bbq.streetCode}&pageSize=500`);

    // then each filter keeps it, and only shops that match
    expect(byGrade.items.map((s) => s.name)).toContain('芸溪烧烤');
    expect(byGrade.items.every((s) => s.creditGrade === 'D')).toBe(true);
    expect(byGrid.items.every((s) => s.gridCode === 'QH-03-02-0047')).toBe(true);
    expect(byStreet.items.map((s) => s.name)).toContain('芸溪烧烤');
    expect(byStreet.items.every((s) => s.streetCode === bbq.streetCode)).toBe(true);
    expect(byStreet.items.map((s) => s.name)).not.toContain('老杭帮菜馆');
  });

  it.each([
    { query: 'grade=E', path: 'query.grade' },
    { query: 'page=0', path: 'query.page' },
    { query: 'pageSize=501', path: 'query.pageSize' },
    { query: 'sort=name', path: 'query' },
  ])('answers 400 naming $path for ?$query', async ({ query, path }) => {
    const response = await coordinator.raw('GET', `/api/shops?${query}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; details: { issues: Array<{ path: string; message: string }> } } };
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.issues.map((i) => i.path)).toContain(path);
  });
});

describe('GET /api/shops/:id (一店一档)', () => {
  it('shows a first-violation register entry with its written promise, and no points taken', async () => {
    // given 甜蜜奶茶铺, found trading outside its door last month and ordered to correct under 首违不罚
    // when its file is opened
    const file = await fileOf('甜蜜奶茶铺');

    // then the file has its licence, duties, the violation, the register entry and full points
    expect(file).toMatchObject({ responsiblePerson: '林晓雯', licenceNo: '92330106QH00000002', creditPoints: 1000, creditGrade: 'A', violations: 1, firstViolations: 1 });
    expect(file.storefrontDuties.order).toContain('不出店经营');
    expect(file.violationHistory).toEqual([expect.objectContaining({ agency: 'urban-management', violationType: 'outside-store', measure: 'order-to-correct', firstViolationNoPenalty: true, creditDeduction: 0 })]);
    expect(file.firstViolationRegister).toEqual([expect.objectContaining({ violationId: file.violationHistory[0]!.id, agency: 'urban-management', promiseText: expect.stringContaining('林晓雯') })]);
    const daysAgo = (Date.now() - Date.parse(file.firstViolationRegister[0]!.promisedAt)) / 86_400_000;
    expect(daysAgo).toBeGreaterThan(28);
    expect(daysAgo).toBeLessThan(40);
  });

  it('shows a repeat within 12 months fined, with its deduction in the credit ledger', async () => {
    const file = await fileOf('禾丰面馆');
    expect(file.violationHistory.map((v) => [v.measure, v.firstViolationNoPenalty, v.fineYuan])).toEqual([
      ['fine', false, 200],
      ['order-to-correct', true, null],
    ]);
    expect(file.creditLedger).toEqual([expect.objectContaining({ delta: -60, balance: 940, reason: 'violation', violationId: file.violationHistory[0]!.id })]);
    expect(file).toMatchObject({ creditPoints: 940, creditGrade: 'A' });
  });

  it('keeps a violation older than 12 months in the file, where it no longer counts as prior', async () => {
    // given 阿婆馄饨店, whose one violation is more than a year old
    const file = await fileOf('阿婆馄饨店');

    // then its history shows it, and a violation today would be a first one again
    expect(file.violationHistory).toHaveLength(1);
    expect(Date.now() - Date.parse(file.violationHistory[0]!.at)).toBeGreaterThan(365 * 86_400_000);
    expect(await hasPriorViolation(server.dataSource.manager, file.id, 'urban-management', new Date())).toBe(false);
  });

  it.each([
    { id: '999999999', status: 404, code: 'NOT_FOUND' },
    { id: 'abc', status: 400, code: 'VALIDATION_FAILED' },
    { id: '0', status: 400, code: 'VALIDATION_FAILED' },
  ])('answers $status for shop $id', async ({ id, status, code }) => {
    const response = await coordinator.raw('GET', `/api/shops/${id}`);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
  });
});

describe('who reads shop files', () => {
  it.each(['gongan', 'chengguan', 'shichang', 'huanwei', 'zhihui', 'duban', 'admin'])('lets %s read them', async (username) => {
    const client = await ApiClient.signedIn(server.url, username);
    expect((await client.raw('GET', '/api/shops?pageSize=1')).status).toBe(200);
  });

  it.each(['wangge', 'rexian', 'sheji'])('refuses %s with 403', async (username) => {
    const client = await ApiClient.signedIn(server.url, username);
    expect((await client.raw('GET', '/api/shops')).status).toBe(403);
  });

  it('refuses a liaison of a unit that is not one of the four departments', async () => {
    // given a liaison of the 12345 hotline unit
    const username = uniqueKey('hl').replace('-', '');
    await server.dataSource.transaction((manager) => createUserIfMissing(manager, { username, displayName: '热线联络员', departmentCode: 'hotline', roles: ['liaison'] }, demoPassword));
    const client = await ApiClient.signedIn(server.url, username);

    // when they open the shop list
    const response = await client.raw('GET', '/api/shops');

    // then it is refused with a message naming who may
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain('联络员');
  });
});
