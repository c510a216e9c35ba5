import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../../test/support/api-client.js';
import { startTestServer, type TestServer } from '../../../../test/support/test-server.js';
import type { Draft, DraftConflictDetails, DraftRevisionSummary, DesignerFiles } from '../../contracts/designer.js';
import { AuditRecordEntity } from '../audit/index.js';
import { draftFileName, twoSteps } from './test-support.js';

let server: TestServer;
let sheji: ApiClient;
let admin: ApiClient;
let liaison: ApiClient;

beforeAll(async () => {
  server = await startTestServer({ WORKERS: 'off' });
  [sheji, admin, liaison] = await Promise.all([ApiClient.signedIn(server.url, 'sheji'), ApiClient.signedIn(server.url, 'admin'), ApiClient.signedIn(server.url, 'huanwei')]);
});

afterAll(async () => {
  await server?.stop();
});

async function errorOf(response: Response): Promise<{ status: number; code: string; message: string; details: any }> {
  const body = (await response.json()) as { error: { code: string; message: string; details: unknown } };
  return { status: response.status, ...body.error };
}

describe('designer files and drafts', () => {
  it('lists the shipped files of processes/ and reads one, never a path outside it', async () => {
    const files = await sheji.get<DesignerFiles>('/api/designer/files');
    expect(files.shipped).toContainEqual({ fileName: 'case-routing.dmn', kind: 'dmn' });
    expect(files.shipped).toContainEqual({ fileName: 'case-closed-loop.bpmn', kind: 'bpmn' });
    expect(files.shipped).toContainEqual({ fileName: 'case-filing.form', kind: 'form' });

    const shipped = await sheji.get('/api/designer/shipped/case-routing.dmn');
    expect(shipped).toMatchObject({ fileName: 'case-routing.dmn', kind: 'dmn' });
    expect(shipped.content).toContain('<decision id="case-routing"');

    expect((await sheji.raw('GET', '/api/designer/shipped/..%2Fpackage.json')).status).toBe(400);
    expect(await errorOf(await sheji.raw('GET', '/api/designer/shipped/no-such-file.bpmn'))).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('saves revisions with their author and comment, and refuses a second draft of the same file', async () => {
    // given a draft started by sheji
    const fileName = draftFileName('bpmn');
    const content = await twoSteps();
    const created = await sheji.send<Draft>('POST', '/api/designer/drafts', { fileName, kind: 'bpmn', content, comment: '初稿' });
    expect(created).toMatchObject({ fileName, kind: 'bpmn', revision: 1, updatedBy: 'sheji', comment: '初稿', content });

    // when it is saved on top of revision 1
    const saved = await sheji.send<Draft>('PUT', `/api/designer/drafts/${created.id}`, { content: content.replace('设计器测试', '第二稿'), baseRevision: 1, comment: '改名' });

    // then revision 2 is current, and both revisions are kept
    expect(saved).toMatchObject({ revision: 2, comment: '改名' });
    const revisions = await sheji.get<DraftRevisionSummary[]>(`/api/designer/drafts/${created.id}/revisions`);
    expect(revisions.map((r) => [r.revision, r.author, r.comment])).toEqual([
      [2, 'sheji', '改名'],
      [1, 'sheji', '初稿'],
    ]);
    expect(revisions[0]!.authorName).not.toBe('');
    expect((await sheji.get<Draft>(`/api/designer/drafts/${created.id}/revisions/1`)).content).toBe(content);
    const listed = (await sheji.get<DesignerFiles>('/api/designer/files')).drafts.find((d) => d.id === created.id);
    expect(listed).toMatchObject({ fileName, revision: 2, updatedBy: 'sheji', comment: '改名' });

    // and a second draft of the same file is refused, naming the first
    const second = await sheji.raw('POST', '/api/designer/drafts', { fileName, kind: 'bpmn', content });
    expect(await errorOf(second)).toMatchObject({ status: 409, code: 'DRAFT_EXISTS', details: { draftId: created.id } });

    const audit = await server.dataSource.manager.findBy(AuditRecordEntity, { targetType: 'designer-draft', targetId: String(created.id) });
    expect(audit.map((a) => a.action)).toEqual(['designer.draft.create', 'designer.draft.save']);
  });

  it('answers a save on an old revision with a conflict naming who saved last, and keeps their revision', async () => {
    // given a draft both designers opened at revision 1, and admin saved first
    const content = await twoSteps();
    const draft = await sheji.send<Draft>('POST', '/api/designer/drafts', { fileName: draftFileName('bpmn'), kind: 'bpmn', content });
    await admin.send('PUT', `/api/designer/drafts/${draft.id}`, { content: content.replace('设计器测试', '管理员的修改'), baseRevision: 1 });

    // when sheji saves on top of revision 1
    const response = await sheji.raw('PUT', `/api/designer/drafts/${draft.id}`, { content: content.replace('设计器测试', '设计员的修改'), baseRevision: 1 });

    // then it is a conflict, and admin's revision stays current
    const error = await errorOf(response);
    expect(error).toMatchObject({ status: 409, code: 'DRAFT_CONFLICT' });
    expect(error.details as DraftConflictDetails).toMatchObject({ currentRevision: 2, updatedBy: 'admin', updatedByName: expect.any(String), updatedAt: expect.any(String) });
    expect(error.message).toContain('第 2 版');
    const current = await sheji.get<Draft>(`/api/designer/drafts/${draft.id}`);
    expect(current).toMatchObject({ revision: 2, updatedBy: 'admin' });
    expect(current.content).toContain('管理员的修改');
  });

  it('lets only one of two simultaneous saves on the same revision through', async () => {
    const content = await twoSteps();
    const draft = await sheji.send<Draft>('POST', '/api/designer/drafts', { fileName: draftFileName('bpmn'), kind: 'bpmn', content });
    const statuses = await Promise.all([sheji, admin].map(async (client, i) => (await client.raw('PUT', `/api/designer/drafts/${draft.id}`, { content: `${content}<!-- ${i} -->`, baseRevision: 1 })).status));
    expect(statuses.sort()).toEqual([200, 409]);
    expect((await sheji.get<DraftRevisionSummary[]>(`/api/designer/drafts/${draft.id}/revisions`)).map((r) => r.revision)).toEqual([2, 1]);
  });

  it('keeps the largest shipped file whole (case-routing.dmn is over MySQL TEXT\'s 64 kB)', async () => {
    const { content } = await sheji.get<{ content: string }>('/api/designer/shipped/case-routing.dmn');
    expect(Buffer.byteLength(content, 'utf8')).toBeGreaterThan(65_535);
    const draft = await sheji.send<Draft>('POST', '/api/designer/drafts', { fileName: draftFileName('dmn'), kind: 'dmn', content });
    expect((await sheji.get<Draft>(`/api/designer/drafts/${draft.id}`)).content).toBe(content);
  });

  it('downloads a draft as its file, and deletes it with its history', async () => {
    const fileName = draftFileName('form');
    const content = JSON.stringify({ id: 'download-test', type: 'default', components: [] });
    const draft = await sheji.send<Draft>('POST', '/api/designer/drafts', { fileName, kind: 'form', content });

    const download = await sheji.raw('GET', `/api/designer/drafts/${draft.id}/download`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="?${fileName.replaceAll('.', '\\.')}"?$`));
    expect(download.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await download.text()).toBe(content);

    expect((await sheji.raw('DELETE', `/api/designer/drafts/${draft.id}`)).status).toBe(204);
    expect((await sheji.raw('GET', `/api/designer/drafts/${draft.id}`)).status).toBe(404);
    expect((await sheji.raw('GET', `/api/designer/drafts/${draft.id}/revisions`)).status).toBe(404);
  });

  it.each([
    { when: 'the kind does not match the extension', body: { fileName: 'x.bpmn', kind: 'dmn', content: '<x/>' }, path: 'body.kind' },
    { when: 'the file name has a folder', body: { fileName: '../x.bpmn', kind: 'bpmn', content: '<x/>' }, path: 'body.fileName' },
    { when: 'the content is empty', body: { fileName: 'x.bpmn', kind: 'bpmn', content: '' }, path: 'body.content' },
  ])('refuses a draft when $when', async ({ body, path }) => {
    const error = await errorOf(await sheji.raw('POST', '/api/designer/drafts', body));
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(error.details.issues.map((i: { path: string }) => i.path)).toContain(path);
  });

  it('refuses a liaison with 403 and an anonymous caller with 401', async () => {
    expect(await errorOf(await liaison.raw('GET', '/api/designer/files'))).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect((await new ApiClient(server.url).raw('GET', '/api/designer/files')).status).toBe(401);
  });
});
