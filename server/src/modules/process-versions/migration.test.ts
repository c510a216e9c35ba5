import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../../test/support/api-client.js';
import { eventually, testEngine } from '../../../../test/support/test-env.js';
import { startTestServer, type TestServer } from '../../../../test/support/test-server.js';
import type { MigrationExecuteResult, MigrationPlanView } from '../../contracts/process-versions.js';
import { auditTrail } from '../audit/index.js';
import { completeTaskAt, deployFixture, startInstance, versionKey } from './test-support.js';

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

/** v1 and v2 of a fresh key: v2 keeps review, drops approve and adds confirm. */
async function twoVersions(): Promise<{ key: string; v1: string; v2: string }> {
  const key = versionKey();
  const v1 = await deployFixture(engine, { key, file: 'versions-v1.bpmn', by: 'file' });
  const v2 = await deployFixture(engine, { key, file: 'versions-v2.bpmn', by: { designer: 'sheji' } });
  return { key, v1, v2 };
}

/** The running instances of a definition, by id. */
const instancesOf = async (definitionId: string) => (await engine.definitionInstances(definitionId)).map((instance) => instance.id).sort();

describe('migrating instances between versions', () => {
  it('moves v1 instances waiting at an activity v2 keeps, they continue on v2, and those at a removed activity stay with the reason', async () => {
    // given two v1 instances waiting at review (kept by v2) and one at approve (removed in v2)
    const { key, v1, v2 } = await twoVersions();
    const atReview = [await startInstance(v1, `${key}-1`), await startInstance(v1, `${key}-2`)];
    const atApprove = await startInstance(v1, `${key}-3`);
    await completeTaskAt(engine, atApprove, 'review');

    // when the designer plans the migration
    const plan = await sheji.post<MigrationPlanView>('/api/designer/migrations/plan', { sourceDefinitionId: v1, targetDefinitionId: v2 });

    // then review is mapped, the two at review can move and the one at approve cannot, with the reason
    expect(plan).toMatchObject({ sourceDefinitionId: v1, targetDefinitionId: v2, movable: 2, blocked: 1 });
    expect(plan.instructions).toContainEqual({ sourceActivityIds: ['review'], targetActivityIds: ['review'] });
    const blocked = plan.instances.find((instance) => instance.id === atApprove);
    expect(blocked).toMatchObject({ businessKey: `${key}-3`, activityIds: ['approve'], movable: false });
    expect(blocked?.reasons).toEqual(['活动 「指挥中心批准」(approve) 在目标版本中没有对应的活动']);
    expect(plan.instances.filter((instance) => instance.movable).map((instance) => instance.id).sort()).toEqual([...atReview].sort());

    // when the designer runs it
    const result = await sheji.post<MigrationExecuteResult>('/api/designer/migrations/execute', { sourceDefinitionId: v1, targetDefinitionId: v2 });

    // then the two moved at once and the blocked one was skipped with its reason
    expect(result).toEqual({ mode: 'sync', migrated: 2, skipped: [{ id: atApprove, reasons: blocked!.reasons }] });
    expect(await instancesOf(v2)).toEqual([...atReview].sort());
    expect(await instancesOf(v1)).toEqual([atApprove]);
    expect((await engine.tasks({ processInstanceId: atApprove }))[0]?.taskDefinitionKey).toBe('approve');

    // and a moved instance continues on v2: after review comes confirm, which only v2 has
    await completeTaskAt(engine, atReview[0]!, 'review');
    const [next] = await engine.tasks({ processInstanceId: atReview[0]! });
    expect(next).toMatchObject({ taskDefinitionKey: 'confirm', processDefinitionId: v2 });

    // and it is audited
    const trail = await auditTrail(server.dataSource.manager, 'process-definition', v1);
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ actor: 'sheji', action: 'designer.migration.execute' });
    expect(JSON.parse(trail[0]!.beforeState!).processInstanceIds.sort()).toEqual([...atReview].sort());
  });

  it('migrates only the instances asked for, and refuses ids that are not running instances of the source', async () => {
    // given two instances at review
    const { key, v1, v2 } = await twoVersions();
    const [first, second] = [await startInstance(v1, `${key}-1`), await startInstance(v1, `${key}-2`)];

    // when the designer migrates the first only, then asks for an unknown id
    const result = await sheji.post<MigrationExecuteResult>('/api/designer/migrations/execute', { sourceDefinitionId: v1, targetDefinitionId: v2, processInstanceIds: [first] });
    const refused = await sheji.raw('POST', '/api/designer/migrations/execute', { sourceDefinitionId: v1, targetDefinitionId: v2, processInstanceIds: ['no-such-instance'] });

    // then
    expect(result).toEqual({ mode: 'sync', migrated: 1, skipped: [] });
    expect(await instancesOf(v2)).toEqual([first]);
    expect(await instancesOf(v1)).toEqual([second]);
    expect(refused.status).toBe(422);
    expect((await refused.json()).error).toMatchObject({ code: 'MIGRATION_REFUSED', details: { processInstanceIds: ['no-such-instance'] } });
  });

  it('runs more than 20 instances as an engine batch that moves them all', async () => {
    // given 21 instances at review
    const { key, v1, v2 } = await twoVersions();
    const ids = await Promise.all(Array.from({ length: 21 }, (_, index) => startInstance(v1, `${key}-${index}`)));

    // when
    const result = await sheji.post<MigrationExecuteResult>('/api/designer/migrations/execute', { sourceDefinitionId: v1, targetDefinitionId: v2 });

    // then the engine's job executor moves them in the background
    expect(result).toMatchObject({ mode: 'batch', migrated: 21, skipped: [] });
    expect(result.batchId).toEqual(expect.any(String));
    await eventually(async () => (await instancesOf(v2)).length === 21, { what: 'the batch migrated every instance', timeoutMs: 60_000 });
    expect(await instancesOf(v2)).toEqual([...ids].sort());
    expect(await instancesOf(v1)).toEqual([]);
  });

  it.each([
    ['the same version twice', (v: { v1: string; v2: string }) => ({ sourceDefinitionId: v.v1, targetDefinitionId: v.v1 }), 422, 'MIGRATION_REFUSED'],
    ['versions of two processes', (v: { v1: string; other: string }) => ({ sourceDefinitionId: v.v1, targetDefinitionId: v.other }), 422, 'MIGRATION_REFUSED'],
    ['an unknown definition', (v: { v1: string }) => ({ sourceDefinitionId: v.v1, targetDefinitionId: 'no-such:1:x' }), 404, 'NOT_FOUND'],
    ['a missing target', (v: { v1: string }) => ({ sourceDefinitionId: v.v1 }), 400, 'VALIDATION_FAILED'],
  ])('refuses to plan between %s', async (_what, body, status, code) => {
    // given
    const { v1, v2 } = await twoVersions();
    const other = await deployFixture(engine, { key: versionKey(), file: 'versions-v1.bpmn', by: 'file' });

    // when
    const response = await sheji.raw('POST', '/api/designer/migrations/plan', body({ v1, v2, other }));

    // then
    expect(response.status).toBe(status);
    expect((await response.json()).error.code).toBe(code);
  });
});
