import { readFile } from 'node:fs/promises';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDataSource, testEngine, testLogger, uniqueKey } from '../../../../test/support/test-env.js';
import type { EngineClient } from '../../engine/index.js';
import { auditTrail } from '../audit/index.js';
import { operationProcessKey, operationVariables } from './open-operation.js';
import { JointOperationEntity, type JointOperation } from './operation.entity.js';
import { OperationParticipantEntity } from './participant.entity.js';
import { reconcileOperationStarts } from './start-reconciler.js';
import { givenOperation } from './test-support.js';

let dataSource: DataSource;
let engine: EngineClient;
const started: string[] = [];

beforeAll(async () => {
  dataSource = await testDataSource();
  engine = testEngine();
  const names = ['joint-enforcement.bpmn', 'joint-approval.form', 'joint-revise.form', 'joint-confirm.form', 'joint-execute.form', 'joint-wrap-up.form', 'joint-follow-up.form'];
  await engine.deploy(uniqueKey('joint-start-reconciler-test'), await Promise.all(names.map(async (name) => ({ name, content: await readFile(new URL(`../../../../processes/${name}`, import.meta.url)) }))));
});

afterAll(async () => {
  await Promise.all(started.map((id) => engine.deleteProcessInstance(id).catch(() => undefined)));
  await dataSource?.destroy();
});

const aWhileAgo = () => new Date(Date.now() - 10 * 60_000);
const row = (op: JointOperation) => dataSource.manager.findOneBy(JointOperationEntity, { id: op.id });

describe('reconcileOperationStarts', () => {
  it('removes an old plan the engine never started, and leaves young ones and running ones alone', async () => {
    // given a plan stuck without an instance for ten minutes, a young one, and a running one
    const stuck = await givenOperation(dataSource, { createdAt: aWhileAgo() });
    const young = await givenOperation(dataSource);
    const running = await givenOperation(dataSource, { createdAt: aWhileAgo(), processInstanceId: `pi-${Date.now()}` });

    // when
    const result = await reconcileOperationStarts({ dataSource, engine, logger: testLogger() }, { settleMs: 60_000 });

    // then
    expect(result.removed).toBeGreaterThanOrEqual(1);
    expect(await row(stuck)).toBeNull();
    expect(await dataSource.manager.countBy(OperationParticipantEntity, { operationId: stuck.id })).toBe(0);
    expect(await row(young)).not.toBeNull();
    expect(await row(running)).not.toBeNull();
  });

  it('adopts the instance the engine started under the ref, and audits the creation once', async () => {
    // given a plan whose start answer was lost, though the engine started an instance keyed on its ref
    const op = await givenOperation(dataSource, { createdAt: aWhileAgo() });
    const instance = await engine.startProcess(operationProcessKey, { businessKey: op.ref, variables: operationVariables(op, ['urban-management', 'commerce']) });
    started.push(instance.id);

    // when it runs twice
    await reconcileOperationStarts({ dataSource, engine, logger: testLogger() }, { settleMs: 60_000 });
    await reconcileOperationStarts({ dataSource, engine, logger: testLogger() }, { settleMs: 60_000 });

    // then
    expect((await row(op))?.processInstanceId).toBe(instance.id);
    expect((await auditTrail(dataSource.manager, 'operation', op.ref)).map((a) => a.action)).toEqual(['operation.create']);
  });
});
