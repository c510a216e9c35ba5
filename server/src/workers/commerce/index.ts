import type { TopicHandler } from '../runtime/index.js';
import { jointShopCheckHandler } from './joint-shop-check.handler.js';
import { lookupLicenceHandler } from './lookup-licence.handler.js';
import { resetCreditHandler } from './reset-credit.handler.js';

export { lookupLicenceHandler, shopSearchRadiusM, type LicenceLookup } from './lookup-licence.handler.js';
export { resetCreditHandler } from './reset-credit.handler.js';
export { jointShopCheckHandler, type FlaggedShop } from './joint-shop-check.handler.js';

/** The market supervision (市场监管) department's steps: the case closed loop, the yearly credit reset of shop files, and joint enforcement (联合执法). */
export const commerceHandlers: TopicHandler[] = [lookupLicenceHandler, resetCreditHandler, jointShopCheckHandler];
