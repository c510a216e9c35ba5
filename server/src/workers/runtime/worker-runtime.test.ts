import { readFile } from 'node:fs/promises';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineLogin, engineAuthorization, eventually, testDataSource, testEngine, testEnv, testLogger, uniqueKey } from '../../../../test/support/test-env.js';
import { WorkerRuntime } from './index.js';
import { decideHandler, echoHandler, failHandler } from './fixtures/probe-handlers.js';

const engine = testEngine();
let dataSource: DataSource;
let runtime: WorkerRuntime;

beforeAll(async () => {
  dataSource = await testDataSource();
  const bpmn = await readFile(new URL('./fixtures/runtime-probe.bpmn', import.meta.url));
  await engine.deploy('runtime-probe', [{ name: 'runtime-probe.bpmn', content: bpmn }], 'test');
  const env = testEnv();
  runtime = new WorkerRuntime({
    engineUrl: env.ENGINE_URL!,
    ...engineLogin(),
    name: 'runtime-test',
    dataSource,
    logger: testLogger(),
    longPollMs: 1000,
    lockMs: 10_000,
  }).register([echoHandler, decideHandler, failHandler]);
  runtime.start();
});

afterAll(async () => {
  await runtime?.stop();
  await dataSource?.destroy();
});

describe('worker runtime on the real engine', () => {
  it('fetches and completes a task, with typed variables in and out', async () => {
    // given
    const reportedAt = new Date('2026-10-08T09:15:00.000Z');
    const instance = await engine.startProcess('probe-roundtrip', {
      businessKey: uniqueKey('rt'),
      variables: { title: '暴露垃圾', count: 41, ratio: 0.25, urgent: false, reportedAt, location: { lat: 31.23, lng: 121.47 }, departments: ['urban-management'] },
    });
    // when the worker has handled the echo task
    await eventually(async () => (await engine.tasks({ processInstanceId: instance.id }))[0], { what: 'the user task after echo' });
    // then the outputs are in the engine with their types
    const vars = await engine.processVariables(instance.id);
    expect(vars).toMatchObject({
      echoTitle: '暴露垃圾（已受理）',
      echoCount: 42,
      echoRatio: 0.5,
      echoUrgent: true,
      echoLocation: { lat: 31.23, lng: 121.47, grid: 'G-001' },
      echoDepartments: ['urban-management', 'sanitation'],
    });
    expect((vars.echoDue as Date).toISOString()).toBe('2026-10-08T10:15:00.000Z');
    const types = await engineVariableTypes(instance.id);
    expect(types).toMatchObject({ echoTitle: 'String', echoCount: 'Long', echoRatio: 'Double', echoUrgent: 'Boolean', echoDue: 'Date', echoLocation: 'Json', echoDepartments: 'Json' });
  });

  it('turns a BusinessError into a BPMN error caught by the boundary event', async () => {
    const instance = await engine.startProcess('probe-business-error', { businessKey: uniqueKey('be'), variables: { verdict: 'reject' } });
    const [task] = await eventually(async () => {
      const tasks = await engine.tasks({ processInstanceId: instance.id });
      return tasks.length ? tasks : undefined;
    }, { what: 'the task after the error boundary' });
    expect(task!.taskDefinitionKey).toBe('be-handle-rejection');
    expect(await engine.processVariables(instance.id)).toMatchObject({ rejectReason: '不属于本部门职责' });
  });

  it('completes normally when the business rule passes', async () => {
    const instance = await engine.startProcess('probe-business-error', { businessKey: uniqueKey('be'), variables: { verdict: 'approve' } });
    const [task] = await eventually(async () => {
      const tasks = await engine.tasks({ processInstanceId: instance.id });
      return tasks.length ? tasks : undefined;
    }, { what: 'the approved task' });
    expect(task!.taskDefinitionKey).toBe('be-approved');
  });

  it('decrements retries on a technical error and raises a readable incident at zero', async () => {
    const instance = await engine.startProcess('probe-technical-error', { businessKey: uniqueKey('te') });
    const [incident] = await eventually(async () => {
      const incidents = await engine.incidents(instance.id);
      return incidents.length ? incidents : undefined;
    }, { what: 'the incident' });
    expect(incident!.incidentType).toBe('failedExternalTask');
    expect(incident!.incidentMessage).toBe('[probe-fail] 环卫调度系统连接超时 (crew dispatch unreachable)');
    const [externalTask] = await engine.externalTasks(instance.id);
    expect(externalTask!.retries).toBe(0);
    const details = await engine.externalTaskErrorDetails(externalTask!.id);
    expect(details).toContain('Caused by: Error: ECONNREFUSED');
  });

  it('rejects variables that do not match the handler input, as an incident naming the field', async () => {
    const instance = await engine.startProcess('probe-business-error', { businessKey: uniqueKey('be'), variables: { verdict: 'maybe' } });
    // default policy: 3 attempts with 5 s backoff; the first failure is enough to see the message
    const externalTask = await eventually(async () => {
      const [t] = await engine.externalTasks(instance.id);
      return t?.errorMessage ? t : undefined;
    }, { what: 'the failed task' });
    expect(externalTask.errorMessage).toContain('verdict');
    expect(externalTask.retries).toBe(2);
  });
});

async function engineVariableTypes(processInstanceId: string): Promise<Record<string, string>> {
  const env = testEnv();
  const response = await fetch(`${env.ENGINE_URL}/process-instance/${processInstanceId}/variables?deserializeValues=false`, {
    headers: { authorization: engineAuthorization() },
  });
  const body = (await response.json()) as Record<string, { type: string }>;
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, v.type]));
}
