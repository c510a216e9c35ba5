import type { TopicHandler } from '../runtime/index.js';
import { lookupLicenceHandler } from './lookup-licence.handler.js';

export { lookupLicenceHandler, shopSearchRadiusM, type LicenceLookup } from './lookup-licence.handler.js';

/** The market supervision (市场监管) department's steps of the case closed loop. */
export const commerceHandlers: TopicHandler[] = [lookupLicenceHandler];
