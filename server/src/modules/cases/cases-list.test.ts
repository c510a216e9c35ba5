import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CasePage } from './cases.query.js';
import { CaseApiHarness, errorOf } from './test-support.js';

let h: CaseApiHarness;

beforeAll(async () => {
  h = await CaseApiHarness.start();
});

afterAll(async () => {
  await h?.stop();
});

const listAs = async (username: string, query: string) => (await h.as(username)).get<CasePage>(`/api/cases?${query}`);
const numbers = (page: CasePage) => page.items.map((i) => i.caseNo);

describe('GET /api/cases filters and pages', () => {
  let grid: { lng: number; lat: number; gridCode: string };
  let garbage: string;
  let flyers: string;
  let vending: string;

  beforeAll(async () => {
    // given three reports in one grid: a registered sanitation case, a dispatched urban-management case,
    // and a dispatched case for urban management and commerce
    grid = await h.pointIn('commercial');
    const at = { lng: grid.lng, lat: grid.lat };
    const report = (categoryCode: string) => h.as('wangge').then((api) => api.post<{ caseNo: string }>('/api/cases', { categoryCode, description: `网格 ${grid.gridCode} 的问题`, ...at }));
    garbage = (await report('E0102')).caseNo;
    flyers = (await report('E0201')).caseNo;
    vending = (await report('E0501')).caseNo;
    await h.dispatch(flyers);
    await h.dispatch(vending, 2);
  });

  it('lists the cases of a grid newest first with the summary fields', async () => {
    // when
    const page = await listAs('zhihui', `gridCode=${grid.gridCode}`);

    // then
    expect(numbers(page).filter((n) => [garbage, flyers, vending].includes(n))).toEqual([vending, flyers, garbage]);
    expect(page).toMatchObject({ page: 1, pageSize: 20 });
    expect(page.items.find((i) => i.caseNo === vending)).toMatchObject({ categoryCode: 'E0501', categoryName: '占道经营', gridCode: grid.gridCode, status: 'dispatched', departments: expect.arrayContaining(['urban-management', 'commerce']) as unknown });
  });

  it.each([
    { filter: 'status=registered', expected: () => [garbage] },
    { filter: 'status=dispatched', expected: () => [vending, flyers] },
    { filter: 'categoryCode=E0201', expected: () => [flyers] },
    { filter: 'department=commerce', expected: () => [vending] },
    { filter: 'department=urban-management', expected: () => [vending, flyers] },
    { filter: 'department=sanitation', expected: () => [] },
  ])('filters by $filter', async ({ filter, expected }) => {
    // when
    const page = await listAs('zhihui', `gridCode=${grid.gridCode}&${filter}`);

    // then
    expect(numbers(page)).toEqual(expected());
    expect(page.total).toBe(expected().length);
  });

  it('narrows by street as well', async () => {
    // given the street of the grid
    const { streetCode } = await h.row(garbage);

    // when
    const page = await listAs('zhihui', `streetCode=${streetCode}&gridCode=${grid.gridCode}`);
    const elsewhere = await listAs('zhihui', `streetCode=QH-99&gridCode=${grid.gridCode}`);

    // then
    expect(page.total).toBe(3);
    expect(elsewhere.total).toBe(0);
  });

  it('pages through the results with the total', async () => {
    // when
    const first = await listAs('zhihui', `gridCode=${grid.gridCode}&pageSize=2`);
    const second = await listAs('zhihui', `gridCode=${grid.gridCode}&pageSize=2&page=2`);

    // then
    expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(numbers(first)).toEqual([vending, flyers]);
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(numbers(second)).toEqual([garbage]);
  });

  it('finds a case whose handling is due within two hours, and not among the overdue ones', async () => {
    // given an urgent road collapse (1 calendar hour to handle), dispatched
    const { caseNo } = await h.report('wangge', { categoryCode: 'E0401', description: '路面塌陷', urgent: true }, 'main-road');
    await h.dispatch(caseNo, 2);

    // when
    const soon = await listAs('zhihui', 'due=due-soon&categoryCode=E0401&pageSize=100');
    const overdue = await listAs('zhihui', 'due=overdue&categoryCode=E0401&pageSize=100');

    // then
    expect(numbers(soon)).toContain(caseNo);
    expect(numbers(overdue)).not.toContain(caseNo);
    expect(numbers(soon)).not.toContain(flyers);
  });
});

describe('GET /api/cases refusals', () => {
  it.each([
    { query: 'pageSize=101', path: 'query.pageSize' },
    { query: 'page=0', path: 'query.page' },
    { query: 'page=abc', path: 'query.page' },
    { query: 'status=lost', path: 'query.status' },
    { query: 'department=police', path: 'query.department' },
    { query: 'due=tomorrow', path: 'query.due' },
    { query: 'categoryCode=X1', path: 'query.categoryCode' },
    { query: 'sort=old', path: 'query.sort' },
  ])('answers 400 naming $path for $query', async ({ query, path }) => {
    // when
    const response = await (await h.as('zhihui')).raw('GET', `/api/cases?${query}`);

    // then
    expect(response.status).toBe(400);
    expect((await errorOf(response)).details?.issues?.map((i) => i.path)).toEqual([path]);
  });

  it.each(['sheji', 'xietiao'])('refuses %s, whose role sees no cases, with 403', async (username) => {
    // when
    const response = await (await h.as(username)).raw('GET', '/api/cases');

    // then
    expect(response.status).toBe(403);
    expect((await errorOf(response)).code).toBe('FORBIDDEN');
  });
});
