import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDataSource } from '../../../../test/support/test-env.js';
import { OperationFindingEntity, JointOperationEntity } from '../../modules/joint-operations/index.js';
import { givenFinding, givenOperation } from '../../modules/joint-operations/test-support.js';
import { bj, contextFor, workingHours } from '../testing/handler-test-kit.js';
import { Topics } from '../topics.js';
import { jointGenerateReportHandler } from './joint-generate-report.handler.js';

let dataSource: DataSource;

beforeAll(async () => {
  dataSource = await testDataSource();
});

afterAll(async () => {
  await dataSource?.destroy();
});

const handler = jointGenerateReportHandler({ workingHours });

describe('joint-generate-report', () => {
  it('lists the shops ordered to correct for 回头看, three working days after the end', async () => {
    // given an operation ending on a Friday morning with one shop ordered to correct, one fined, one finding without a shop
    const endsAt = bj('2026-12-04T11:30');
    const op = await givenOperation(dataSource, { status: 'wrap-up', endsAt });
    const ordered = await givenFinding(dataSource, op, { measure: 'order-to-correct', shopId: 1, correctBy: bj('2026-12-07T17:30'), departmentCode: 'commerce' });
    await givenFinding(dataSource, op, { measure: 'fine', shopId: 1, fineYuan: 200 });
    await givenFinding(dataSource, op, { measure: 'order-to-correct', shopId: null });

    // when
    const output = await handler.handle({ operationId: op.id, summaryText: '整治完毕', wrapUpBy: 'chengguan', endsAt, followUpWorkingDays: 3 }, contextFor(dataSource, Topics.JointGenerateReport, op.ref));

    // then 回头看 waits until the end of Wednesday (Mon, Tue, Wed are the three working days), for the one shop
    expect(output).toEqual({ followUps: [{ findingId: ordered.id, departmentCode: 'commerce' }], hasFollowUps: true, followUpAt: bj('2026-12-09T17:30') });
    expect(await dataSource.manager.findOneByOrFail(JointOperationEntity, { id: op.id })).toMatchObject({ status: 'follow-up', summaryText: '整治完毕', writtenBy: 'chengguan', reportAt: expect.any(Date) });
    expect((await dataSource.manager.findOneByOrFail(OperationFindingEntity, { id: ordered.id })).followUpStatus).toBe('pending');
  });

  it('waits for the latest deadline to correct when it is later', async () => {
    // given
    const endsAt = bj('2026-12-04T11:30');
    const op = await givenOperation(dataSource, { status: 'wrap-up', endsAt });
    await givenFinding(dataSource, op, { measure: 'order-to-correct', shopId: 1, correctBy: bj('2026-12-14T17:30') });

    // when
    const output = await handler.handle({ operationId: op.id, endsAt, followUpWorkingDays: 3 }, contextFor(dataSource, Topics.JointGenerateReport, op.ref));

    // then
    expect(output).toMatchObject({ followUpAt: bj('2026-12-14T17:30') });
  });

  it('has no 回头看 without an order to correct, and answers the same when delivered again', async () => {
    // given
    const op = await givenOperation(dataSource, { status: 'wrap-up' });
    await givenFinding(dataSource, op, { measure: 'warning', shopId: 1 });
    const context = contextFor(dataSource, Topics.JointGenerateReport, op.ref);
    const run = () => handler.handle({ operationId: op.id, summaryText: '完毕', wrapUpBy: 'chengguan', endsAt: op.endsAt, followUpWorkingDays: 3 }, context);

    // when
    const first = await run();
    const again = await run();

    // then
    expect(first).toEqual({ followUps: [], hasFollowUps: false, followUpAt: null });
    expect(again).toEqual(first);
    expect((await dataSource.manager.findOneByOrFail(JointOperationEntity, { id: op.id })).status).toBe('wrap-up');
  });
});
