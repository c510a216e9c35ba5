import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDataSource } from '../../../../test/support/test-env.js';
import type { OperationStatus } from '../../contracts/joint-operations.js';
import { JointOperationEntity, OperationEventEntity, OperationFindingEntity, type JointOperation } from '../../modules/joint-operations/index.js';
import { givenFinding, givenOperation, participantOf } from '../../modules/joint-operations/test-support.js';
import { NotificationEntity } from '../../modules/notifications/index.js';
import { contextFor } from '../testing/handler-test-kit.js';
import { Topics } from '../topics.js';
import { jointRecordEventHandler } from './joint-record-event.handler.js';

let dataSource: DataSource;

beforeAll(async () => {
  dataSource = await testDataSource();
});

afterAll(async () => {
  await dataSource?.destroy();
});

type Variables = Parameters<typeof jointRecordEventHandler.handle>[0];
type EventType = Variables['eventType'];

/** Records an event on a fresh operation; run() delivers the same task each time. */
async function record(eventType: EventType, variables: Partial<Variables> = {}, fields: Partial<JointOperation> = {}) {
  const op = await givenOperation(dataSource, fields);
  const context = contextFor(dataSource, Topics.JointRecordEvent, op.ref);
  const run = () => jointRecordEventHandler.handle({ eventType, operationId: op.id, ...variables }, context);
  return { op, run };
}

const row = (op: JointOperation) => dataSource.manager.findOneByOrFail(JointOperationEntity, { id: op.id });
const events = (op: JointOperation) => dataSource.manager.find(OperationEventEntity, { where: { operationId: op.id }, order: { id: 'ASC' } });
/** Who was told about the operation, as 'user:name' or 'group:code', sorted. */
async function recipients(op: JointOperation): Promise<string[]> {
  const all = await dataSource.manager.find(NotificationEntity);
  return all.filter((n) => n.title.includes(op.ref)).map((n) => `${n.recipientType}:${n.recipient}`).sort();
}

describe('joint-record-event', () => {
  it.each<[EventType, OperationStatus, OperationStatus, Partial<Variables>, string | null, string[]]>([
    ['returned', 'pending-approval', 'returned', { reviewer: 'duban', returnReason: '缺少环卫部门' }, 'duban', ['user:xietiao']],
    ['resubmitted', 'returned', 'pending-approval', { revisionNote: '已补充' }, 'system', ['group:command-centre', 'group:supervision']],
    ['cancelled', 'returned', 'cancelled', { revisionNote: '取消' }, 'system', ['group:command-centre', 'group:commerce', 'group:urban-management']],
    ['approved', 'pending-approval', 'confirming', { reviewer: 'zhihui' }, 'zhihui', ['group:commerce', 'group:urban-management', 'user:xietiao']],
    ['started', 'briefing', 'executing', {}, 'system', ['group:commerce', 'group:urban-management', 'user:xietiao']],
    ['execution-ended', 'executing', 'wrap-up', {}, 'system', ['group:urban-management', 'user:xietiao']],
    ['finished', 'follow-up', 'finished', {}, 'system', ['user:xietiao']],
  ])('records %s on a %s operation, which becomes %s', async (eventType, status, newStatus, variables, actor, told) => {
    // given
    const { op, run } = await record(eventType, variables, { status });

    // when
    await run();

    // then
    expect((await row(op)).status).toBe(newStatus);
    expect((await events(op)).map((e) => [e.type, e.actor])).toEqual([['created', 'xietiao'], [eventType, actor]]);
    expect(await recipients(op)).toEqual(told);
  });

  it('keeps the return reason while returned, and clears it once resubmitted or approved', async () => {
    // given
    const { op, run } = await record('returned', { reviewer: 'duban', returnReason: '时间冲突' });

    // when / then
    await run();
    expect(await row(op)).toMatchObject({ returnReason: '时间冲突' });
    await jointRecordEventHandler.handle({ eventType: 'approved', operationId: op.id, reviewer: 'zhihui' }, contextFor(dataSource, Topics.JointRecordEvent, op.ref));
    expect(await row(op)).toMatchObject({ returnReason: null, approvedBy: 'zhihui', status: 'confirming' });
  });

  it('records a department confirmation with its people, vehicles and liaison', async () => {
    // given
    const { op, run } = await record('confirmed', { departmentCode: 'commerce', people: 5, vehicles: 1, confirmedBy: 'shichang', confirmNote: '带队：郑洁' }, { status: 'confirming' });

    // when
    await run();

    // then
    expect(await participantOf(dataSource, op.id, 'commerce')).toMatchObject({ status: 'confirmed', people: 5, vehicles: 1, confirmedBy: 'shichang' });
    expect((await participantOf(dataSource, op.id, 'urban-management')).status).toBe('waiting');
    expect(await recipients(op)).toEqual(['user:xietiao']);
  });

  it('escalates a department still waiting at the deadline to supervision', async () => {
    // given
    const confirmBy = new Date();
    const { op, run } = await record('escalated', { departmentCode: 'commerce', confirmBy }, { status: 'confirming' });

    // when
    await run();

    // then
    expect((await participantOf(dataSource, op.id, 'commerce')).status).toBe('escalated');
    expect(await recipients(op)).toEqual(['group:commerce', 'group:supervision', 'user:xietiao']);
    const [, escalated] = await events(op);
    expect(JSON.parse(escalated!.data!)).toEqual({ confirmBy: confirmBy.toISOString() });
  });

  it('opens execution for every department at the start, and closes it for one when it is done', async () => {
    // given
    const { op, run } = await record('started', {}, { status: 'briefing' });
    await run();
    expect((await participantOf(dataSource, op.id, 'commerce')).executing).toBe(true);

    // when
    await jointRecordEventHandler.handle({ eventType: 'department-done', operationId: op.id, departmentCode: 'commerce', executionNote: '完成' }, contextFor(dataSource, Topics.JointRecordEvent, op.ref));

    // then
    expect(await participantOf(dataSource, op.id, 'commerce')).toMatchObject({ executing: false, doneAt: expect.any(Date) });
    expect((await participantOf(dataSource, op.id, 'urban-management')).executing).toBe(true);
  });

  it('reminds only the department still working at the end', async () => {
    // given
    const { op, run } = await record('reminded', { departmentCode: 'commerce', endsAt: new Date() }, { status: 'executing' });

    // when
    await run();

    // then
    expect(await recipients(op)).toEqual(['group:commerce']);
    expect((await row(op)).status).toBe('executing');
  });

  it.each([
    [true, 'corrected'],
    [false, 'not-corrected'],
  ])('records a 回头看 whose shop was corrected: %s', async (corrected, followUpStatus) => {
    // given
    const op = await givenOperation(dataSource, { status: 'follow-up' });
    const finding = await givenFinding(dataSource, op, { measure: 'order-to-correct', followUpStatus: 'pending' });

    // when
    await jointRecordEventHandler.handle({ eventType: 'followed-up', operationId: op.id, findingId: finding.id, corrected, followUpNote: '复查', reInspectedBy: 'chengguan', departmentCode: 'urban-management' }, contextFor(dataSource, Topics.JointRecordEvent, op.ref));

    // then
    expect(await dataSource.manager.findOneByOrFail(OperationFindingEntity, { id: finding.id })).toMatchObject({ followUpStatus, followUpBy: 'chengguan', followUpNote: '复查' });
    expect((await events(op)).at(-1)).toMatchObject({ type: 'followed-up', actor: 'chengguan' });
  });

  it('records once when the same task is delivered twice', async () => {
    // given
    const { op, run } = await record('approved', { reviewer: 'zhihui' });

    // when
    await run();
    await run();

    // then
    expect((await events(op)).map((e) => e.type)).toEqual(['created', 'approved']);
    expect(await recipients(op)).toHaveLength(3);
  });

  it.each([
    ['an unknown event type', { eventType: 'archived', operationId: 1 }],
    ['no operation', { eventType: 'approved' }],
    ['a deadline given as text', { eventType: 'escalated', operationId: 1, confirmBy: '2026-12-01T08:00:00Z' }],
  ])('rejects variables with %s', (_, variables) => {
    expect(jointRecordEventHandler.input.safeParse(variables).success).toBe(false);
  });
});
