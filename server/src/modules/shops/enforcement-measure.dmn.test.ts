import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDataSource, testEngine } from '../../../../test/support/test-env.js';
import { decideMeasure, hasPriorViolation, recordShopMeasure, type MeasureDecision, type MeasureQuestion } from './index.js';
import { bj, deployEnforcementMeasure, givenShop } from './test-support.js';

const engine = testEngine();
let dataSource: DataSource;

beforeAll(async () => {
  dataSource = await testDataSource();
  await deployEnforcementMeasure(engine);
});

afterAll(async () => {
  await dataSource?.destroy();
});

const noPenalty: MeasureDecision = { measure: 'order-to-correct', firstViolationNoPenalty: true, promiseRequired: true };
const penalty = (measure: MeasureDecision['measure']): MeasureDecision => ({ measure, firstViolationNoPenalty: false, promiseRequired: false });
const first = { priorViolationsSameAgency12m: false } as const;
const repeat = { priorViolationsSameAgency12m: true } as const;

describe('decision enforcement-measure (首违不罚)', () => {
  it.each<{ case: string; input: MeasureQuestion; expected: MeasureDecision }>([
    { case: 'a first, minor, corrected 占道经营', input: { violationType: 'street-vending', ...first, severity: 'minor', correctedOnSpot: true }, expected: noPenalty },
    { case: 'a first, minor, corrected 店外经营', input: { violationType: 'outside-store', ...first, severity: 'minor', correctedOnSpot: true }, expected: noPenalty },
    { case: 'a first, minor, corrected 门前三包 breach', input: { violationType: 'storefront-duties', ...first, severity: 'minor', correctedOnSpot: true }, expected: noPenalty },
    { case: 'a first, minor, corrected 无照经营', input: { violationType: 'unlicensed', ...first, severity: 'minor', correctedOnSpot: true }, expected: noPenalty },
    { case: 'a first, minor, corrected violation of a type the table does not name', input: { violationType: 'E0202', ...first, severity: 'minor', correctedOnSpot: true }, expected: noPenalty },
    { case: 'a first, minor 店外经营 not corrected on the spot', input: { violationType: 'outside-store', ...first, severity: 'minor', correctedOnSpot: false }, expected: penalty('order-to-correct') },
    { case: 'a repeat minor 占道经营 within 12 months', input: { violationType: 'street-vending', ...repeat, severity: 'minor', correctedOnSpot: true }, expected: penalty('fine') },
    { case: 'a repeat minor 露天烧烤 within 12 months', input: { violationType: 'open-air-bbq', ...repeat, severity: 'minor', correctedOnSpot: false }, expected: penalty('fine') },
    { case: 'a repeat minor 无照经营 within 12 months', input: { violationType: 'unlicensed', ...repeat, severity: 'minor', correctedOnSpot: true }, expected: penalty('fine') },
    { case: 'a repeat minor 店外经营 within 12 months', input: { violationType: 'outside-store', ...repeat, severity: 'minor', correctedOnSpot: true }, expected: penalty('warning') },
    { case: 'a repeat minor 门前三包 breach within 12 months', input: { violationType: 'storefront-duties', ...repeat, severity: 'minor', correctedOnSpot: false }, expected: penalty('warning') },
    { case: 'a repeat minor 广告牌匾 violation within 12 months', input: { violationType: 'signboard', ...repeat, severity: 'minor', correctedOnSpot: true }, expected: penalty('warning') },
    { case: 'a serious first 占道经营, even corrected', input: { violationType: 'street-vending', ...first, severity: 'serious', correctedOnSpot: true }, expected: penalty('seizure') },
    { case: 'a serious repeat 无照经营', input: { violationType: 'unlicensed', ...repeat, severity: 'serious', correctedOnSpot: false }, expected: penalty('seizure') },
    { case: 'a serious first 露天烧烤', input: { violationType: 'open-air-bbq', ...first, severity: 'serious', correctedOnSpot: false }, expected: penalty('seizure') },
    { case: 'a serious first 店外经营, even corrected', input: { violationType: 'outside-store', ...first, severity: 'serious', correctedOnSpot: true }, expected: penalty('fine') },
    { case: 'a serious 门前三包 breach', input: { violationType: 'storefront-duties', ...repeat, severity: 'serious', correctedOnSpot: false }, expected: penalty('fine') },
  ])('answers $expected.measure for $case', async ({ input, expected }) => {
    // given the facts of a violation
    // when the deployed decision is evaluated on the engine
    const decision = await decideMeasure(engine, input);

    // then it gives the measure of the rules
    expect(decision).toEqual(expected);
  });
});

describe('首违不罚 with the 12-month look-back of the same agency', () => {
  const today = bj('2026-12-01T10:00');
  const streetVending = { violationType: 'street-vending', severity: 'minor', correctedOnSpot: true } as const;

  /** A violation of the shop's file recorded by an agency at a time. */
  async function givenViolation(shopId: number, agency: string, at: Date): Promise<void> {
    const sourceKey = `test:${shopId}:${agency}:${at.toISOString()}`;
    await dataSource.transaction((manager) => recordShopMeasure(manager, { shopId, agency, violationType: 'street-vending', measure: 'warning', firstViolationNoPenalty: false, at, actor: 'test', sourceKey }));
  }

  /** What the rules give a minor, corrected 占道经营 found today by urban management. */
  async function measureToday(shopId: number): Promise<MeasureDecision> {
    const prior = await hasPriorViolation(dataSource.manager, shopId, 'urban-management', today);
    return decideMeasure(engine, { ...streetVending, priorViolationsSameAgency12m: prior });
  }

  it('grants 首违不罚 to a shop with no violation on file', async () => {
    // given a shop with a clean file
    const shop = await givenShop(dataSource);

    // when a first minor violation corrected on the spot is weighed
    // then it is ordered to correct under 首违不罚
    expect(await measureToday(shop.id)).toEqual(noPenalty);
  });

  it('fines a repeat within 12 months by the same agency', async () => {
    // given urban management recorded 占道经营 by the shop in March
    const shop = await givenShop(dataSource);
    await givenViolation(shop.id, 'urban-management', bj('2026-03-10T09:00'));

    // when it is found again today
    // then it is penalised
    expect(await measureToday(shop.id)).toEqual(penalty('fine'));
  });

  it('grants 首违不罚 again to a repeat more than 12 months after the last violation', async () => {
    // given the last violation was 12 months and a day ago
    const shop = await givenShop(dataSource);
    await givenViolation(shop.id, 'urban-management', bj('2025-11-30T10:00'));

    // when it is found again today
    // then the old violation no longer counts
    expect(await measureToday(shop.id)).toEqual(noPenalty);
  });

  it('counts a violation exactly 12 months ago as within the window', async () => {
    // given the last violation was on this day last year, at this time
    const shop = await givenShop(dataSource);
    await givenViolation(shop.id, 'urban-management', bj('2025-12-01T10:00'));

    // when it is found again today
    // then it is a repeat
    expect(await measureToday(shop.id)).toEqual(penalty('fine'));
  });

  it('does not count a violation recorded by another agency', async () => {
    // given market supervision recorded a violation last month
    const shop = await givenShop(dataSource);
    await givenViolation(shop.id, 'commerce', bj('2026-11-02T15:00'));

    // when urban management finds one today
    // then it is the first for urban management
    expect(await measureToday(shop.id)).toEqual(noPenalty);
  });

  it('does not count a violation recorded after the moment asked about', async () => {
    // given a violation found later than the one being weighed (e.g. recorded out of order)
    const shop = await givenShop(dataSource);
    await givenViolation(shop.id, 'urban-management', bj('2026-12-01T11:00'));

    // when the earlier one is weighed
    // then the later one does not make it a repeat
    expect(await hasPriorViolation(dataSource.manager, shop.id, 'urban-management', today)).toBe(false);
  });
});
