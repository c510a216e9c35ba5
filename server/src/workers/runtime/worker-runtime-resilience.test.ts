import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { engineLogin, eventually, testDataSource, testEngine, testEnv, testLogger, uniqueKey } from '../../../../test/support/test-env.js';
import { defineHandler, WorkerRuntime } from './index.js';

const engine = testEngine();
let dataSource: DataSource;
const runtimes: WorkerRuntime[] = [];

beforeAll(async () => {
  dataSource = await testDataSource();
  const bpmn = await readFile(new URL('./fixtures/runtime-probe.bpmn', import.meta.url));
  await engine.deploy('runtime-probe', [{ name: 'runtime-probe.bpmn', content: bpmn }], 'test');
});

afterEach(async () => {
  await Promise.all(runtimes.splice(0).map((r) => r.stop()));
});

afterAll(async () => {
  await dataSource?.destroy();
});

function runtimeFor(engineUrl: string, logger = testLogger(), lockMs = 10_000): WorkerRuntime {
  const runtime = new WorkerRuntime({ engineUrl, ...engineLogin(), name: 'resilience-test', dataSource, logger, longPollMs: 500, lockMs, shutdownGraceMs: 5000 });
  runtimes.push(runtime);
  return runtime;
}

describe('worker runtime resilience', () => {
  it('backs off with growing waits while the engine is unreachable, instead of polling at a fixed rate', async () => {
    // given an "engine" that answers every fetch with 503
    let fetches = 0;
    const down: Server = createServer((_req, res) => {
      fetches++;
      res.writeHead(503).end();
    });
    await new Promise<void>((resolve) => down.listen(0, '127.0.0.1', resolve));
    const lines: Array<{ msg: string; retryInMs?: number; attempt?: number }> = [];
    const capture = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(JSON.parse(chunk.toString())), done()) });
    const runtime = runtimeFor(`http://127.0.0.1:${(down.address() as AddressInfo).port}/engine-rest`, pino({ level: 'warn' }, capture));
    runtime.register([defineHandler({ topic: 'probe-never', input: z.object({}), handle: async () => undefined })]);

    // when the worker polls
    runtime.start();
    const backoffs = await eventually(async () => {
      const found = lines.filter((l) => l.msg.includes('backing off'));
      return found.length >= 3 ? found : undefined;
    }, { timeoutMs: 20_000, what: 'three backoffs' });
    down.close();

    // then each wait is longer than the one before, and every failed fetch was followed by one backoff
    expect(backoffs.map((b) => b.attempt)).toEqual([1, 2, 3]);
    expect(backoffs[1]!.retryInMs!).toBeGreaterThan(backoffs[0]!.retryInMs!);
    expect(backoffs[2]!.retryInMs!).toBeGreaterThan(backoffs[1]!.retryInMs!);
    expect(fetches).toBe(lines.filter((l) => l.msg.includes('backing off')).length);
  });

  it('extends the lock of a task while its handler is still running', async () => {
    // given a handler that takes 6 s under a 3 s lock
    const lockSeen: string[] = [];
    const runtime = runtimeFor(testEnv().ENGINE_URL!, testLogger(), 3000);
    runtime.register([
      defineHandler({
        topic: 'probe-long',
        input: z.object({}),
        async handle(_input, { task }) {
          for (let i = 0; i < 3; i++) {
            await new Promise((resolve) => setTimeout(resolve, 2000));
            const [current] = await engine.externalTasks(task.processInstanceId);
            lockSeen.push(current!.lockExpirationTime!);
          }
          return { effectDone: true };
        },
      }),
    ]);
    runtime.start();

    // when a task runs longer than its lock
    const instance = await engine.startProcess('probe-long-task', { businessKey: uniqueKey('lock') });
    await eventually(async () => (await engine.historicProcessInstance(instance.id)).state === 'COMPLETED', { what: 'the long task to complete' });

    // then the lock expiry kept moving forward and the task was never handed to anyone else
    expect(lockSeen).toHaveLength(3);
    const expiries = lockSeen.map((t) => Date.parse(t));
    expect(expiries[2]!).toBeGreaterThan(expiries[0]!);
    const log = await engine.externalTaskLog(instance.id);
    expect(log.filter((entry) => entry.successLog)).toHaveLength(1);
    expect(log.filter((entry) => entry.failureLog)).toHaveLength(0);
  });

  it('gives back a task that the engine locked for its last long poll after the worker stopped', async () => {
    // given a worker whose long poll is open
    const runtime = new WorkerRuntime({ engineUrl: testEnv().ENGINE_URL!, ...engineLogin(), name: 'after-stop-test', dataSource, logger: testLogger(), longPollMs: 3000, lockMs: 60_000 });
    runtime.register([defineHandler({ topic: 'probe-after-stop', input: z.object({}), handle: async () => undefined })]);
    runtime.start();
    await new Promise((resolve) => setTimeout(resolve, 500));

    // when it stops, and a task of its topic is created while the engine still holds the poll
    const stopping = runtime.stop();
    const instance = await engine.startProcess('probe-after-stop', { businessKey: uniqueKey('after-stop') });
    await stopping;

    // then nothing is left locked for the stopped worker, so another worker can take the task at once
    expect(await engine.lockedExternalTasks(runtime.workerId)).toEqual([]);
    const [task] = await engine.externalTasks(instance.id);
    expect(task!.lockExpirationTime ?? null).toBeNull();
  });
});
