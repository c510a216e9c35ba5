import { In, type EntityManager } from 'typeorm';
import { recordAudit } from '../audit/index.js';
import { CreditChangeEntity } from './credit-change.entity.js';
import { creditGradeOf, yearlyCreditPoints } from './credit.js';
import { ShopEntity } from './shop.entity.js';

/** Who the yearly reset acts as in the ledger and the audit log. */
export const creditResetActor = 'system:credit-reset';

/** What a yearly reset did. */
export interface CreditResetResult {
  year: number;
  /** Shops reset by this call; shops already reset for the year are left alone. */
  shopsReset: number;
}

const pageSize = 500;

/**
 * Puts every shop back to the yearly base points for a credit year, with a ledger line per shop, and audits it, all in
 * the caller's transaction. Idempotent per year: once a year is reset, another run of it changes nothing (deductions
 * made since stay), and a concurrent run fails on the ledger's unique source keys and rolls back.
 */
export async function resetCreditPoints(manager: EntityManager, year: number, at = new Date()): Promise<CreditResetResult> {
  if (await manager.existsBy(CreditChangeEntity, { reason: 'yearly-reset', year })) return { year, shopsReset: 0 };
  const mysql = manager.connection.options.type === 'mysql';
  let shopsReset = 0;
  let pointsBefore = 0;
  for (let afterId = 0; ; ) {
    // Locked, so that a measure recorded meanwhile is either before the reset or after it, never lost in between.
    const query = manager.createQueryBuilder(ShopEntity, 'shop').select(['shop.id', 'shop.creditPoints']).where('shop.id > :afterId', { afterId }).orderBy('shop.id', 'ASC').limit(pageSize);
    const shops = await (mysql ? query.setLock('pessimistic_write') : query).getMany();
    if (!shops.length) break;
    afterId = shops[shops.length - 1]!.id;
    await manager.insert(
      CreditChangeEntity,
      shops.map((s) => ({ shopId: s.id, delta: yearlyCreditPoints - s.creditPoints, balance: yearlyCreditPoints, reason: 'yearly-reset' as const, violationId: null, year, sourceKey: `reset:${year}:${s.id}`, actor: creditResetActor, at })),
    );
    await manager.update(ShopEntity, { id: In(shops.map((s) => s.id)) }, { creditPoints: yearlyCreditPoints, creditGrade: creditGradeOf(yearlyCreditPoints) });
    shopsReset += shops.length;
    pointsBefore += shops.reduce((sum, s) => sum + s.creditPoints, 0);
  }
  if (shopsReset > 0) {
    await recordAudit(manager, { actor: creditResetActor, action: 'shops.credit-reset', targetType: 'credit-year', targetId: String(year), after: { year, shopsReset, base: yearlyCreditPoints, pointsBefore }, at });
  }
  return { year, shopsReset };
}
