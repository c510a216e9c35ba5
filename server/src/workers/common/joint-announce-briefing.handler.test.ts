import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDataSource } from '../../../../test/support/test-env.js';
import { JointOperationEntity, OperationEventEntity, OperationParticipantEntity } from '../../modules/joint-operations/index.js';
import { givenOperation } from '../../modules/joint-operations/test-support.js';
import { NotificationEntity } from '../../modules/notifications/index.js';
import { contextFor } from '../testing/handler-test-kit.js';
import { Topics } from '../topics.js';
import { jointAnnounceBriefingHandler } from './joint-announce-briefing.handler.js';

let dataSource: DataSource;

beforeAll(async () => {
  dataSource = await testDataSource();
});

afterAll(async () => {
  await dataSource?.destroy();
});

describe('joint-announce-briefing', () => {
  it('tells the coordinator and every department when and where the briefing is, with the confirmed people', async () => {
    // given an operation whose departments have confirmed
    const op = await givenOperation(dataSource, { status: 'confirming', briefingPlace: '城管中队二楼会议室' });
    await dataSource.manager.update(OperationParticipantEntity, { operationId: op.id }, { status: 'confirmed', people: 6, vehicles: 2 });
    const context = contextFor(dataSource, Topics.JointAnnounceBriefing, op.ref);

    // when the task is delivered, and delivered again
    await jointAnnounceBriefingHandler.handle({ operationId: op.id }, context);
    await jointAnnounceBriefingHandler.handle({ operationId: op.id }, context);

    // then the operation waits for its start, and each is told once
    expect((await dataSource.manager.findOneByOrFail(JointOperationEntity, { id: op.id })).status).toBe('briefing');
    const told = (await dataSource.manager.find(NotificationEntity)).filter((n) => n.title.startsWith(`联合执法 ${op.ref} 简报`));
    expect(told.map((n) => `${n.recipientType}:${n.recipient}`).sort()).toEqual(['group:commerce', 'group:urban-management', 'user:xietiao']);
    expect(told[0]!.title).toContain('城管中队二楼会议室');
    expect(told[0]!.body).toContain('市场监管：核查执照（6 人，2 辆车）');
    const events = await dataSource.manager.findBy(OperationEventEntity, { operationId: op.id, type: 'briefing-announced' });
    expect(events).toHaveLength(1);
  });
});
