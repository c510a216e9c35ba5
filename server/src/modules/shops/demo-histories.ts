import type { EntityManager } from 'typeorm';
import { beijingDay } from '../calendar/index.js';
import { ShopEntity } from './shop.entity.js';
import { ShopViolationEntity } from './shop-violation.entity.js';
import { recordShopMeasure, type ShopMeasureInput } from './shop-measures.js';

/** A demo violation: which shop, how many days before the seed, and the measure taken. */
interface DemoViolation {
  shop: string;
  daysAgo: number;
  time: string;
  measure: Omit<ShopMeasureInput, 'shopId' | 'at' | 'sourceKey' | 'actor'>;
}

const byUrbanManagement = { agency: 'urban-management' } as const;

/**
 * Violation histories that exercise 首违不罚: 甜蜜奶茶铺 with a first-violation register entry last month, 禾丰面馆 with
 * a 首违不罚 five months ago and a fined repeat three weeks ago, and 阿婆馄饨店 whose only violation is more than 12
 * months old (so its next one is a first violation again).
 */
const demoViolations: DemoViolation[] = [
  { shop: '甜蜜奶茶铺', daysAgo: 32, time: '15:20', measure: { ...byUrbanManagement, violationType: 'outside-store', measure: 'order-to-correct', firstViolationNoPenalty: true, note: '门前人行道摆放桌椅三张，当场收回' } },
  { shop: '禾丰面馆', daysAgo: 150, time: '11:40', measure: { ...byUrbanManagement, violationType: 'street-vending', measure: 'order-to-correct', firstViolationNoPenalty: true, note: '午市占用人行道摆放餐桌，当场收回' } },
  { shop: '禾丰面馆', daysAgo: 20, time: '12:05', measure: { ...byUrbanManagement, violationType: 'street-vending', measure: 'fine', firstViolationNoPenalty: false, fineYuan: 200, note: '12 个月内再次占道经营，处罚款 200 元' } },
  { shop: '阿婆馄饨店', daysAgo: 400, time: '09:10', measure: { ...byUrbanManagement, violationType: 'outside-store', measure: 'order-to-correct', firstViolationNoPenalty: true, note: '店外设置灶台经营，当场撤回' } },
];

/** Records the demo violation histories once (source keys `demo:…`), dated relative to `now`; the demo shops must be seeded first. */
export async function seedShopHistories(manager: EntityManager, now = new Date()): Promise<number> {
  let recorded = 0;
  for (const [index, demo] of demoViolations.entries()) {
    const shop = await manager.findOneBy(ShopEntity, { name: demo.shop });
    if (!shop) continue;
    const at = new Date(`${beijingDay(new Date(now.getTime() - demo.daysAgo * 86_400_000))}T${demo.time}:00+08:00`);
    const sourceKey = `demo:${demo.shop}:${index}`;
    const correctBy = demo.measure.measure === 'order-to-correct' ? new Date(at.getTime() + 2 * 86_400_000) : null;
    if (await manager.existsBy(ShopViolationEntity, { sourceKey })) continue;
    await recordShopMeasure(manager, { ...demo.measure, shopId: shop.id, at, correctBy, sourceKey, actor: 'chengguan' });
    recorded++;
  }
  return recorded;
}
