import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../../test/support/api-client.js';
import { uniqueKey } from '../../../../test/support/test-env.js';
import { startTestServer, type TestServer } from '../../../../test/support/test-server.js';
import type { DeployDraftResult, Draft } from '../../contracts/designer.js';
import { AuditRecordEntity } from '../audit/index.js';
import { draftFileName, fixture, twoSteps } from './test-support.js';

let server: TestServer;
let sheji: ApiClient;

beforeAll(async () => {
  server = await startTestServer({ WORKERS: 'off' });
  sheji = await ApiClient.signedIn(server.url, 'sheji');
});

afterAll(async () => {
  await server?.stop();
});

async function errorOf(response: Response): Promise<{ status: number; code: string; message: string; details: any }> {
  const body = (await response.json()) as { error: { code: string; message: string; details: unknown } };
  return { status: response.status, ...body.error };
}

const newDraft = (kind: 'bpmn' | 'dmn', content: string) => sheji.send<Draft>('POST', '/api/designer/drafts', { fileName: draftFileName(kind), kind, content });

describe('deploying a draft', () => {
  it('deploys a new version named after the designer, with the designer source, and audits it', async () => {
    // given a lint-clean draft of a new process
    const key = uniqueKey('designer-deploy');
    const draft = await newDraft('bpmn', await twoSteps({ PROCESS_ID: key, PROCESS_NAME: '设计器部署' }));

    // when sheji deploys it
    const result = await sheji.post<DeployDraftResult>(`/api/designer/drafts/${draft.id}/deploy`, { revision: 1 });

    // then the engine holds version 1 of the key, deployed as designer:sheji from lianqin-designer
    expect(result.definitions).toEqual([{ id: expect.any(String), key, version: 1, name: '设计器部署' }]);
    const deployment = await server.engine.deployment(result.deploymentId);
    expect(deployment).toMatchObject({ name: 'designer:sheji', source: 'lianqin-designer' });
    expect(await server.engine.deploymentResourceNames(result.deploymentId)).toEqual([draft.fileName]);
    const audit = await server.dataSource.manager.findBy(AuditRecordEntity, { action: 'designer.deploy', targetId: result.deploymentId });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'sheji', targetType: 'deployment' });
    expect(JSON.parse(audit[0]!.afterState!)).toMatchObject({ draftId: draft.id, revision: 1, source: 'lianqin-designer' });

    // and deploying again makes version 2: pressing deploy always makes a version
    const again = await sheji.post<DeployDraftResult>(`/api/designer/drafts/${draft.id}/deploy`, { revision: 1 });
    expect(again.definitions[0]!.version).toBe(2);
  });

  it('refuses to deploy once a topic is renamed to one that has no worker, and deploys nothing', async () => {
    // given a deployed process whose draft renames its topic
    const key = uniqueKey('designer-topic');
    const content = await twoSteps({ PROCESS_ID: key });
    const draft = await newDraft('bpmn', content);
    await sheji.post(`/api/designer/drafts/${draft.id}/deploy`, { revision: 1 });
    await sheji.send('PUT', `/api/designer/drafts/${draft.id}`, { content: content.replace('camunda:topic="case-locate-grid"', 'camunda:topic="case-locate-grid-v2"'), baseRevision: 1, comment: '改主题' });

    // when the renamed revision is deployed
    const error = await errorOf(await sheji.raw('POST', `/api/designer/drafts/${draft.id}/deploy`, { revision: 2 }));

    // then the lint refuses it, naming the topic on its element, and the engine still has one version
    expect(error).toMatchObject({ status: 422, code: 'LINT_FAILED' });
    expect(error.details.problems).toContainEqual(expect.objectContaining({ elementId: 'locate', rule: 'lianqin/topic-has-worker', message: expect.stringContaining('case-locate-grid-v2') }));
    expect(await server.engine.processDefinitions(key)).toHaveLength(1);
  });

  it('answers an engine refusal with its message and line', async () => {
    // a history time to live the lint accepts (it only checks one is set) but the engine cannot read
    const key = uniqueKey('designer-refused');
    const draft = await newDraft('bpmn', await twoSteps({ PROCESS_ID: key, HTTL: 'eine-woche' }));

    const error = await errorOf(await sheji.raw('POST', `/api/designer/drafts/${draft.id}/deploy`, { revision: 1 }));

    expect(error).toMatchObject({ status: 422, code: 'DEPLOY_REFUSED', details: { message: expect.stringContaining('eine-woche') } });
    expect(error.message).toContain(draft.fileName);
    expect(await server.engine.processDefinitions(key)).toHaveLength(0);
  });

  it('deploys a decision and answers its definition', async () => {
    const key = uniqueKey('designer-routing');
    const draft = await newDraft('dmn', await fixture('routing.dmn', { DECISION_ID: key, DEPARTMENTS: 'sanitation' }));

    const result = await sheji.post<DeployDraftResult>(`/api/designer/drafts/${draft.id}/deploy`, { revision: 1 });

    expect(result.definitions).toEqual([{ id: expect.any(String), key, version: 1, name: '派遣测试' }]);
    expect(await server.engine.evaluateDecision(key, { categoryCode: 'E0102' })).toEqual([{ departments: 'sanitation', limitAmount: 4 }]);
  });

  it('answers 404 for a revision the draft does not have', async () => {
    const draft = await newDraft('bpmn', await twoSteps());
    expect(await errorOf(await sheji.raw('POST', `/api/designer/drafts/${draft.id}/deploy`, { revision: 7 }))).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });
});
