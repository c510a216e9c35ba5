export { ShopEntity, type Shop, type LicenceStatus, type CreditGrade, type StorefrontDuties } from './shop.entity.js';
export { creditGradeOf, yearlyCreditPoints } from './credit.js';
export { findShopAt, type ShopNearby } from './find-shop.js';
export { seedShops, demoLicenceNo } from './seed-shops.js';
export { demoShops, dutyTemplates, type DemoShop } from './demo-shops.js';
