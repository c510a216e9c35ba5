import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditRecordEntity } from '../audit/index.js';
import type { CaseDetail } from './case-detail.js';
import type { CommentView } from './case-views.js';
import { CaseApiHarness, errorOf } from './test-support.js';

let h: CaseApiHarness;
let caseNo: string;

beforeAll(async () => {
  h = await CaseApiHarness.start();
  ({ caseNo } = await h.report('wangge'));
});

afterAll(async () => {
  await h?.stop();
});

const comment = async (username: string, body: unknown, no = caseNo) => (await h.as(username)).raw('POST', `/api/cases/${no}/comments`, body);
const detailAs = async (username: string, no: string) => (await h.as(username)).get<CaseDetail>(`/api/cases/${no}`);

describe('POST /api/cases/:caseNo/comments', () => {
  it('adds a comment, audited, shown in the detail and the timeline', async () => {
    // when the command centre comments
    const response = await comment('zhihui', { body: '  请网格员补充现场照片  ' });

    // then
    expect(response.status).toBe(201);
    const created = (await response.json()) as CommentView;
    expect(created).toMatchObject({ author: 'zhihui', authorName: '指挥中心 王敏', department: 'command-centre', body: '请网格员补充现场照片' });
    const audits = await h.server.dataSource.manager.findBy(AuditRecordEntity, { action: 'case.comment', targetType: 'case', targetId: caseNo });
    expect(audits.map((a) => JSON.parse(a.afterState!).commentId)).toContain(created.id);
    const detail = await detailAs('wangge', caseNo);
    expect(detail.comments).toContainEqual(created);
    expect(detail.timeline).toContainEqual(expect.objectContaining({ kind: 'comment', title: '发表评论', actor: 'zhihui', department: 'command-centre', detail: { commentId: created.id, body: '请网格员补充现场照片' } }));
    expect(detail.timeline.filter((e: { title: string }) => e.title === '发表评论')).toHaveLength(1);
  });

  it.each([
    { when: 'the body is blank', body: { body: '   ' }, path: 'body.body', message: '评论内容不能为空' },
    { when: 'the body is missing', body: {}, path: 'body.body', message: '请填写评论内容' },
    { when: 'the body has 1001 characters', body: { body: '字'.repeat(1001) }, path: 'body.body', message: '评论最多 1000 字' },
    { when: 'the body is a number', body: { body: 42 }, path: 'body.body', message: '评论内容须为文字' },
    { when: 'an extra field is sent', body: { body: '好', private: true }, path: 'body.private', message: '不支持的字段 private' },
  ])('answers 400 naming $path when $when', async ({ body, path, message }) => {
    // when
    const response = await comment('wangge', body);

    // then
    expect(response.status).toBe(400);
    expect((await errorOf(response)).details?.issues).toEqual([{ path, message }]);
  });

  it('accepts exactly 1000 characters', async () => {
    // when
    const response = await comment('wangge', { body: '字'.repeat(1000) });

    // then
    expect(response.status).toBe(201);
  });

  it('answers 404 to a caller who does not see the case', async () => {
    // when the commerce liaison comments on an undispatched sanitation report
    const response = await comment('shichang', { body: '看看' });

    // then
    expect(response.status).toBe(404);
  });
});

describe('comments of public security', () => {
  let shared: string;

  beforeAll(async () => {
    // given a spilled load dispatched to sanitation and public security, and a comment by the police liaison
    ({ caseNo: shared } = await h.report('wangge', { categoryCode: 'E0303', description: '渣土车道路遗撒' }, 'main-road'));
    await h.dispatch(shared, 2);
    expect((await comment('gongan', { body: '涉事车辆 浙A12345 已登记' }, shared)).status).toBe(201);
    expect((await comment('huanwei', { body: '已安排清扫' }, shared)).status).toBe(201);
  });

  it('shows the sanitation liaison when the police commented but not what', async () => {
    // when
    const detail = await detailAs('huanwei', shared);

    // then
    const police = detail.comments.find((c) => c.author === 'gongan')!;
    expect(police).toMatchObject({ department: 'public-security', createdAt: expect.any(String) as string });
    expect(police).not.toHaveProperty('body');
    expect(detail.comments.find((c) => c.author === 'huanwei')?.body).toBe('已安排清扫');
    const entries = detail.timeline.filter((e) => e.actor === 'gongan');
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => !('detail' in e))).toBe(true);
    expect(JSON.stringify(detail)).not.toContain('浙A12345');
  });

  it('shows the police liaison and the supervisor the whole comment', async () => {
    for (const username of ['gongan', 'duban']) {
      // when
      const detail = await detailAs(username, shared);

      // then
      expect(detail.comments.find((c) => c.author === 'gongan')?.body).toBe('涉事车辆 浙A12345 已登记');
    }
  });
});
