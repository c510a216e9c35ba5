import { readFile } from 'node:fs/promises';
import type { DataSource } from 'typeorm';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { AuditRecordEntity } from '../../server/src/modules/audit/index.js';
import { SideEffectEntity } from '../../server/src/workers/runtime/index.js';
import { startProbeWorker, type ProbeWorker } from '../support/probe-worker-process.js';
import { eventually, testDataSource, testEngine, uniqueKey } from '../support/test-env.js';

// Separate worker processes share the app database only on MySQL/MariaDB (always the case in CI).
const sharedDatabase = inject('databaseUrl') !== '';
const engine = testEngine();
let dataSource: DataSource;
const workers: ProbeWorker[] = [];

beforeAll(async () => {
  dataSource = await testDataSource();
  const bpmn = await readFile(new URL('../../server/src/workers/runtime/fixtures/runtime-probe.bpmn', import.meta.url));
  await engine.deploy('runtime-probe', [{ name: 'runtime-probe.bpmn', content: bpmn }], 'test');
});

afterEach(async () => {
  for (const w of workers.splice(0)) {
    if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    await w.exited;
  }
});

afterAll(async () => {
  await dataSource?.destroy();
});

const effectsOf = (businessKey: string) => dataSource.manager.countBy(AuditRecordEntity, { action: 'probe.effect', targetId: businessKey });

describe.runIf(sharedDatabase)('worker processes under faults', () => {
  it('redelivers a task whose worker was killed mid-task, and the side effect happens exactly once', async () => {
    // given a worker that performs the side effect and then hangs
    const first = await startProbeWorker(120_000);
    workers.push(first);
    const businessKey = uniqueKey('crash');
    const instance = await engine.startProcess('probe-side-effect', { businessKey });
    await eventually(async () => (await effectsOf(businessKey)) === 1, { what: 'the side effect of the first worker' });

    // when it is killed without warning and another worker takes over after the lock expires
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    const second = await startProbeWorker(0);
    workers.push(second);
    await eventually(async () => (await engine.historicProcessInstance(instance.id)).state === 'COMPLETED', { timeoutMs: 40_000, what: 'the process to complete' });

    // then the effect happened once, and the second worker completed the same external task
    expect(await effectsOf(businessKey)).toBe(1);
    const [effect] = await dataSource.manager.findBy(SideEffectEntity, { businessKey });
    expect(effect!.workerId).toBe(first.workerId);
    const log = await engine.externalTaskLog(instance.id);
    const success = log.find((entry) => entry.successLog);
    expect(success?.workerId).toBe(second.workerId);
    expect(success?.externalTaskId).toBe(log.find((entry) => entry.creationLog)?.externalTaskId);
  });

  it('on SIGTERM finishes the in-flight task, completes it and exits 0', async () => {
    // given a worker holding a task for 3 s
    const worker = await startProbeWorker(3000, 60_000);
    workers.push(worker);
    const businessKey = uniqueKey('term');
    const instance = await engine.startProcess('probe-side-effect', { businessKey });
    await eventually(async () => (await effectsOf(businessKey)) === 1, { what: 'the handler to be in flight' });

    // when it is asked to stop mid-task
    worker.child.kill('SIGTERM');

    // then it exits cleanly only after completing the task: nothing is left locked or lost
    expect(await worker.exited).toBe(0);
    expect((await engine.historicProcessInstance(instance.id)).state).toBe('COMPLETED');
    expect(await effectsOf(businessKey)).toBe(1);
  });
});
