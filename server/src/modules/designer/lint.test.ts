import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../../test/support/api-client.js';
import { engineLogin, eventually, testLogger, uniqueKey } from '../../../../test/support/test-env.js';
import { startTestServer, type TestServer } from '../../../../test/support/test-server.js';
import type { LintReport, ModelKind, TopicStatus } from '../../contracts/designer.js';
import { defineHandler, WorkerRuntime } from '../../workers/runtime/index.js';
import { z } from 'zod';
import { kindOfFile } from './designer.schema.js';
import { lintModel } from './lint/lint.service.js';
import { fixture, twoSteps } from './test-support.js';

let server: TestServer;
let sheji: ApiClient;

beforeAll(async () => {
  server = await startTestServer({ WORKERS: 'off' });
  sheji = await ApiClient.signedIn(server.url, 'sheji');
});

afterAll(async () => {
  await server?.stop();
});

const lint = (fileName: string, kind: ModelKind, content: string) => sheji.post<LintReport>('/api/designer/lint', { fileName, kind, content });
/** Lianqin's errors; whether a worker polls a topic (a warning) depends on the other servers of the suite. */
const lianqinProblems = (report: LintReport) => report.problems.filter((p) => p.source === 'lianqin' && p.severity === 'error');

describe('designer lint', () => {
  it('finds no error in any file shipped in processes/', async () => {
    const dir = server.config.PROCESSES_DIR;
    for (const fileName of await readdir(dir)) {
      const kind = kindOfFile(fileName);
      if (!kind) continue;
      const report = await lint(fileName, kind, await readFile(path.join(dir, fileName), 'utf8'));
      expect(report.problems.filter((p) => p.severity === 'error'), fileName).toEqual([]);
    }
  });

  it('reports a topic no worker handles, on its element, and lists the topic as unhandled', async () => {
    const report = await lint('x.bpmn', 'bpmn', await twoSteps({ TOPIC: 'case-locate-grid-v2' }));
    expect(lianqinProblems(report)).toEqual([
      { elementId: 'locate', rule: 'lianqin/topic-has-worker', severity: 'error', source: 'lianqin', message: expect.stringContaining('case-locate-grid-v2') },
    ]);
    expect(report.topics).toEqual([{ topic: 'case-locate-grid-v2', elementIds: ['locate'], handled: false, polled: false }]);
  });

  it('reports a candidate group that is neither a department nor a role group', async () => {
    const report = await lint('x.bpmn', 'bpmn', await twoSteps({ GROUP: 'sanitation,street-sweepers' }));
    expect(lianqinProblems(report)).toEqual([
      { elementId: 'handle', rule: 'lianqin/candidate-group-known', severity: 'error', source: 'lianqin', message: '候选组“street-sweepers”既不是部门编码，也不是已知的角色组' },
    ]);
    // role groups and unit codes are known
    expect(lianqinProblems(await lint('x.bpmn', 'bpmn', await twoSteps({ GROUP: 'command-centre,supervision' })))).toEqual([]);
  });

  it('reports a user task whose form does not exist', async () => {
    const report = await lint('x.bpmn', 'bpmn', await twoSteps({ FORM: 'case-handling-v9' }));
    expect(lianqinProblems(report)).toEqual([
      { elementId: 'handle', rule: 'lianqin/form-exists', severity: 'error', source: 'lianqin', message: expect.stringContaining('case-handling-v9') },
    ]);
  });

  it('reports a DMN output naming a department that does not exist, on its rule', async () => {
    const report = await lint('x.dmn', 'dmn', await fixture('routing.dmn', { DECISION_ID: 'routing-decision', DEPARTMENTS: 'sanitation,street-cleaning-bureau' }));
    expect(report.problems).toEqual([
      { elementId: 'rule-garbage', rule: 'lianqin/dmn-departments', severity: 'error', source: 'lianqin', message: '输出“派遣部门”中的“street-cleaning-bureau”不是部门编码' },
    ]);
    expect((await lint('x.dmn', 'dmn', await fixture('routing.dmn', { DECISION_ID: 'routing-decision', DEPARTMENTS: 'sanitation,public-security' }))).problems).toEqual([]);
  });

  it('runs bpmnlint and Camunda 7 compatibility rules', async () => {
    const unlabelled = (await twoSteps()).replace(' name="定位网格"', '');
    const report = await lint('x.bpmn', 'bpmn', unlabelled);
    expect(report.problems).toContainEqual(expect.objectContaining({ elementId: 'locate', rule: 'label-required', severity: 'error', source: 'bpmnlint' }));
    const noTimeToLive = (await twoSteps()).replace(' camunda:historyTimeToLive="P1D"', '');
    expect((await lint('x.bpmn', 'bpmn', noTimeToLive)).problems).toContainEqual(expect.objectContaining({ rule: 'camunda-compat/history-time-to-live', source: 'camunda', severity: 'warning' }));
  });

  it('reports what the parser had to drop, such as a duplicate id', async () => {
    const report = await lint('x.dmn', 'dmn', await fixture('routing.dmn', { DECISION_ID: 'routing-test', DEPARTMENTS: 'sanitation' }));
    expect(report.problems).toContainEqual(expect.objectContaining({ rule: 'parse', severity: 'error', message: expect.stringContaining('duplicate ID <routing-test>') }));
  });

  it('answers XML that does not parse with one error carrying the parser message', async () => {
    const report = await lint('x.bpmn', 'bpmn', '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><oops');
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({ rule: 'parse', severity: 'error', message: expect.stringMatching(/^文件无法解析：.+/) });
    expect((await lint('x.form', 'form', '{ "id": ')).problems[0]).toMatchObject({ rule: 'parse', severity: 'error' });
  });

  it('speaks English when asked', async () => {
    const report = await lintModel({ dataSource: server.dataSource, processesDir: server.config.PROCESSES_DIR }, { fileName: 'x.bpmn', kind: 'bpmn', content: await twoSteps({ GROUP: 'nobody' }) }, 'en');
    expect(lianqinProblems(report).map((p) => p.message)).toEqual(['Candidate group "nobody" is neither a department code nor a known role group']);
  });

  it('says whether a worker polls a topic right now, from the runtime heartbeat', async () => {
    // given a worker runtime polling a topic of its own
    const topic = uniqueKey('probe-topic');
    const runtime = new WorkerRuntime({ ...engineLogin(), engineUrl: server.config.ENGINE_URL, name: 'lint-probe', dataSource: server.dataSource, logger: testLogger(), longPollMs: 500, heartbeatMs: 500 });
    runtime.register([defineHandler({ topic, input: z.object({}), handle: async () => ({}) })]);
    const topicOf = async () => (await lint('x.bpmn', 'bpmn', await twoSteps({ TOPIC: topic }))).topics[0]!;
    runtime.start();
    try {
      // then the lint says it is polled
      const polled = await eventually(async () => ((await topicOf()).polled ? await topicOf() : undefined), { what: 'topic polled' });
      expect(polled).toMatchObject<Partial<TopicStatus>>({ topic, handled: false, polled: true, lastPolledAt: expect.any(String) });
    } finally {
      await runtime.stop();
    }
    // and once it stops, no longer
    expect((await topicOf()).polled).toBe(false);
  });

  it('lists every topic of the worker registry with its status', async () => {
    const topics = await sheji.get<TopicStatus[]>('/api/designer/workers');
    expect(topics.map((t) => t.topic)).toContain('case-locate-grid');
    expect(topics.every((t) => t.handled)).toBe(true);
  });
});
