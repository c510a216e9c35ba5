import { defineModule } from '../module.js';
import { ShopEntity } from './shop.entity.js';
export { ShopEntity, type Shop, type LicenceStatus, type CreditGrade, type StorefrontDuties } from './shop.entity.js';
export { creditGradeOf, yearlyCreditPoints } from './credit.js';
export { findShopAt, type ShopNearby } from './find-shop.js';
export { seedShops, demoLicenceNo } from './seed-shops.js';
export { demoShops, dutyTemplates, type DemoShop } from './demo-shops.js';

/** Street-front shops and their files (一店一档). */
export const shopsModule = defineModule({ name: 'shops', entities: [ShopEntity] });
