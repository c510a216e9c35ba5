import { z } from 'zod';
import { recordCaseEvent } from '../../modules/cases/index.js';
import { findShopAt, type LicenceStatus } from '../../modules/shops/index.js';
import { defineHandler } from '../runtime/index.js';
import { Topics } from '../topics.js';

const input = z.object({
  caseId: z.number().int(),
  caseNo: z.string(),
  lng: z.number(),
  lat: z.number(),
});

/** How far from the reported point a shop may be to count as the shop there, in metres. */
export const shopSearchRadiusM = 30;

/** The shop file found at the place of a case, or nulls and 'not-found' when none is within reach. */
export type LicenceLookup = {
  shopId: number | null;
  shopName: string | null;
  licenceNo: string | null;
  licenceStatus: LicenceStatus | 'not-found';
};

/** 核查经营主体执照: ties the case to the shop file (一店一档) at its place and reports that shop's business licence. */
export const lookupLicenceHandler = defineHandler({
  topic: Topics.CommerceLookupLicence,
  input,
  async handle(v, { once }) {
    // Looked up inside once, so that a redelivered task answers what was recorded even if the shop file changed since.
    const found = await once('lookup-licence', async (manager): Promise<LicenceLookup> => {
      const shop = await findShopAt(manager, v.lng, v.lat, shopSearchRadiusM);
      const lookup: LicenceLookup = shop
        ? { shopId: shop.id, shopName: shop.name, licenceNo: shop.licenceNo, licenceStatus: shop.licenceStatus }
        : { shopId: null, shopName: null, licenceNo: null, licenceStatus: 'not-found' };
      const data = { ...lookup, distanceM: shop ? Math.round(shop.distanceM) : null };
      await recordCaseEvent(manager, { caseId: v.caseId, type: 'licence-checked', department: 'commerce', actor: 'worker:commerce', at: new Date(), data });
      return lookup;
    });
    return found;
  },
});
