import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDataSource, uniqueKey } from '../../../../test/support/test-env.js';
import { inTransaction } from '../../db/index.js';
import { loadGridLocator, seedGeography } from '../grids/index.js';
import { ShopEntity, demoShops, dutyTemplates, findShopAt, seedShops, type Shop } from './index.js';

let dataSource: DataSource;
const ownShops: number[] = [];

beforeAll(async () => {
  dataSource = await testDataSource();
  await inTransaction(dataSource, async (manager) => {
    await seedGeography(manager);
    await seedShops(manager);
  });
});

afterAll(async () => {
  if (ownShops.length) await dataSource?.manager.delete(ShopEntity, ownShops);
  await dataSource?.destroy();
});

/** A shop of this test alone, somewhere far from the district and from other runs. */
async function isolatedShop(): Promise<Shop> {
  const name = uniqueKey('测试店');
  const lng = 100 + Math.random() * 10;
  const lat = 20 + Math.random() * 5;
  const result = await dataSource.manager.insert(ShopEntity, {
    name,
    licenceNo: null,
    licenceStatus: 'none',
    businessScope: '测试',
    responsiblePerson: '测试',
    phone: '0',
    address: `测试路 ${name}`,
    lng,
    lat,
    gridCode: null,
    creditPoints: 1000,
    creditGrade: 'A',
    storefrontDuties: dutyTemplates.retail,
    createdAt: new Date(),
  });
  const id = result.identifiers[0]!.id as number;
  ownShops.push(id);
  return dataSource.manager.findOneByOrFail(ShopEntity, { id });
}

describe('demo shops', () => {
  it('seeds every demo shop once, inside a commercial or market grid it names', async () => {
    const again = await inTransaction(dataSource, (manager) => seedShops(manager));
    expect(again).toBe(0);
    const shops = await dataSource.manager.find(ShopEntity, { where: demoShops.map((s) => ({ name: s.name, address: `青禾区${s.address}` })) });
    expect(shops).toHaveLength(demoShops.length);
    const locator = await loadGridLocator(dataSource.manager);
    for (const shop of shops) {
      const location = locator.locate(shop.lng, shop.lat);
      expect(location?.gridCode, shop.name).toBe(shop.gridCode);
      expect(['commercial', 'market'], shop.name).toContain(location?.gridType);
    }
  });

  it('keeps licences, credit and 门前三包 duties in the file', async () => {
    const bbq = await dataSource.manager.findOneByOrFail(ShopEntity, { name: '芸溪烧烤' });
    expect(bbq).toMatchObject({ licenceNo: null, licenceStatus: 'none', creditPoints: 580, creditGrade: 'D' });
    expect(bbq.storefrontDuties.order).toContain('不出店经营');
    const statuses = new Set((await dataSource.manager.find(ShopEntity)).map((s) => s.licenceStatus));
    expect(statuses).toEqual(new Set(['valid', 'expired', 'revoked', 'none']));
  });
});

describe('findShopAt', () => {
  it('finds a seeded shop at its own coordinates', async () => {
    const shop = await dataSource.manager.findOneByOrFail(ShopEntity, { name: '永兴五金店' });
    const found = await findShopAt(dataSource.manager, shop.lng, shop.lat);
    expect(found?.id).toBe(shop.id);
    expect(found?.distanceM).toBe(0);
  });

  it('finds a shop 20 m away but not one 100 m away', async () => {
    const shop = await isolatedShop();
    expect((await findShopAt(dataSource.manager, shop.lng, shop.lat + 0.00018))?.id).toBe(shop.id);
    expect(await findShopAt(dataSource.manager, shop.lng, shop.lat + 0.0009)).toBeUndefined();
    expect(await findShopAt(dataSource.manager, shop.lng + 0.00104, shop.lat)).toBeUndefined();
  });

  it('widens the search with the radius and picks the nearest shop', async () => {
    const shop = await isolatedShop();
    const found = await findShopAt(dataSource.manager, shop.lng, shop.lat + 0.0009, 150);
    expect(found?.id).toBe(shop.id);
    expect(found?.distanceM).toBeCloseTo(100, -1);
  });

  it('does not take a seeded shop for one 100 m north of it', async () => {
    const shop = await dataSource.manager.findOneByOrFail(ShopEntity, { name: '半亩书屋' });
    expect((await findShopAt(dataSource.manager, shop.lng, shop.lat + 0.0009))?.id).not.toBe(shop.id);
  });
});
