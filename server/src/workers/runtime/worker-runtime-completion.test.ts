import { readFile } from 'node:fs/promises';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { engineLogin, engineAuthorization, eventually, testDataSource, testEngine, testEnv, testLogger, uniqueKey } from '../../../../test/support/test-env.js';
import { startEngineFaultProxy, type EngineFaultProxy, type FaultAction, type ProxiedRequest } from '../testing/engine-fault-proxy.js';
import { capturingLogger } from '../testing/log-capture.js';
import { defineHandler, SideEffectEntity, WorkerRuntime, type CompletionRetryPolicy, type RetryPolicy } from './index.js';

const engine = testEngine();
let dataSource: DataSource;
const running: Array<{ runtime: WorkerRuntime; proxy: EngineFaultProxy }> = [];

/** Per business key: how often the handler ran, and how often its side effect really happened. */
const tally = new Map<string, { handled: number; effects: number }>();
/** Per business key: a promise the handler waits for after its side effect, before it returns. */
const gates = new Map<string, Promise<void>>();

const completionProbe = defineHandler({
  topic: 'probe-completion',
  input: z.object({}),
  async handle(_input, { task, once }) {
    const key = task.businessKey!;
    const counts = tally.get(key) ?? { handled: 0, effects: 0 };
    tally.set(key, counts);
    counts.handled++;
    const receipt = await once('dispatch-crew', async () => {
      counts.effects++;
      return { receiptNo: `R-${key}` };
    });
    await gates.get(key);
    return { receiptNo: receipt.receiptNo };
  },
});

beforeAll(async () => {
  dataSource = await testDataSource();
  const bpmn = await readFile(new URL('./fixtures/runtime-probe.bpmn', import.meta.url));
  await engine.deploy('runtime-probe', [{ name: 'runtime-probe.bpmn', content: bpmn }], 'test');
});

afterEach(async () => {
  for (const { runtime, proxy } of running.splice(0)) {
    await runtime.stop();
    await proxy.close();
  }
});

afterAll(async () => {
  await dataSource?.destroy();
});

/** A worker for the probe topic whose engine traffic goes through a proxy that applies `faults` to each request. */
async function workerBehindProxy(
  faults: (req: ProxiedRequest) => FaultAction,
  options: { logger?: Logger; completionRetry?: Partial<CompletionRetryPolicy>; retry?: Partial<RetryPolicy> } = {},
): Promise<EngineFaultProxy> {
  const proxy = await startEngineFaultProxy(testEnv().ENGINE_URL!, faults);
  const runtime = new WorkerRuntime({
    engineUrl: proxy.url,
    ...engineLogin(),
    name: 'completion-test',
    dataSource,
    logger: options.logger ?? testLogger(),
    longPollMs: 500,
    lockMs: 10_000,
    shutdownGraceMs: 5000,
    completionRetry: { baseDelayMs: 100, ...options.completionRetry },
    retry: options.retry,
  }).register([completionProbe]);
  runtime.start();
  running.push({ runtime, proxy });
  return proxy;
}

/** Fails the first `count` completion requests with `action`, and passes everything else. */
function failFirstCompletions(count: number, action: FaultAction): (req: ProxiedRequest) => FaultAction {
  let failed = 0;
  return ({ path }) => (path.endsWith('/complete') && failed++ < count ? action : 'pass');
}

const completions = (proxy: EngineFaultProxy) => proxy.seen.filter((r) => r.path.endsWith('/complete'));
const failureReports = (proxy: EngineFaultProxy) => proxy.seen.filter((r) => r.path.endsWith('/failure'));

async function completedProcess(processInstanceId: string): Promise<void> {
  await eventually(async () => (await engine.historicProcessInstance(processInstanceId)).state === 'COMPLETED', { what: 'the process to complete' });
}

/** The engine's record of the task: failures reported, successes, and the retries it ever had. */
async function engineRecord(processInstanceId: string) {
  const log = await engine.externalTaskLog(processInstanceId);
  return { failures: log.filter((e) => e.failureLog).length, successes: log.filter((e) => e.successLog).length, retries: [...new Set(log.map((e) => e.retries))] };
}

/** Locks an external task for a worker id of the test's choosing, as fetchAndLock would for another worker. */
async function lockFor(workerId: string, externalTaskId: string): Promise<void> {
  const response = await fetch(`${testEnv().ENGINE_URL}/external-task/${externalTaskId}/lock`, {
    method: 'POST',
    headers: { authorization: engineAuthorization(), 'content-type': 'application/json' },
    body: JSON.stringify({ workerId, lockDuration: 60_000 }),
  });
  expect(response.status).toBe(204);
}

describe('completing a task whose handler succeeded', () => {
  it('tries the completion again when the engine answers 503, without spending a retry or repeating the side effect', async () => {
    // given a worker whose first two completions meet an unavailable engine
    const proxy = await workerBehindProxy(failFirstCompletions(2, { status: 503 }));

    // when a task is handled
    const businessKey = uniqueKey('complete-503');
    const instance = await engine.startProcess('probe-completion', { businessKey });
    await completedProcess(instance.id);

    // then the third try completed it, no failure was reported and the engine's retries were never touched
    expect(completions(proxy)).toHaveLength(3);
    expect(failureReports(proxy)).toEqual([]);
    expect(await engineRecord(instance.id)).toEqual({ failures: 0, successes: 1, retries: [null] });
    expect(tally.get(businessKey)).toEqual({ handled: 1, effects: 1 });
    expect(await dataSource.manager.countBy(SideEffectEntity, { businessKey })).toBe(1);
    expect((await engine.historicVariables(instance.id)).receiptNo).toBe(`R-${businessKey}`);
  });

  it('hands the task back when the engine stays unreachable, and the redelivery completes it from the stored effect', async () => {
    // given a worker that tries each completion twice, and whose first three completions lose their connection
    const proxy = await workerBehindProxy(failFirstCompletions(3, 'reset'), { completionRetry: { attempts: 2 } });

    // when a task is handled
    const businessKey = uniqueKey('complete-reset');
    const instance = await engine.startProcess('probe-completion', { businessKey });
    await completedProcess(instance.id);

    // then the first delivery gave the task back unfailed, and the second ran the handler without repeating its effect
    expect(proxy.seen.filter((r) => r.path.endsWith('/unlock'))).toHaveLength(1);
    expect(failureReports(proxy)).toEqual([]);
    expect(await engineRecord(instance.id)).toEqual({ failures: 0, successes: 1, retries: [null] });
    expect(tally.get(businessKey)).toEqual({ handled: 2, effects: 1 });
    expect(await dataSource.manager.countBy(SideEffectEntity, { businessKey })).toBe(1);
    expect((await engine.historicVariables(instance.id)).receiptNo).toBe(`R-${businessKey}`);
  });

  it('stops trying when the engine took a completion whose answer was lost', async () => {
    // given a worker whose first completion reaches the engine but loses the answer
    const { logger, lines } = capturingLogger('info');
    const proxy = await workerBehindProxy(failFirstCompletions(1, 'lose-answer'), { logger });

    // when a task is handled
    const businessKey = uniqueKey('complete-lost');
    const instance = await engine.startProcess('probe-completion', { businessKey });
    await completedProcess(instance.id);
    await eventually(async () => completions(proxy).length === 2, { what: 'the second completion' });

    // then the second try found the task gone and dropped it, with nothing reported as a failure
    await eventually(async () => lines.some((l) => l.msg.includes('no longer has this task')), { what: 'the drop to be logged' });
    expect(failureReports(proxy)).toEqual([]);
    expect(await engineRecord(instance.id)).toEqual({ failures: 0, successes: 1, retries: [null] });
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
  });

  it('drops a task whose process was cancelled while its handler ran, and reports no failure', async () => {
    // given a handler held open after its side effect
    const { logger, lines } = capturingLogger('info');
    const proxy = await workerBehindProxy(() => 'pass', { logger });
    const businessKey = uniqueKey('complete-cancelled');
    let release!: () => void;
    gates.set(businessKey, new Promise<void>((resolve) => (release = resolve)));
    const instance = await engine.startProcess('probe-completion', { businessKey });
    await eventually(async () => tally.get(businessKey)?.effects === 1, { what: 'the handler to run' });

    // when the process is cancelled and the handler then finishes
    await engine.deleteProcessInstance(instance.id);
    release();

    // then the worker logs the task as gone and drops it, without a failure report or an error
    const dropped = await eventually(async () => lines.find((l) => l.msg.includes('no longer has this task')), { what: 'the drop to be logged' });
    expect(dropped).toMatchObject({ level: 40, businessKey, processInstanceId: instance.id, activityId: 'pc-work' });
    expect(completions(proxy)).toHaveLength(1);
    expect(failureReports(proxy)).toEqual([]);
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    expect((await engine.historicProcessInstance(instance.id)).state).toBe('EXTERNALLY_TERMINATED');
  });

  it('leaves a task to the worker that holds it now, and reports no failure', async () => {
    // given a handler held open after its side effect, by a worker that can be kept from fetching more
    const { logger, lines } = capturingLogger('info');
    let fetching = true;
    const proxy = await workerBehindProxy(({ path }) => (!fetching && path.endsWith('/fetchAndLock') ? { status: 503 } : 'pass'), { logger });
    const businessKey = uniqueKey('complete-taken');
    let release!: () => void;
    gates.set(businessKey, new Promise<void>((resolve) => (release = resolve)));
    const instance = await engine.startProcess('probe-completion', { businessKey });
    await eventually(async () => tally.get(businessKey)?.effects === 1, { what: 'the handler to run' });

    // when another worker gets the task meanwhile (as after an expired lock) and the handler then finishes
    fetching = false;
    await new Promise((resolve) => setTimeout(resolve, 1000)); // the long poll open at the engine ends
    const [task] = await engine.externalTasks(instance.id);
    await engine.unlockExternalTask(task!.id);
    await lockFor('another-worker', task!.id);
    release();

    // then the worker leaves it alone: no failure report, no error, and the task stays with the other worker
    const dropped = await eventually(async () => lines.find((l) => l.msg.includes('another worker holds this task')), { what: 'the drop to be logged' });
    expect(dropped).toMatchObject({ level: 40, businessKey });
    expect(failureReports(proxy)).toEqual([]);
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    expect((await engine.externalTasks(instance.id))[0]).toMatchObject({ workerId: 'another-worker', retries: null });
    await engine.deleteProcessInstance(instance.id);
  });

  it('reports a failure, ending in an incident, when the engine keeps refusing the completion with a 500', async () => {
    // given an engine that answers every completion with 500, and a worker with no retries to spend
    const proxy = await workerBehindProxy(({ path }) => (path.endsWith('/complete') ? { status: 500 } : 'pass'), { completionRetry: { attempts: 2 }, retry: { attempts: 1 } });

    // when a task is handled
    const businessKey = uniqueKey('complete-500');
    const instance = await engine.startProcess('probe-completion', { businessKey });
    const [incident] = await eventually(async () => {
      const incidents = await engine.incidents(instance.id);
      return incidents.length ? incidents : undefined;
    }, { what: 'the incident' });

    // then the refusal is visible to operators instead of looping unseen, and the side effect still happened once
    expect(completions(proxy)).toHaveLength(2);
    expect(incident!.incidentMessage).toContain('[probe-completion] Response code 500');
    expect(tally.get(businessKey)).toEqual({ handled: 1, effects: 1 });
  });
});
