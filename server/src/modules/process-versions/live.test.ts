import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../../test/support/api-client.js';
import { eventually, testEngine } from '../../../../test/support/test-env.js';
import { startTestServer, type TestServer } from '../../../../test/support/test-server.js';
import type { LiveView, RetryResult } from '../../contracts/process-versions.js';
import { auditTrail } from '../audit/index.js';
import { completeTaskAt, deployFixture, failExternalTask, startInstance, versionKey } from './test-support.js';

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

describe('the live view of a version', () => {
  it('counts instances and finished runs per activity, with median durations', async () => {
    // given three instances at review, one of which went on to approve
    const key = versionKey();
    const v1 = await deployFixture(engine, { key, file: 'versions-v1.bpmn', by: 'file' });
    const ids = [await startInstance(v1, `${key}-1`), await startInstance(v1, `${key}-2`), await startInstance(v1, `${key}-3`)];
    await completeTaskAt(engine, ids[0]!, 'review');

    // when
    const live = await sheji.get<LiveView>(`/api/designer/definitions/${encodeURIComponent(v1)}/live`);

    // then
    const at = (id: string) => live.activities.find((activity) => activity.activityId === id);
    expect(at('review')).toMatchObject({ instances: 2, incidents: 0, finished: 1, medianDurationMs: expect.any(Number) });
    expect(at('approve')).toMatchObject({ instances: 1, finished: 0 });
    expect(at('start')).toMatchObject({ instances: 0, finished: 3 });
    expect(live.incidents).toEqual([]);
  });
});

describe('retrying an incident', () => {
  it('shows the incident with its message, sets retries on the failed external task, and audits it', async () => {
    // given an instance whose external task failed with no retries left
    const key = versionKey();
    const id = await deployFixture(engine, { key, file: 'versions-failing.bpmn', by: { designer: 'sheji' } });
    const instance = await startInstance(id, `${key}-1`);
    const externalTaskId = await failExternalTask(`${key}-dispatch`, instance, '清运车调度系统无响应');

    // when the designer opens the live view
    const live = await sheji.get<LiveView>(`/api/designer/definitions/${encodeURIComponent(id)}/live`);

    // then the incident is there with its message, at its activity
    expect(live.activities.find((activity) => activity.activityId === 'dispatch')).toMatchObject({ instances: 1, incidents: 1 });
    expect(live.incidents).toHaveLength(1);
    const [incident] = live.incidents;
    expect(incident).toMatchObject({ activityId: 'dispatch', incidentType: 'failedExternalTask', message: '清运车调度系统无响应', processInstanceId: instance, businessKey: `${key}-1`, retryable: true });

    // when they retry it twice over
    const result = await sheji.post<RetryResult>(`/api/designer/incidents/${incident!.id}/retry`, { retries: 2 });

    // then the external task has retries again, the incident is resolved, and the retry is audited
    expect(result).toEqual({ incidentId: incident!.id, target: { kind: 'external-task', id: externalTaskId }, retries: 2 });
    expect((await engine.externalTasks(instance))[0]?.retries).toBe(2);
    await eventually(async () => (await engine.incidents(instance)).length === 0, { what: 'the incident resolved' });
    const trail = await auditTrail(server.dataSource.manager, 'incident', incident!.id);
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ actor: 'sheji', action: 'designer.incident.retry' });
    expect(JSON.parse(trail[0]!.afterState!)).toEqual({ target: { kind: 'external-task', id: externalTaskId }, retries: 2 });

    // and retrying it again is a 404: it is resolved
    const again = await sheji.raw('POST', `/api/designer/incidents/${incident!.id}/retry`, {});
    expect(again.status).toBe(404);
  });

  it('refuses a retry of 0 or less with a 400', async () => {
    const response = await sheji.raw('POST', '/api/designer/incidents/any/retry', { retries: 0 });

    expect(response.status).toBe(400);
    expect((await response.json()).error.details.issues[0]).toMatchObject({ path: 'body.retries', message: '重试次数至少为 1' });
  });
});
