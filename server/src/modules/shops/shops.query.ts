import { In, type DataSource, type EntityManager } from 'typeorm';
import type { CreditChangeView, FirstViolationView, ShopFileView, ShopPage, ShopSummary, ShopViolationView } from '../../contracts/shops.js';
import { NotFoundError } from '../../errors/index.js';
import { StreetEntity, UnitGridEntity } from '../grids/index.js';
import { CreditChangeEntity } from './credit-change.entity.js';
import { FirstViolationEntity } from './first-violation.entity.js';
import { ShopEntity, type Shop } from './shop.entity.js';
import { ShopViolationEntity } from './shop-violation.entity.js';
import type { ListShopsQuery } from './shops.schema.js';

/** One page of shops matching the search (name, licence number or responsible person) and the filters. */
export async function listShops(dataSource: DataSource, query: ListShopsQuery): Promise<ShopPage> {
  const qb = dataSource.manager.createQueryBuilder(ShopEntity, 'shop').leftJoin(UnitGridEntity.options.name, 'grid', 'grid.code = shop.gridCode');
  if (query.q) {
    // '!' escapes LIKE wildcards typed by the user, the same way on MySQL and SQLite.
    const like = `%${query.q.replace(/[!%_]/g, (c) => `!${c}`)}%`;
    qb.andWhere("(shop.name LIKE :like ESCAPE '!' OR shop.licenceNo LIKE :like ESCAPE '!' OR shop.responsiblePerson LIKE :like ESCAPE '!')", { like });
  }
  if (query.streetCode) qb.andWhere('grid.streetCode = :streetCode', { streetCode: query.streetCode });
  if (query.gridCode) qb.andWhere('shop.gridCode = :gridCode', { gridCode: query.gridCode });
  if (query.grade) qb.andWhere('shop.creditGrade = :grade', { grade: query.grade });
  const [shops, total] = await qb
    .orderBy('shop.id', 'ASC')
    .skip((query.page - 1) * query.pageSize)
    .take(query.pageSize)
    .getManyAndCount();
  return { items: await summaries(dataSource.manager, shops), total, page: query.page, pageSize: query.pageSize };
}

/** The file of one shop (一店一档): licence, duties, violation history with measures, credit ledger and first-violation register. */
export async function getShopFile(dataSource: DataSource, id: number): Promise<ShopFileView> {
  const { manager } = dataSource;
  const shop = await manager.findOneBy(ShopEntity, { id });
  if (!shop) throw new NotFoundError(`商户档案 ${id} 不存在`, { resource: 'shop', id: String(id) });
  const [[summary], violations, ledger, register] = await Promise.all([
    summaries(manager, [shop]),
    manager.find(ShopViolationEntity, { where: { shopId: id }, order: { at: 'DESC', id: 'DESC' } }),
    manager.find(CreditChangeEntity, { where: { shopId: id }, order: { id: 'DESC' }, take: 100 }),
    manager.find(FirstViolationEntity, { where: { shopId: id }, order: { promisedAt: 'DESC', id: 'DESC' } }),
  ]);
  return {
    ...summary!,
    businessScope: shop.businessScope,
    phone: shop.phone,
    storefrontDuties: shop.storefrontDuties,
    violationHistory: violations.map(
      (v): ShopViolationView => ({
        id: v.id,
        agency: v.agency,
        violationType: v.violationType,
        measure: v.measure,
        firstViolationNoPenalty: Boolean(v.firstViolationNoPenalty),
        fineYuan: v.fineYuan,
        correctBy: iso(v.correctBy),
        seizedItems: v.seizedItems,
        note: v.note,
        creditDeduction: v.creditDeduction,
        at: v.at.toISOString(),
        recordedBy: v.recordedBy,
        operationRef: v.operationRef,
      }),
    ),
    creditLedger: ledger.map((c): CreditChangeView => ({ delta: c.delta, balance: c.balance, reason: c.reason, year: c.year, violationId: c.violationId, actor: c.actor, at: c.at.toISOString() })),
    firstViolationRegister: register.map(
      (f): FirstViolationView => ({ id: f.id, violationId: f.violationId, agency: f.agency, violationType: f.violationType, promiseText: f.promiseText, promisedAt: f.promisedAt.toISOString(), correctBy: iso(f.correctBy) }),
    ),
  };
}

/** List rows of shops, with their street and the counts of their file. */
async function summaries(manager: EntityManager, shops: Shop[]): Promise<ShopSummary[]> {
  if (!shops.length) return [];
  const ids = shops.map((s) => s.id);
  const gridCodes = [...new Set(shops.map((s) => s.gridCode).filter((c): c is string => c !== null))];
  const [grids, streets, violations, firsts] = await Promise.all([
    gridCodes.length ? manager.find(UnitGridEntity, { select: { code: true, streetCode: true }, where: { code: In(gridCodes) } }) : [],
    manager.find(StreetEntity),
    countBy(manager, ShopViolationEntity.options.tableName!, ids),
    countBy(manager, FirstViolationEntity.options.tableName!, ids),
  ]);
  const streetOf = new Map(grids.map((g) => [g.code, g.streetCode]));
  const streetName = new Map(streets.map((s) => [s.code, s.name]));
  return shops.map((shop) => {
    const streetCode = (shop.gridCode && streetOf.get(shop.gridCode)) ?? null;
    return {
      id: shop.id,
      name: shop.name,
      address: shop.address,
      licenceNo: shop.licenceNo,
      licenceStatus: shop.licenceStatus,
      responsiblePerson: shop.responsiblePerson,
      gridCode: shop.gridCode,
      streetCode,
      streetName: (streetCode && streetName.get(streetCode)) ?? null,
      lng: shop.lng,
      lat: shop.lat,
      creditPoints: shop.creditPoints,
      creditGrade: shop.creditGrade,
      violations: violations.get(shop.id) ?? 0,
      firstViolations: firsts.get(shop.id) ?? 0,
    };
  });
}

/** Rows per shop in one of the file's tables. */
async function countBy(manager: EntityManager, table: string, shopIds: number[]): Promise<Map<number, number>> {
  const rows = await manager
    .createQueryBuilder()
    .select('t.shop_id', 'shopId')
    .addSelect('COUNT(*)', 'count')
    .from(table, 't')
    .where('t.shop_id IN (:...shopIds)', { shopIds })
    .groupBy('t.shop_id')
    .getRawMany<{ shopId: number | string; count: number | string }>();
  return new Map(rows.map((r) => [Number(r.shopId), Number(r.count)]));
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);
