import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../../test/support/api-client.js';
import { AuditRecordEntity } from '../audit/index.js';
import { CaseApiHarness, errorOf } from './test-support.js';

let h: CaseApiHarness;
let inside: { lng: number; lat: number };

beforeAll(async () => {
  h = await CaseApiHarness.start();
  inside = await h.pointIn('residential');
});

afterAll(async () => {
  await h?.stop();
});

const valid = () => ({ categoryCode: 'E0102', description: '小区东门暴露垃圾', lng: inside.lng, lat: inside.lat });

describe('POST /api/cases', () => {
  it('files an inspector report with source inspector and answers 201 with the summary, audited', async () => {
    // given the inspector wangge
    const api = await h.as('wangge');

    // when
    const response = await api.raw('POST', '/api/cases', { ...valid(), source: 'hotline', address: '禾丰路 18 号' });

    // then the source is forced by the role
    expect(response.status).toBe(201);
    const created = await response.json();
    expect(created).toMatchObject({ status: 'registered', categoryCode: 'E0102', categoryName: '暴露垃圾', source: 'inspector', reporter: 'wangge', address: '禾丰路 18 号', urgent: false });
    expect(created.caseNo).toMatch(/^\d{13}$/);
    expect(await h.server.dataSource.manager.countBy(AuditRecordEntity, { action: 'case.create', targetType: 'case', targetId: created.caseNo, actor: 'wangge' })).toBe(1);
  });

  it('files a hotline report with the caller name and phone', async () => {
    // given the hotline operator rexian
    const api = await h.as('rexian');

    // when
    const response = await api.raw('POST', '/api/cases', { ...valid(), callerName: '李先生', callerPhone: '13800000000' });

    // then
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ source: 'hotline', reporter: 'rexian' });
    const row = await h.row((await h.report('rexian', { callerName: '王女士', callerPhone: '13900000000' })).caseNo);
    expect(row).toMatchObject({ callerName: '王女士', callerPhone: '13900000000', source: 'hotline' });
  });

  it('refuses a hotline report without the caller, naming both fields', async () => {
    // given
    const api = await h.as('rexian');

    // when
    const response = await api.raw('POST', '/api/cases', valid());

    // then
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details?.issues?.map((i) => i.path)).toEqual(['body.callerName', 'body.callerPhone']);
  });

  it.each([
    { user: 'zhihui', body: { source: 'patrol' }, expected: 'patrol' },
    { user: 'zhihui', body: { source: 'hotline', callerName: '赵先生', callerPhone: '13700000000' }, expected: 'hotline' },
    { user: 'xietiao', body: {}, expected: 'patrol' },
  ])('lets $user file a report with source $expected', async ({ user, body, expected }) => {
    // given
    const api = await h.as(user);

    // when
    const response = await api.raw('POST', '/api/cases', { ...valid(), ...body });

    // then
    expect(response.status).toBe(201);
    expect((await response.json()).source).toBe(expected);
  });

  it.each([
    { when: 'without a source', body: {}, message: /来源/ },
    { when: 'with source open311', body: { source: 'open311' }, message: /Open311/ },
  ])('refuses a command-centre report $when on body.source', async ({ body, message }) => {
    // given
    const api = await h.as('zhihui');

    // when
    const response = await api.raw('POST', '/api/cases', { ...valid(), ...body });

    // then
    expect(response.status).toBe(400);
    const [issue] = (await errorOf(response)).details!.issues!;
    expect(issue).toMatchObject({ path: 'body.source', message: expect.stringMatching(message) as string });
  });

  it.each([
    { when: 'the description is missing', change: { description: undefined }, path: 'body.description', message: '请填写问题描述' },
    { when: 'lng is a string', change: { lng: '120.15' }, path: 'body.lng', message: '经度须为数字' },
    { when: 'the category is unknown', change: { categoryCode: 'X9999' }, path: 'body.categoryCode', message: '未知的案件类别 (unknown category code)' },
    { when: 'an extra field is sent', change: { priority: 'high' }, path: 'body.priority', message: '不支持的字段 priority' },
    { when: 'the place is outside the district', change: { lng: 116.39, lat: 39.9 }, path: 'body.lng', message: '位置不在辖区网格内 (outside every unit grid)' },
    { when: 'the description is one character', change: { description: '脏' }, path: 'body.description', message: '描述至少 2 个字' },
  ])('answers 400 naming $path when $when', async ({ change, path, message }) => {
    // given an inspector
    const api = await h.as('wangge');

    // when
    const response = await api.raw('POST', '/api/cases', { ...valid(), ...change });

    // then
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details?.issues).toContainEqual({ path, message });
  });

  it.each(['sheji', 'gongan', 'duban'])('refuses a report by %s, whose role does not file cases, with 403', async (username) => {
    // given
    const api = await h.as(username);

    // when
    const response = await api.raw('POST', '/api/cases', valid());

    // then
    expect(response.status).toBe(403);
    expect((await errorOf(response)).code).toBe('FORBIDDEN');
  });

  it('refuses an anonymous report with 401', async () => {
    // when
    const response = await new ApiClient(h.server.url).raw('POST', '/api/cases', valid());

    // then
    expect(response.status).toBe(401);
  });
});
