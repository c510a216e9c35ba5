import { In, type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDataSource, uniqueKey } from '../../../../test/support/test-env.js';
import { availableCrewsByDistance, SanitationCrewEntity } from '../../modules/crews/index.js';
import { OperationEventEntity, operationArea } from '../../modules/joint-operations/index.js';
import { givenOperation } from '../../modules/joint-operations/test-support.js';
import { NotificationEntity } from '../../modules/notifications/index.js';
import { contextFor } from '../testing/handler-test-kit.js';
import { Topics } from '../topics.js';
import { createJointCleanupHandler } from './joint-cleanup.handler.js';

let dataSource: DataSource;
const crewCodes: string[] = [];

beforeAll(async () => {
  dataSource = await testDataSource();
});

afterAll(async () => {
  if (crewCodes.length) await dataSource?.manager.delete(SanitationCrewEntity, { code: In(crewCodes) });
  await dataSource?.destroy();
});

/** A crew of the test's own, `metres` north of a place. */
async function givenCrew(place: { lng: number; lat: number }, metres: number): Promise<string> {
  const code = uniqueKey('HW-J');
  crewCodes.push(code);
  await dataSource.manager.insert(SanitationCrewEntity, { code, name: `测试${metres}米班`, leader: '测试组长', phone: '13900000001', lng: place.lng, lat: place.lat + metres / 111_320, streetCode: 'QH-T', status: 'available', updatedAt: new Date() });
  return code;
}

/** Looks only at the given crews, as if they were the district's. */
const only = (codes: string[]): typeof availableCrewsByDistance => async (manager, lng, lat) => (await availableCrewsByDistance(manager, lng, lat)).filter((c) => codes.includes(c.code));

const dispatchedOf = async (operationId: number) => JSON.parse((await dataSource.manager.findOneByOrFail(OperationEventEntity, { operationId, type: 'crew-dispatched' })).data!);

describe('sanitation-joint-cleanup', () => {
  it('sends the free crew nearest to the centre of the area and tells sanitation, without booking it', async () => {
    // given an operation and two crews near its area
    const op = await givenOperation(dataSource, { status: 'executing' });
    const { centre } = await operationArea(dataSource.manager, op.id);
    const near = await givenCrew(centre!, 300);
    const far = await givenCrew(centre!, 900);
    const handler = createJointCleanupHandler({ findCrews: only([near, far]) });
    const context = contextFor(dataSource, Topics.SanitationJointCleanup, op.ref);

    // when the task is delivered, and delivered again
    const output = await handler.handle({ operationId: op.id, departmentCode: 'sanitation' }, context);
    await handler.handle({ operationId: op.id, departmentCode: 'sanitation' }, context);

    // then
    expect(output).toEqual({ cleanupCrewCode: near });
    expect(await dispatchedOf(op.id)).toMatchObject({ crewCode: near, crewName: '测试300米班', distanceM: 300 });
    expect((await dataSource.manager.findOneByOrFail(SanitationCrewEntity, { code: near })).status).toBe('available');
    expect(await dataSource.manager.countBy(NotificationEntity, { recipient: 'sanitation', title: `联合执法 ${op.ref} 行动后清理：已派 测试300米班` })).toBe(1);
  });

  it('asks the liaison to arrange a crew when none is free', async () => {
    // given
    const op = await givenOperation(dataSource, { status: 'executing' });
    const handler = createJointCleanupHandler({ findCrews: only([]) });

    // when
    const output = await handler.handle({ operationId: op.id, departmentCode: 'sanitation' }, contextFor(dataSource, Topics.SanitationJointCleanup, op.ref));

    // then
    expect(output).toEqual({ cleanupCrewCode: null });
    expect(await dispatchedOf(op.id)).toMatchObject({ crewCode: null });
    expect(await dataSource.manager.countBy(NotificationEntity, { recipient: 'sanitation', title: `联合执法 ${op.ref} 行动后清理：暂无空闲作业班组` })).toBe(1);
  });
});
