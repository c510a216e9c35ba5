import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../../test/support/api-client.js';
import { testEngine } from '../../../../test/support/test-env.js';
import { startTestServer, type TestServer } from '../../../../test/support/test-server.js';
import type { DefinitionVersion, DefinitionXml, DiffResult, ProcessKeySummary } from '../../contracts/process-versions.js';
import { deployFixture, startInstance, versionFixture, versionKey } from './test-support.js';

let server: TestServer;
let sheji: ApiClient;
const engine = testEngine();

beforeAll(async () => {
  server = await startTestServer({ WORKERS: 'off', DEPLOY_ON_START: 'false' });
  sheji = await ApiClient.signedIn(server.url, 'sheji');
});

afterAll(async () => {
  await server?.stop();
});

describe('versions of a process key', () => {
  it('lists each version newest first with who deployed it, when, from where and its running instances', async () => {
    // given v1 deployed from processes/ with one running instance, and v2 deployed by the designer sheji
    const key = versionKey();
    const v1 = await deployFixture(engine, { key, file: 'versions-v1.bpmn', by: 'file' });
    await startInstance(v1, `${key}-a`);
    const v2 = await deployFixture(engine, { key, file: 'versions-v2.bpmn', by: { designer: 'sheji' } });

    // when
    const versions = await sheji.get<DefinitionVersion[]>(`/api/designer/processes/${key}/versions`);

    // then
    expect(versions).toMatchObject([
      { id: v2, key, version: 2, kind: 'bpmn', source: 'designer', deployedBy: 'sheji', deployedByName: '流程设计员 赵丽', runningInstances: 0, incidents: 0 },
      { id: v1, key, version: 1, kind: 'bpmn', source: 'file', deployedBy: 'system', deployedByName: '系统', runningInstances: 1, incidents: 0 },
    ]);
    expect(Date.parse(versions[0]!.deployedAt)).toBeGreaterThanOrEqual(Date.parse(versions[1]!.deployedAt));
    const keys = await sheji.get<ProcessKeySummary[]>('/api/designer/processes');
    expect(keys.find((summary) => summary.key === key)).toEqual({ key, name: '版本测试：垃圾清运复核', kind: 'bpmn', latestVersion: 2, versions: 2, runningInstances: 1, incidents: 0 });
  });

  it('lists decision keys too, and gives a version its XML by definition id', async () => {
    // given a decision deployed by the designer
    const key = versionKey('pv-dmn');
    const id = await deployFixture(engine, { key, file: 'versions-decision.dmn', by: { designer: 'sheji' } });

    // when
    const versions = await sheji.get<DefinitionVersion[]>(`/api/designer/processes/${key}/versions`);
    const xml = await sheji.get<DefinitionXml>(`/api/designer/definitions/${encodeURIComponent(id)}/xml`);

    // then
    expect(versions).toMatchObject([{ id, kind: 'dmn', version: 1, source: 'designer', deployedBy: 'sheji' }]);
    expect(xml).toMatchObject({ id, key, version: 1, kind: 'dmn' });
    expect(xml.xml).toContain('rule-garbage');
  });

  it('answers 404 for a key or definition the engine does not know', async () => {
    const key = await sheji.raw('GET', '/api/designer/processes/no-such-process-key/versions');
    const xml = await sheji.raw('GET', '/api/designer/definitions/no-such-definition%3A1%3Ax/xml');

    expect(key.status).toBe(404);
    expect(xml.status).toBe(404);
    expect((await xml.json()).error.code).toBe('NOT_FOUND');
  });
});

describe('diff of two versions', () => {
  it('lists the changed task with its topic change, and the added and removed tasks', async () => {
    // given v1 and v2 of one process: notify's topic changes, approve is removed, confirm is added
    const key = versionKey();
    const v1 = await deployFixture(engine, { key, file: 'versions-v1.bpmn', by: 'file' });
    const v2 = await deployFixture(engine, { key, file: 'versions-v2.bpmn', by: { designer: 'sheji' } });

    // when
    const result = await sheji.post<DiffResult>('/api/designer/diff', { left: { definitionId: v1 }, right: { definitionId: v2 } });

    // then
    expect(result.left.label).toBe('版本测试：垃圾清运复核 v1');
    expect(result.right.label).toBe('版本测试：垃圾清运复核 v2');
    expect(result.left.xml).toContain(`${key}-notify-sms`);
    expect(result.changes.changed).toContainEqual({ id: 'notify', name: '通知市民', type: 'ServiceTask', properties: [{ property: 'topic', before: `${key}-notify-sms`, after: `${key}-notify-app` }] });
    expect(result.changes.added.map((element) => element.id)).toContain('confirm');
    expect(result.changes.removed.map((element) => element.id)).toContain('approve');
  });

  it('compares a deployed version with a draft of the designer, at its current or an earlier revision', async () => {
    // given v1 deployed, and a draft of the process saved twice: revision 1 is v1 as deployed, revision 2 is v2
    const key = versionKey();
    const v1 = await deployFixture(engine, { key, file: 'versions-v1.bpmn', by: 'file' });
    const draft = await sheji.post<{ id: number }>('/api/designer/drafts', { fileName: `${key}.bpmn`, kind: 'bpmn', content: versionFixture('versions-v1.bpmn', key) });
    await sheji.send('PUT', `/api/designer/drafts/${draft.id}`, { content: versionFixture('versions-v2.bpmn', key), baseRevision: 1, comment: '改用 App 通知' });

    // when
    const current = await sheji.post<DiffResult>('/api/designer/diff', { left: { definitionId: v1 }, right: { draftId: draft.id } });
    const first = await sheji.post<DiffResult>('/api/designer/diff', { left: { definitionId: v1 }, right: { draftId: draft.id, revision: 1 } });

    // then the current revision differs by the topic, and revision 1 by nothing
    expect(current.right.label).toBe(`草稿 ${key}.bpmn 第 2 版`);
    expect(current.changes.changed.find((element) => element.id === 'notify')?.properties).toEqual([{ property: 'topic', before: `${key}-notify-sms`, after: `${key}-notify-app` }]);
    expect(first.right.label).toBe(`草稿 ${key}.bpmn 第 1 版`);
    expect(first.changes).toEqual({ added: [], removed: [], changed: [], moved: [] });
    await sheji.send('DELETE', `/api/designer/drafts/${draft.id}`);
  });

  it('answers 404 for a draft or revision that does not exist', async () => {
    const process = await deployFixture(engine, { key: versionKey(), file: 'versions-v1.bpmn', by: 'file' });

    const response = await sheji.raw('POST', '/api/designer/diff', { left: { definitionId: process }, right: { draftId: 999_999_999 } });

    expect(response.status).toBe(404);
  });

  it('refuses a decision with DIFF_UNSUPPORTED and a bad side with a 400 naming the field', async () => {
    // given a decision and a process version
    const key = versionKey('pv-dmn');
    const decision = await deployFixture(engine, { key, file: 'versions-decision.dmn', by: 'file' });
    const process = await deployFixture(engine, { key: versionKey(), file: 'versions-v1.bpmn', by: 'file' });

    // when
    const unsupported = await sheji.raw('POST', '/api/designer/diff', { left: { definitionId: decision }, right: { definitionId: process } });
    const malformed = await sheji.raw('POST', '/api/designer/diff', { left: { definitionId: process } });

    // then
    expect(unsupported.status).toBe(422);
    expect((await unsupported.json()).error.code).toBe('DIFF_UNSUPPORTED');
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.details.issues[0].path).toBe('body.right');
  });
});

describe('who may use the versions API', () => {
  it.each([
    ['GET', '/api/designer/processes'],
    ['GET', '/api/designer/processes/case-closed-loop/versions'],
    ['POST', '/api/designer/migrations/plan'],
  ])('refuses a liaison %s %s with 403 and anonymous with 401', async (method, path) => {
    const liaison = await ApiClient.signedIn(server.url, 'huanwei');

    const asLiaison = await liaison.raw(method, path, method === 'POST' ? {} : undefined);
    const asAnonymous = await new ApiClient(server.url).raw(method, path, method === 'POST' ? {} : undefined);

    expect(asLiaison.status).toBe(403);
    expect((await asLiaison.json()).error.code).toBe('FORBIDDEN');
    expect(asAnonymous.status).toBe(401);
  });
});
