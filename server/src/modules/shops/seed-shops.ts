import { In, type EntityManager } from 'typeorm';
import { UnitGridEntity } from '../grids/index.js';
import { creditGradeOf, yearlyCreditPoints } from './credit.js';
import { demoShops, dutyTemplates, type DemoShop } from './demo-shops.js';
import { ShopEntity, type Shop } from './shop.entity.js';

/** The licence number of a demo shop: a made-up 18-character unified social credit code. */
export const demoLicenceNo = (serial: number) => `92330106QH${String(serial).padStart(8, '0')}`;

/**
 * Inserts the demo shops that are missing, placed inside their unit grids; the geography must be seeded first.
 * Idempotent (name and address are unique), and safe when several processes seed at once.
 */
export async function seedShops(manager: EntityManager, shops: readonly DemoShop[] = demoShops): Promise<number> {
  const grids = new Map((await manager.findBy(UnitGridEntity, { code: In([...new Set(shops.map((s) => s.gridCode))]) })).map((g) => [g.code, g]));
  const named = await manager.find(ShopEntity, { select: { name: true, address: true }, where: { name: In(shops.map((s) => s.name)) } });
  const existing = new Set(named.map((s) => `${s.name}|${s.address}`));
  const rows: Omit<Shop, 'id'>[] = [];
  for (const shop of shops) {
    const address = `青禾区${shop.address}`;
    if (existing.has(`${shop.name}|${address}`)) continue;
    const grid = grids.get(shop.gridCode);
    if (!grid) throw new Error(`Shop ${shop.name} lies in unit grid ${shop.gridCode}, which is not seeded: seed the geography first`);
    const creditPoints = shop.creditPoints ?? yearlyCreditPoints;
    rows.push({
      name: shop.name,
      licenceNo: shop.licenceSerial === undefined ? null : demoLicenceNo(shop.licenceSerial),
      licenceStatus: shop.licence,
      businessScope: shop.businessScope,
      responsiblePerson: shop.responsiblePerson,
      phone: shop.phone,
      address,
      lng: round7(grid.minLng + shop.at[0] * (grid.maxLng - grid.minLng)),
      lat: round7(grid.minLat + shop.at[1] * (grid.maxLat - grid.minLat)),
      gridCode: grid.code,
      creditPoints,
      creditGrade: creditGradeOf(creditPoints),
      storefrontDuties: dutyTemplates[shop.duties],
      createdAt: new Date(),
    });
  }
  // INSERT IGNORE / INSERT OR IGNORE: a concurrent seeder may have inserted the same shops meanwhile.
  if (rows.length) await manager.createQueryBuilder().insert().into(ShopEntity).values(rows).orIgnore().updateEntity(false).execute();
  return rows.length;
}

const round7 = (value: number) => Math.round(value * 1e7) / 1e7;
