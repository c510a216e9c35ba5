import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CasePage } from './cases.query.js';
import { CaseApiHarness } from './test-support.js';

let h: CaseApiHarness;

beforeAll(async () => {
  h = await CaseApiHarness.start();
});

afterAll(async () => {
  await h?.stop();
});

const listAs = async (username: string, query: string) => (await h.as(username)).get<CasePage>(`/api/cases?${query}`);
const detailStatus = async (username: string, caseNo: string) => (await (await h.as(username)).raw('GET', `/api/cases/${caseNo}`)).status;

describe('data scope of a dispatched sanitation case', () => {
  let caseNo: string;
  let gridCode: string;

  beforeAll(async () => {
    // given exposed garbage reported by wangge and dispatched to sanitation
    ({ caseNo } = await h.report('wangge'));
    gridCode = (await h.dispatch(caseNo)).gridCode!;
  });

  it('shows it to the sanitation liaison in the list and the detail', async () => {
    // when
    const page = await listAs('huanwei', `gridCode=${gridCode}`);

    // then
    expect(page.items.map((i) => i.caseNo)).toContain(caseNo);
    expect(await detailStatus('huanwei', caseNo)).toBe(200);
  });

  it('hides it from the commerce liaison: 404 on the detail and absent from the list', async () => {
    // when
    const page = await listAs('shichang', `gridCode=${gridCode}`);

    // then
    expect(page.items.map((i) => i.caseNo)).not.toContain(caseNo);
    expect(await detailStatus('shichang', caseNo)).toBe(404);
  });

  it('lists only cases of their own department to a liaison', async () => {
    // when
    const page = await listAs('shichang', 'pageSize=100');

    // then
    expect(page.items.every((i) => i.departments.includes('commerce'))).toBe(true);
  });

  it.each(['zhihui', 'duban', 'admin'])('shows it to %s, who sees every case', async (username) => {
    // when
    const page = await listAs(username, `gridCode=${gridCode}`);

    // then
    expect(page.items.map((i) => i.caseNo)).toContain(caseNo);
    expect(await detailStatus(username, caseNo)).toBe(200);
  });
});

describe('data scope of inspectors and hotline operators', () => {
  const gridInspector = 'wangge2';
  const otherInspector = 'wangge3';
  let hotlineCase: string;

  beforeAll(async () => {
    // given a hotline report in a grid of wangge2
    const point = await h.pointIn('residential', 'wangge2');
    const api = await h.as('rexian');
    ({ caseNo: hotlineCase } = await api.post<{ caseNo: string }>('/api/cases', { categoryCode: 'E0103', description: '市民来电：路面不洁', lng: point.lng, lat: point.lat, callerName: '陈女士', callerPhone: '13600000000' }));
    // and the grid is known once the engine has located the case
    await h.flow.task((await h.row(hotlineCase)).processInstanceId, 'filing-review');
  });

  it('shows a case to the inspector of its grid, though someone else reported it', async () => {
    // when
    const page = await listAs(gridInspector, 'status=registered&categoryCode=E0103&pageSize=100');

    // then
    expect(page.items.map((i) => i.caseNo)).toContain(hotlineCase);
    expect(await detailStatus(gridInspector, hotlineCase)).toBe(200);
  });

  it('hides it from an inspector of other grids who did not report it', async () => {
    // when
    const page = await listAs(otherInspector, 'status=registered&categoryCode=E0103&pageSize=100');

    // then
    expect(page.items.map((i) => i.caseNo)).not.toContain(hotlineCase);
    expect(await detailStatus(otherInspector, hotlineCase)).toBe(404);
  });

  it('shows an inspector the cases they reported outside their grids', async () => {
    // given wangge3 reports in a grid of wangge
    const point = await h.pointIn('residential', 'wangge');
    const { caseNo } = await (await h.as('wangge3')).post<{ caseNo: string }>('/api/cases', { categoryCode: 'E0102', description: '路过发现暴露垃圾', lng: point.lng, lat: point.lat });

    // when / then
    expect(await detailStatus('wangge3', caseNo)).toBe(200);
    expect(await detailStatus('wangge2', caseNo)).toBe(404);
  });

  it('shows a hotline operator only the cases they filed', async () => {
    // when
    const page = await listAs('rexian', 'pageSize=100');

    // then
    expect(page.items.map((i) => i.caseNo)).toContain(hotlineCase);
    expect(page.items.every((i) => i.reporter === 'rexian')).toBe(true);
  });
});
