import { readFile } from 'node:fs/promises';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineLogin, eventually, testDataSource, testEngine, testEnv, uniqueKey } from '../../../../test/support/test-env.js';
import { capturingLogger } from '../testing/log-capture.js';
import { defineHandler, WorkerRuntime } from './index.js';

const engine = testEngine();
let dataSource: DataSource;
let runtime: WorkerRuntime | undefined;

beforeAll(async () => {
  dataSource = await testDataSource();
  const bpmn = await readFile(new URL('./fixtures/runtime-probe.bpmn', import.meta.url));
  await engine.deploy('runtime-probe', [{ name: 'runtime-probe.bpmn', content: bpmn }], 'test');
});

afterAll(async () => {
  await runtime?.stop();
  await dataSource?.destroy();
});

describe('logging of failed tasks', () => {
  it('logs a failure that will be retried at warn, and the incident at error with what an operator needs to find it', async () => {
    // given a handler that always fails, with two attempts
    const { logger, lines } = capturingLogger('warn');
    runtime = new WorkerRuntime({ engineUrl: testEnv().ENGINE_URL!, ...engineLogin(), name: 'incident-log-test', dataSource, logger, longPollMs: 500, lockMs: 10_000 });
    runtime.register([
      defineHandler({
        topic: 'probe-incident',
        input: z.object({}),
        retry: { attempts: 2, baseDelayMs: 100 },
        handle: async () => {
          throw new Error('环卫调度系统连接超时');
        },
      }),
    ]);
    runtime.start();

    // when its task fails twice
    const businessKey = uniqueKey('incident');
    const instance = await engine.startProcess('probe-incident', { businessKey });
    await eventually(async () => (await engine.incidents(instance.id)).length > 0, { what: 'the incident' });
    const mine = await eventually(async () => {
      const found = lines.filter((l) => l.businessKey === businessKey);
      return found.length >= 2 ? found : undefined;
    }, { what: 'both failures to be logged' });

    // then the first is a warning, and the second an error naming the instance, activity, topic, key and message
    const [retried, incident, ...more] = mine;
    expect(more).toEqual([]);
    expect(retried).toMatchObject({ level: 40, retriesLeft: 1, msg: 'handler failed; will retry' });
    expect(incident).toMatchObject({
      level: 50,
      incident: true,
      retriesLeft: 0,
      processInstanceId: instance.id,
      activityId: 'in-fail',
      topic: 'probe-incident',
      businessKey,
      errorMessage: '[probe-incident] 环卫调度系统连接超时',
      msg: 'incident raised: [probe-incident] 环卫调度系统连接超时',
    });
  });
});
