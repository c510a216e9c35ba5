import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDataSource } from '../../../../test/support/test-env.js';
import { inTransaction } from '../../db/index.js';
import { operationArea, OperationEventEntity } from '../../modules/joint-operations/index.js';
import { givenOperation } from '../../modules/joint-operations/test-support.js';
import { recordShopMeasure } from '../../modules/shops/index.js';
import { givenShop } from '../../modules/shops/test-support.js';
import { contextFor } from '../testing/handler-test-kit.js';
import { Topics } from '../topics.js';
import { jointShopCheckHandler, type FlaggedShop } from './joint-shop-check.handler.js';

let dataSource: DataSource;

beforeAll(async () => {
  dataSource = await testDataSource();
});

afterAll(async () => {
  await dataSource?.destroy();
});

describe('commerce-joint-shop-check', () => {
  it('lists the shops of the area with a licence problem, a low grade, or a violation by a participant in 12 months', async () => {
    // given an operation and four shops of its area
    const op = await givenOperation(dataSource, { status: 'confirming' });
    const { gridCodes, centre } = await operationArea(dataSource.manager, op.id);
    const inArea = { gridCode: gridCodes[0]!, lng: centre!.lng, lat: centre!.lat };
    const clean = await givenShop(dataSource, inArea);
    const expired = await givenShop(dataSource, { ...inArea, licenceStatus: 'expired' });
    const lowGrade = await givenShop(dataSource, { ...inArea, creditPoints: 500 });
    const repeat = await givenShop(dataSource, inArea);
    await inTransaction(dataSource, (manager) => recordShopMeasure(manager, { shopId: repeat.id, agency: 'urban-management', violationType: 'street-vending', measure: 'warning', firstViolationNoPenalty: false, at: new Date(Date.now() - 30 * 24 * 3_600_000), actor: 'chengguan', sourceKey: `shop-check-test-${repeat.id}` }));
    const context = contextFor(dataSource, Topics.CommerceJointShopCheck, op.ref);

    // when the task is delivered, and delivered again
    await jointShopCheckHandler.handle({ operationId: op.id, departmentCode: 'commerce' }, context);
    await jointShopCheckHandler.handle({ operationId: op.id, departmentCode: 'commerce' }, context);

    // then
    const events = await dataSource.manager.findBy(OperationEventEntity, { operationId: op.id, type: 'shops-checked' });
    expect(events).toHaveLength(1);
    const list = (JSON.parse(events[0]!.data!) as { list: FlaggedShop[] }).list;
    const mine = list.filter((s) => [clean.id, expired.id, lowGrade.id, repeat.id].includes(s.shopId));
    expect(mine.map((s) => [s.shopId, s.licenceStatus, s.priorAgencies]).sort()).toEqual(
      [
        [expired.id, 'expired', []],
        [lowGrade.id, 'valid', []],
        [repeat.id, 'valid', ['urban-management']],
      ].sort(),
    );
  });
});
