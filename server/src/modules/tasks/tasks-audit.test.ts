import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseFlow } from '../../../../test/e2e/case-flow.js';
import { ApiClient } from '../../../../test/support/api-client.js';
import { testLogger } from '../../../../test/support/test-env.js';
import { startTestServer } from '../../../../test/support/test-server.js';
import type { EngineClient } from '../../engine/index.js';
import type { RunningServer } from '../../server.js';
import { AuditIntentEntity, AuditRecordEntity, recordIntent } from '../audit/index.js';
import { engineTimedOut, failNextInsert } from '../audit/testing/faults.js';
import { reconcileTaskIntents } from './task-intents.js';

let server: RunningServer;
let flow: CaseFlow;
let centre: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  flow = new CaseFlow(server);
  centre = await ApiClient.signedIn(server.url, 'zhihui');
});

afterAll(async () => {
  await server?.stop();
});

/** The filing review of a new case: a command-centre task nobody has claimed. */
async function filingTask(): Promise<string> {
  const c = await flow.report({ categoryCode: 'E0102', description: '垃圾堆放' });
  return (await flow.task(c.processInstanceId, 'filing-review')).id;
}

/** Replaces one engine call of the running server, once; the replacement gets the real call. */
function injectOnce<K extends 'claim' | 'unclaim' | 'completeTask'>(method: K, fault: (real: EngineClient[K]) => EngineClient[K]): void {
  const engine = server.engine as EngineClient & Record<string, unknown>;
  const real = engine[method].bind(engine) as EngineClient[K];
  const injected = fault(real);
  engine[method] = ((...args: never[]) => {
    delete engine[method];
    return (injected as (...a: never[]) => unknown)(...args);
  }) as never;
}

const reconcile = (taskId: string) => reconcileTaskIntents({ dataSource: server.dataSource, engine: server.engine, logger: testLogger() }, { settleMs: 0, targetIds: [taskId] });
const audits = (taskId: string) => server.dataSource.manager.find(AuditRecordEntity, { where: { targetType: 'task', targetId: taskId }, order: { id: 'ASC' } });
const intents = (taskId: string) => server.dataSource.manager.countBy(AuditIntentEntity, { targetId: taskId });

describe('audit records of task actions', () => {
  it('answers 204 to a claim whose audit write fails, and the reconciler then records exactly one task.claim', async () => {
    // given an unclaimed task, and a database that fails the next audit write
    const taskId = await filingTask();
    const { failed } = failNextInsert(server.dataSource, 'audit_record');

    // when
    const response = await centre.raw('POST', `/api/tasks/${taskId}/claim`);

    // then the claim stands, and its intent waits for the reconciler
    await failed;
    expect(response.status).toBe(204);
    expect((await server.engine.task(taskId)).assignee).toBe('zhihui');
    expect(await audits(taskId)).toEqual([]);
    expect(await intents(taskId)).toBe(1);

    // when the reconciler runs twice
    expect(await reconcile(taskId)).toEqual({ recorded: 1, dropped: 0, kept: 0 });
    expect(await reconcile(taskId)).toEqual({ recorded: 0, dropped: 0, kept: 0 });

    // then one record, as the request would have written it
    const [record, ...others] = await audits(taskId);
    expect(others).toEqual([]);
    expect(record).toMatchObject({ actor: 'zhihui', action: 'task.claim' });
    expect(JSON.parse(record!.afterState!)).toEqual({ assignee: 'zhihui' });
    expect(await intents(taskId)).toBe(0);
  });

  it('answers 204 to an unclaim whose audit write fails, and the reconciler records it from the assignee history', async () => {
    // given a task claimed through the API, and a database that fails the next audit write
    const taskId = await filingTask();
    await centre.post(`/api/tasks/${taskId}/claim`);
    const { failed } = failNextInsert(server.dataSource, 'audit_record');

    // when
    const response = await centre.raw('POST', `/api/tasks/${taskId}/unclaim`);
    await failed;

    // then
    expect(response.status).toBe(204);
    expect(await reconcile(taskId)).toEqual({ recorded: 1, dropped: 0, kept: 0 });
    expect((await audits(taskId)).map((a) => [a.actor, a.action])).toEqual([
      ['zhihui', 'task.claim'],
      ['zhihui', 'task.unclaim'],
    ]);
  });

  it('drops the intent and records nothing when the engine refuses the claim', async () => {
    // given a task that someone else claims in the engine just before the caller's claim arrives
    const taskId = await filingTask();
    injectOnce('claim', (real) => async (id, userId) => {
      await real(id, 'someone-else');
      return real(id, userId);
    });

    // when
    const response = await centre.raw('POST', `/api/tasks/${taskId}/claim`);

    // then
    expect(response.status).toBe(409);
    expect((await response.json()).error.message).toContain('someone-else');
    expect(await audits(taskId)).toEqual([]);
    expect(await intents(taskId)).toBe(0);
  });

  it('keeps the intent of a completion whose answer is lost, and the reconciler records it once the engine shows it', async () => {
    // given a claimed task whose completion the engine does but whose answer times out
    const taskId = await filingTask();
    await centre.post(`/api/tasks/${taskId}/claim`);
    injectOnce('completeTask', (real) => async (...args) => {
      await real(...args);
      throw engineTimedOut(`POST /task/${taskId}/complete`);
    });

    // when
    const response = await centre.raw('POST', `/api/tasks/${taskId}/complete`, { values: { filingDecision: 'accept' } });

    // then the caller is told the engine did not answer, and the reconciler finds the completion
    expect(response.status).toBe(503);
    expect(await intents(taskId)).toBe(1);
    expect(await reconcile(taskId)).toEqual({ recorded: 1, dropped: 0, kept: 0 });
    expect((await audits(taskId)).map((a) => a.action)).toEqual(['task.claim', 'task.complete']);
  });

  it('drops a leftover intent the engine history does not show', async () => {
    // given an intent to claim a task that was never claimed
    const taskId = await filingTask();
    await recordIntent(server.dataSource, { actor: 'zhihui', action: 'task.claim', targetType: 'task', targetId: taskId, after: { assignee: 'zhihui' }, evidence: 'task-claimed' });

    // when
    const result = await reconcile(taskId);

    // then
    expect(result).toEqual({ recorded: 0, dropped: 1, kept: 0 });
    expect(await audits(taskId)).toEqual([]);
    expect(await intents(taskId)).toBe(0);
  });
});
