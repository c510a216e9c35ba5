import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDataSource } from '../../../../test/support/test-env.js';
import { OperationDocumentEntity, OperationEventEntity } from '../../modules/joint-operations/index.js';
import { givenOperation } from '../../modules/joint-operations/test-support.js';
import { NotificationEntity } from '../../modules/notifications/index.js';
import { contextFor } from '../testing/handler-test-kit.js';
import { Topics } from '../topics.js';
import { jointSecurityPlanHandler } from './joint-security-plan.handler.js';

let dataSource: DataSource;

beforeAll(async () => {
  dataSource = await testDataSource();
});

afterAll(async () => {
  await dataSource?.destroy();
});

describe('police-joint-security-plan', () => {
  it('issues one numbered security plan with the confirmed police and the area, and tells public security', async () => {
    // given an operation public security confirmed for with 8 officers and 2 vehicles
    const op = await givenOperation(dataSource, { status: 'confirming' });
    const context = contextFor(dataSource, Topics.PoliceJointSecurityPlan, op.ref);
    const input = { operationId: op.id, departmentCode: 'public-security', people: 8, vehicles: 2 };

    // when the task is delivered, and delivered again
    const output = (await jointSecurityPlanHandler.handle(input, context)) as { securityPlanNo: string };
    const again = await jointSecurityPlanHandler.handle(input, context);

    // then
    expect(again).toEqual(output);
    expect(output).toEqual({ securityPlanNo: expect.stringMatching(/^青禾联执公安勤保〔\d{4}〕第\d{5}号$/) });
    const [plan, ...more] = await dataSource.manager.findBy(OperationDocumentEntity, { operationId: op.id });
    expect(more).toEqual([]);
    expect(plan).toMatchObject({ kind: 'security-plan', documentNo: output.securityPlanNo, departmentCode: 'public-security' });
    expect(JSON.parse(plan!.content!)).toMatchObject({ people: 8, vehicles: 2, gridCodes: expect.any(Array), startsAt: op.startsAt.toISOString() });
    expect(await dataSource.manager.countBy(OperationEventEntity, { operationId: op.id, type: 'security-plan' })).toBe(1);
    expect(await dataSource.manager.countBy(NotificationEntity, { recipient: 'public-security', title: `联合执法 ${op.ref} 警力保障方案 ${output.securityPlanNo}` })).toBe(1);
  });

  it('numbers the next plan with the next serial of the year', async () => {
    // given two operations
    const first = await givenOperation(dataSource);
    const second = await givenOperation(dataSource);
    const plan = async (op: typeof first) => (await jointSecurityPlanHandler.handle({ operationId: op.id, departmentCode: 'public-security', people: 4, vehicles: 1 }, contextFor(dataSource, Topics.PoliceJointSecurityPlan, op.ref))) as { securityPlanNo: string };

    // when
    const a = await plan(first);
    const b = await plan(second);

    // then
    const serial = (no: string) => Number(/第(\d{5})号/.exec(no)![1]);
    expect(serial(b.securityPlanNo)).toBeGreaterThan(serial(a.securityPlanNo));
  });
});
