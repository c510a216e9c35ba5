import { In, type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDataSource, uniqueKey } from '../../../../test/support/test-env.js';
import { CaseEventEntity, type CaseFile } from '../../modules/cases/index.js';
import { creditGradeOf, dutyTemplates, ShopEntity, type LicenceStatus } from '../../modules/shops/index.js';
import { contextFor, freshPlace, givenCase, north, type Place } from '../testing/handler-test-kit.js';
import { Topics } from '../topics.js';
import { lookupLicenceHandler } from './lookup-licence.handler.js';

let dataSource: DataSource;
const shopIds: number[] = [];

beforeAll(async () => {
  dataSource = await testDataSource();
});

afterAll(async () => {
  if (shopIds.length) await dataSource?.manager.delete(ShopEntity, { id: In(shopIds) });
  await dataSource?.destroy();
});

async function givenShop(place: Place, name: string, licenceStatus: LicenceStatus): Promise<{ id: number; licenceNo: string | null }> {
  const licenceNo = licenceStatus === 'none' ? null : uniqueKey('92330106T');
  const { identifiers } = await dataSource.manager.insert(ShopEntity, {
    name,
    licenceNo,
    licenceStatus,
    businessScope: '日用百货零售',
    responsiblePerson: '测试店主',
    phone: '13900000000',
    address: `测试路${uniqueKey('号')}`,
    ...place,
    gridCode: null,
    creditPoints: 1000,
    creditGrade: creditGradeOf(1000),
    storefrontDuties: dutyTemplates.retail,
    createdAt: new Date(),
  });
  const id = Number(identifiers[0]?.id);
  shopIds.push(id);
  return { id, licenceNo };
}

/** A patrol's report of trading without a licence, the kind of case that looks a licence up. */
const unlicensedTrading: Partial<CaseFile> = { categoryCode: 'E0502', source: 'patrol', description: '无照经营' };

describe('commerce-lookup-licence', () => {
  it.each<LicenceStatus>(['valid', 'expired', 'revoked', 'none'])('reports the %s licence of the shop at the place of the case', async (status) => {
    // given
    const place = freshPlace();
    const shop = await givenShop(north(place, 10), `测试商店-${status}`, status);
    const { caseId, caseNo } = await givenCase(dataSource, { ...unlicensedTrading, ...place });

    // when
    const output = await lookupLicenceHandler.handle({ caseId, caseNo, ...place }, contextFor(dataSource, Topics.CommerceLookupLicence, caseNo));

    // then
    expect(output).toEqual({ shopId: shop.id, shopName: `测试商店-${status}`, licenceNo: shop.licenceNo, licenceStatus: status });
  });

  it('takes the nearest shop within 30 m and records what it found on the case', async () => {
    // given
    const place = freshPlace();
    await givenShop(north(place, 25), '隔壁商店', 'valid');
    const nearest = await givenShop(north(place, 12), '门口商店', 'expired');
    const { caseId, caseNo } = await givenCase(dataSource, { ...unlicensedTrading, ...place });

    // when
    const output = await lookupLicenceHandler.handle({ caseId, caseNo, ...place }, contextFor(dataSource, Topics.CommerceLookupLicence, caseNo));

    // then
    expect(output).toMatchObject({ shopId: nearest.id, shopName: '门口商店', licenceStatus: 'expired' });
    const events = await dataSource.manager.findBy(CaseEventEntity, { caseId });
    expect(events).toEqual([expect.objectContaining({ type: 'licence-checked', department: 'commerce', actor: 'worker:commerce', onTime: null })]);
    expect(JSON.parse(events[0]!.data!)).toEqual({ shopId: nearest.id, shopName: '门口商店', licenceNo: nearest.licenceNo, licenceStatus: 'expired', distanceM: 12 });
  });

  it('answers not-found with nulls, and records it, when no shop is within 30 m', async () => {
    // given a shop just out of reach
    const place = freshPlace();
    await givenShop(north(place, 45), '远处商店', 'valid');
    const { caseId, caseNo } = await givenCase(dataSource, { ...unlicensedTrading, ...place });

    // when
    const output = await lookupLicenceHandler.handle({ caseId, caseNo, ...place }, contextFor(dataSource, Topics.CommerceLookupLicence, caseNo));

    // then
    const notFound = { shopId: null, shopName: null, licenceNo: null, licenceStatus: 'not-found' };
    expect(output).toEqual(notFound);
    const events = await dataSource.manager.findBy(CaseEventEntity, { caseId });
    expect(events.map((e) => JSON.parse(e.data!))).toEqual([{ ...notFound, distanceM: null }]);
  });

  it('answers what it recorded when the same task is delivered twice, even if the shop file changed between', async () => {
    // given
    const place = freshPlace();
    const shop = await givenShop(north(place, 5), '复查商店', 'valid');
    const { caseId, caseNo } = await givenCase(dataSource, { ...unlicensedTrading, ...place });
    const context = contextFor(dataSource, Topics.CommerceLookupLicence, caseNo);
    const first = await lookupLicenceHandler.handle({ caseId, caseNo, ...place }, context);
    await dataSource.manager.update(ShopEntity, { id: shop.id }, { licenceStatus: 'revoked' });

    // when
    const again = await lookupLicenceHandler.handle({ caseId, caseNo, ...place }, context);

    // then
    expect(again).toEqual(first);
    expect(again).toMatchObject({ licenceStatus: 'valid' });
    expect(await dataSource.manager.countBy(CaseEventEntity, { caseId })).toBe(1);
  });

  it.each([
    ['coordinates given as text', { caseId: 1, caseNo: 'C-1', lng: '120.15', lat: '30.27' }],
    ['no coordinates', { caseId: 1, caseNo: 'C-1' }],
    ['a case id given as text', { caseId: '1', caseNo: 'C-1', lng: 120.15, lat: 30.27 }],
  ])('rejects variables with %s', (_, variables) => {
    expect(lookupLicenceHandler.input.safeParse(variables).success).toBe(false);
  });
});
