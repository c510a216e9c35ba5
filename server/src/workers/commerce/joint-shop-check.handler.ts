import { In } from 'typeorm';
import { z } from 'zod';
import { JointOperationEntity, operationArea, OperationParticipantEntity, recordOperationEvent } from '../../modules/joint-operations/index.js';
import { notify } from '../../modules/notifications/index.js';
import { hasPriorViolation, ShopEntity } from '../../modules/shops/index.js';
import { defineHandler } from '../runtime/index.js';
import { Topics } from '../topics.js';

const input = z.object({ operationId: z.number().int(), departmentCode: z.string() });

/** A shop of the area worth a look before the operation. */
export interface FlaggedShop {
  shopId: number;
  name: string;
  licenceStatus: string;
  creditGrade: string;
  /** Departments of this operation that recorded a violation by the shop in the last 12 months (首违不罚 no longer applies to them). */
  priorAgencies: string[];
}

/** At most this many shops are listed; the count says how many there are. */
const listed = 50;

/**
 * 商户档案预查: looks up the shops of the operation's area in their files (一店一档): licence status, credit grade, and
 * which participating departments recorded a violation by them in the last 12 months. Shops with a licence problem,
 * a grade of C or D, or a prior violation are listed for the briefing.
 */
export const jointShopCheckHandler = defineHandler({
  topic: Topics.CommerceJointShopCheck,
  input,
  async handle(v, { once }) {
    const flagged = await once('shop-check', async (manager) => {
      const op = await manager.findOneByOrFail(JointOperationEntity, { id: v.operationId });
      const { gridCodes } = await operationArea(manager, op.id);
      const agencies = (await manager.findBy(OperationParticipantEntity, { operationId: op.id })).map((p) => p.departmentCode);
      const shops = gridCodes.length ? await manager.find(ShopEntity, { where: { gridCode: In(gridCodes) }, order: { id: 'ASC' } }) : [];
      const now = new Date();
      const found: FlaggedShop[] = [];
      for (const shop of shops) {
        const priorAgencies: string[] = [];
        for (const agency of agencies) if (await hasPriorViolation(manager, shop.id, agency, now)) priorAgencies.push(agency);
        if (shop.licenceStatus !== 'valid' || shop.creditGrade === 'C' || shop.creditGrade === 'D' || priorAgencies.length) {
          found.push({ shopId: shop.id, name: shop.name, licenceStatus: shop.licenceStatus, creditGrade: shop.creditGrade, priorAgencies });
        }
      }
      await recordOperationEvent(manager, { operationId: op.id, type: 'shops-checked', actor: 'worker:commerce', departmentCode: v.departmentCode, at: now, data: { shops: shops.length, flagged: found.length, list: found.slice(0, listed) } });
      await notify(manager, {
        recipients: [{ type: 'user', id: op.createdBy }, ...agencies.map((id) => ({ type: 'group' as const, id }))],
        title: `联合执法 ${op.ref} 商户档案预查：${shops.length} 家商户，${found.length} 家需关注`,
        body: found.slice(0, 10).map((s) => `${s.name}：执照 ${s.licenceStatus}，信用 ${s.creditGrade}${s.priorAgencies.length ? `，12 个月内有违法记录（${s.priorAgencies.join('、')}）` : ''}`).join('\n'),
        event: 'operation.shops-checked',
      });
      return found.length;
    });
    return { flaggedShops: flagged };
  },
  outputScope: 'local',
});
