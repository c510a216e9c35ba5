import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine, testLogger } from '../../../../test/support/test-env.js';
import { startTestServer, type TestServer } from '../../../../test/support/test-server.js';
import { auditTrail, recordIntent } from '../audit/index.js';
import { deployFixture, failExternalTask, startInstance, versionKey } from './test-support.js';
import { reconcileVersionIntents } from './version-intents.js';

let server: TestServer;
const engine = testEngine();

beforeAll(async () => {
  server = await startTestServer({ WORKERS: 'off', DEPLOY_ON_START: 'false' });
});

afterAll(async () => {
  await server?.stop();
});

const reconcile = (targetId: string) => reconcileVersionIntents({ dataSource: server.dataSource, engine, logger: testLogger() }, { settleMs: 0, targetIds: [targetId] });

/** An open incident of a fresh instance: its id and the failed external task's id. */
async function openIncident(): Promise<{ incidentId: string; externalTaskId: string }> {
  const key = versionKey();
  const id = await deployFixture(engine, { key, file: 'versions-failing.bpmn', by: 'file' });
  const instance = await startInstance(id, `${key}-1`);
  const externalTaskId = await failExternalTask(`${key}-dispatch`, instance, '清运车调度系统无响应');
  const [incident] = await engine.incidents(instance);
  return { incidentId: incident!.id, externalTaskId };
}

describe('retry and migration intents left behind', () => {
  it('records a retry whose audit record was not written, once the engine shows the incident resolved', async () => {
    // given a retry that reached the engine but whose intent was never settled
    const { incidentId, externalTaskId } = await openIncident();
    await recordIntent(server.dataSource, { actor: 'sheji', action: 'designer.incident.retry', targetType: 'incident', targetId: incidentId, after: { retries: 1 }, evidence: 'incident-retried' });
    await engine.setExternalTaskRetries(externalTaskId, 1);

    // when
    const result = await reconcile(incidentId);

    // then
    expect(result).toEqual({ recorded: 1, dropped: 0, kept: 0 });
    expect((await auditTrail(server.dataSource.manager, 'incident', incidentId)).map((a) => a.action)).toEqual(['designer.incident.retry']);
  });

  it('drops a retry intent while the incident is still open', async () => {
    // given an intent whose engine call never happened
    const { incidentId } = await openIncident();
    await recordIntent(server.dataSource, { actor: 'sheji', action: 'designer.incident.retry', targetType: 'incident', targetId: incidentId, after: { retries: 1 }, evidence: 'incident-retried' });

    // when
    const result = await reconcile(incidentId);

    // then
    expect(result).toEqual({ recorded: 0, dropped: 1, kept: 0 });
    expect(await auditTrail(server.dataSource.manager, 'incident', incidentId)).toEqual([]);
  });

  it('records a migration once the engine shows the instances on the target, and drops one it does not', async () => {
    // given v1 and v2 with an instance at review, and two intents: one migration that happened, one that did not
    const key = versionKey();
    const v1 = await deployFixture(engine, { key, file: 'versions-v1.bpmn', by: 'file' });
    const v2 = await deployFixture(engine, { key, file: 'versions-v2.bpmn', by: { designer: 'sheji' } });
    const [moved, stayed] = [await startInstance(v1, `${key}-1`), await startInstance(v1, `${key}-2`)];
    const intent = (processInstanceIds: string[]) => ({ actor: 'sheji', action: 'designer.migration.execute', targetType: 'process-definition', targetId: v1, before: { sourceDefinitionId: v1, processInstanceIds }, after: { targetDefinitionId: v2 }, evidence: 'instances-migrated' });
    await recordIntent(server.dataSource, intent([moved!]));
    await engine.executeMigration(await engine.generateMigrationPlan(v1, v2), [moved!]);
    await recordIntent(server.dataSource, intent([stayed!]));

    // when
    const result = await reconcile(v1);

    // then
    expect(result).toEqual({ recorded: 1, dropped: 1, kept: 0 });
    const trail = await auditTrail(server.dataSource.manager, 'process-definition', v1);
    expect(trail.map((a) => JSON.parse(a.beforeState!).processInstanceIds)).toEqual([[moved]]);
  });
});
