import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDataSource, uniqueKey } from '../../../../test/support/test-env.js';
import { NotFoundError, ValidationError } from '../../errors/index.js';
import { CreditChangeEntity, FirstViolationEntity, ShopEntity, ShopViolationEntity, recordShopMeasure, type ShopMeasureInput } from './index.js';
import { bj, givenShop } from './test-support.js';

let dataSource: DataSource;

beforeAll(async () => {
  dataSource = await testDataSource();
});

afterAll(async () => {
  await dataSource?.destroy();
});

/** A measure by urban management against the shop, found on 1 December 2026. */
const measure = (shopId: number, fields: Partial<ShopMeasureInput> = {}): ShopMeasureInput => ({
  shopId,
  agency: 'urban-management',
  violationType: 'street-vending',
  measure: 'fine',
  firstViolationNoPenalty: false,
  fineYuan: 200,
  at: bj('2026-12-01T09:30'),
  actor: 'chengguan',
  sourceKey: uniqueKey('finding'),
  operationRef: 'JE-2026-0001',
  ...fields,
});

const record = (input: ShopMeasureInput) => dataSource.transaction((manager) => recordShopMeasure(manager, input));

describe('recordShopMeasure', () => {
  it('puts a fine in the file, takes its points off and lowers the grade', async () => {
    // given a shop with 930 points (grade A)
    const shop = await givenShop(dataSource, { creditPoints: 930 });

    // when urban management fines it
    const { violationId } = await record(measure(shop.id));

    // then the violation, the ledger line and the new balance and grade are in its file
    const violation = await dataSource.manager.findOneByOrFail(ShopViolationEntity, { id: violationId });
    expect(violation).toMatchObject({ shopId: shop.id, agency: 'urban-management', measure: 'fine', fineYuan: 200, creditDeduction: 60, operationRef: 'JE-2026-0001', recordedBy: 'chengguan', firstViolationNoPenalty: false });
    expect(await dataSource.manager.findBy(CreditChangeEntity, { shopId: shop.id })).toEqual([
      expect.objectContaining({ delta: -60, balance: 870, reason: 'violation', violationId, year: 2026, actor: 'chengguan' }),
    ]);
    expect(await dataSource.manager.findOneByOrFail(ShopEntity, { id: shop.id })).toMatchObject({ creditPoints: 870, creditGrade: 'B' });
    expect(await dataSource.manager.countBy(FirstViolationEntity, { shopId: shop.id })).toBe(0);
  });

  it('enters a 首违不罚 order to correct in the first-violation register with a written promise, and takes no points', async () => {
    // given a shop with full points
    const shop = await givenShop(dataSource, { name: uniqueKey('首违商户'), responsiblePerson: '王小二' });

    // when it is ordered to correct under 首违不罚 by 3 December
    const { violationId } = await record(measure(shop.id, { measure: 'order-to-correct', firstViolationNoPenalty: true, fineYuan: null, correctBy: bj('2026-12-03T18:00') }));

    // then the register holds the 告知承诺 naming the person, the shop, the violation and the deadline
    const [entry, ...more] = await dataSource.manager.findBy(FirstViolationEntity, { shopId: shop.id });
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ violationId, agency: 'urban-management', violationType: 'street-vending', promisedAt: bj('2026-12-01T09:30'), correctBy: bj('2026-12-03T18:00') });
    expect(entry!.promiseText).toContain('王小二');
    expect(entry!.promiseText).toContain(shop.name);
    expect(entry!.promiseText).toContain('占道经营');
    expect(entry!.promiseText).toContain('2026-12-03');
    expect(await dataSource.manager.findOneByOrFail(ShopEntity, { id: shop.id })).toMatchObject({ creditPoints: 1000, creditGrade: 'A' });
    expect(await dataSource.manager.countBy(CreditChangeEntity, { shopId: shop.id })).toBe(0);
  });

  it('accepts 首违不罚 with advice instead of an order to correct, should the rules say so', async () => {
    const shop = await givenShop(dataSource);
    await record(measure(shop.id, { measure: 'advice', firstViolationNoPenalty: true, fineYuan: null }));
    expect(await dataSource.manager.countBy(FirstViolationEntity, { shopId: shop.id })).toBe(1);
  });

  it('keeps the promise text the caller gives', async () => {
    const shop = await givenShop(dataSource);
    await record(measure(shop.id, { measure: 'order-to-correct', firstViolationNoPenalty: true, fineYuan: null, promiseText: '  本人承诺当日改正。 ' }));
    expect(await dataSource.manager.findOneByOrFail(FirstViolationEntity, { shopId: shop.id })).toMatchObject({ promiseText: '本人承诺当日改正。' });
  });

  it('records the same source key once, however often it is called', async () => {
    // given a warning recorded once
    const shop = await givenShop(dataSource);
    const input = measure(shop.id, { measure: 'warning', fineYuan: null });
    const first = await record(input);

    // when the same finding is recorded again
    const again = await record(input);

    // then nothing more is recorded or deducted
    expect(again).toEqual(first);
    expect(await dataSource.manager.countBy(ShopViolationEntity, { shopId: shop.id })).toBe(1);
    expect(await dataSource.manager.findOneByOrFail(ShopEntity, { id: shop.id })).toMatchObject({ creditPoints: 970 });
  });

  it('never takes the points below zero', async () => {
    const shop = await givenShop(dataSource, { creditPoints: 40 });
    await record(measure(shop.id, { measure: 'seizure', fineYuan: null, seizedItems: '烧烤架 1 个' }));
    expect(await dataSource.manager.findOneByOrFail(ShopEntity, { id: shop.id })).toMatchObject({ creditPoints: 0, creditGrade: 'D' });
  });

  it('refuses a shop that has no file', async () => {
    await expect(record(measure(987_654_321))).rejects.toBeInstanceOf(NotFoundError);
  });

  it.each<{ problem: string; fields: Partial<ShopMeasureInput> }>([
    { problem: 'an unknown measure', fields: { measure: 'jail' as never } },
    { problem: '首违不罚 with a fine', fields: { measure: 'fine', firstViolationNoPenalty: true } },
    { problem: '首违不罚 with a warning', fields: { measure: 'warning', fineYuan: null, firstViolationNoPenalty: true } },
    { problem: 'a fine amount on a warning', fields: { measure: 'warning', fineYuan: 100 } },
    { problem: 'a fine of zero', fields: { measure: 'fine', fineYuan: 0 } },
    { problem: 'an empty source key', fields: { sourceKey: ' ' } },
  ])('refuses $problem and records nothing', async ({ fields }) => {
    const shop = await givenShop(dataSource);
    await expect(record(measure(shop.id, fields))).rejects.toBeInstanceOf(ValidationError);
    expect(await dataSource.manager.countBy(ShopViolationEntity, { shopId: shop.id })).toBe(0);
  });
});
