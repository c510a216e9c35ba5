import { Between, type EntityManager } from 'typeorm';
import type { MeasureKind } from '../../contracts/joint-operations.js';
import { violationTypes } from '../../contracts/shops.js';
import { NotFoundError, ValidationError } from '../../errors/index.js';
import { beijingDay } from '../calendar/index.js';
import { CreditChangeEntity } from './credit-change.entity.js';
import { creditDeductionFor, creditGradeOf, creditYearOf } from './credit.js';
import { FirstViolationEntity } from './first-violation.entity.js';
import { measureKinds } from './measures.js';
import { ShopEntity, type Shop } from './shop.entity.js';
import { ShopViolationEntity } from './shop-violation.entity.js';

/** The instant twelve calendar months before `at`, on Beijing's calendar (the 首违不罚 look-back window). */
export function twelveMonthsBefore(at: Date): Date {
  const local = new Date(at.getTime() + 8 * 3_600_000);
  local.setUTCFullYear(local.getUTCFullYear() - 1);
  return new Date(local.getTime() - 8 * 3_600_000);
}

/** Whether the agency (department code) recorded a violation by this shop in the 12 months before `at`. */
export async function hasPriorViolation(manager: EntityManager, shopId: number, agency: string, at: Date): Promise<boolean> {
  const count = await manager.countBy(ShopViolationEntity, { shopId, agency, at: Between(twelveMonthsBefore(at), new Date(at.getTime() - 1)) });
  return count > 0;
}

/** A measure against a shop, as the caller found and decided it. */
export interface ShopMeasureInput {
  shopId: number;
  /** Department code of the agency taking the measure. */
  agency: string;
  violationType: string;
  measure: MeasureKind;
  firstViolationNoPenalty: boolean;
  fineYuan?: number | null;
  correctBy?: Date | null;
  seizedItems?: string | null;
  note?: string | null;
  /** When the violation was found. */
  at: Date;
  actor: string;
  /** The caller's key (e.g. a finding id): recording the same key again changes nothing. */
  sourceKey: string;
  operationRef?: string | null;
  /** The 告知承诺 the responsible person signed; a standard text naming the shop and deadline when left out. */
  promiseText?: string | null;
}

/**
 * Records a measure against a shop in its file: the violation, the credit points it costs, and under 首违不罚 an entry
 * in the first-violation register. Idempotent on `sourceKey`. Runs inside the caller's transaction and audited action.
 */
export async function recordShopMeasure(manager: EntityManager, input: ShopMeasureInput): Promise<{ violationId: number }> {
  const recorded = await manager.findOneBy(ShopViolationEntity, { sourceKey: input.sourceKey });
  if (recorded) return { violationId: recorded.id };
  assertMeasure(input);
  // Locks the shop row, so that two measures against one shop never deduct from the same balance.
  const lock = manager.connection.options.type === 'mysql' ? { mode: 'pessimistic_write' as const } : undefined;
  const shop = await manager.findOne(ShopEntity, { where: { id: input.shopId }, lock });
  if (!shop) throw new NotFoundError(`商户档案 ${input.shopId} 不存在`, { resource: 'shop', id: String(input.shopId) });

  const creditDeduction = creditDeductionFor(input.measure, input.firstViolationNoPenalty, shop.creditPoints);
  const { identifiers } = await manager.insert(ShopViolationEntity, {
    shopId: shop.id,
    agency: input.agency,
    violationType: input.violationType,
    measure: input.measure,
    firstViolationNoPenalty: input.firstViolationNoPenalty,
    fineYuan: input.fineYuan ?? null,
    correctBy: input.correctBy ?? null,
    seizedItems: input.seizedItems ?? null,
    note: input.note ?? null,
    creditDeduction,
    at: input.at,
    recordedBy: input.actor,
    sourceKey: input.sourceKey,
    operationRef: input.operationRef ?? null,
    createdAt: new Date(),
  });
  const violationId = Number(identifiers[0]!.id);

  if (creditDeduction > 0) {
    const balance = shop.creditPoints - creditDeduction;
    await manager.update(ShopEntity, { id: shop.id }, { creditPoints: balance, creditGrade: creditGradeOf(balance) });
    await manager.insert(CreditChangeEntity, {
      shopId: shop.id,
      delta: -creditDeduction,
      balance,
      reason: 'violation',
      violationId,
      year: creditYearOf(input.at),
      sourceKey: `violation:${violationId}`,
      actor: input.actor,
      // Dated with the measure, in whose credit year it counts.
      at: input.at,
    });
  }
  if (input.firstViolationNoPenalty) {
    await manager.insert(FirstViolationEntity, {
      shopId: shop.id,
      violationId,
      agency: input.agency,
      violationType: input.violationType,
      promiseText: input.promiseText?.trim() || standardPromise(shop, input),
      promisedAt: input.at,
      correctBy: input.correctBy ?? null,
    });
  }
  return { violationId };
}

/** The standard 告知承诺 text: the responsible person promises to correct by the deadline and to keep the rules. */
export function standardPromise(shop: Pick<Shop, 'name' | 'responsiblePerson'>, input: Pick<ShopMeasureInput, 'violationType' | 'correctBy'>): string {
  const what = violationTypes[input.violationType as keyof typeof violationTypes] ?? input.violationType;
  const by = input.correctBy ? `于 ${beijingDay(input.correctBy)} 前` : '立即';
  return `本人${shop.responsiblePerson}系${shop.name}负责人，已知悉本店“${what}”行为违反相关规定，属首次违法且情节轻微。本人承诺${by}改正，今后自觉履行门前三包责任、守法经营；如再次违反，愿依法接受处罚。`;
}

const penalties: readonly MeasureKind[] = ['warning', 'fine', 'seizure'];

function assertMeasure(input: ShopMeasureInput): void {
  const issues: Array<{ path: string; message: string }> = [];
  if (!measureKinds.includes(input.measure)) issues.push({ path: 'measure', message: `未知的执法措施：${String(input.measure)}` });
  // 首违不罚 means no penalty: the DMN may choose advice or an order to correct, never a penalty.
  if (input.firstViolationNoPenalty && penalties.includes(input.measure)) issues.push({ path: 'firstViolationNoPenalty', message: '首违不罚不能同时给予警告、罚款或暂扣' });
  if (input.fineYuan != null && (!(input.fineYuan > 0) || input.measure !== 'fine')) issues.push({ path: 'fineYuan', message: '罚款金额只用于罚款措施，且须大于零' });
  if (!input.sourceKey.trim()) issues.push({ path: 'sourceKey', message: '缺少来源标识' });
  if (issues.length) throw new ValidationError('执法措施记录不完整', { issues });
}
