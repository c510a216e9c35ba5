import { defineModule } from '../module.js';
import { CreditChangeEntity } from './credit-change.entity.js';
import { FirstViolationEntity } from './first-violation.entity.js';
import { ShopEntity } from './shop.entity.js';
import { ShopViolationEntity } from './shop-violation.entity.js';
import { shopRoutes } from './routes.js';
export { ShopEntity, type Shop, type LicenceStatus, type CreditGrade, type StorefrontDuties } from './shop.entity.js';
export { ShopViolationEntity, type ShopViolation } from './shop-violation.entity.js';
export { CreditChangeEntity, type CreditChange, type CreditChangeReason } from './credit-change.entity.js';
export { FirstViolationEntity, type FirstViolationEntry } from './first-violation.entity.js';
export { creditGradeOf, yearlyCreditPoints, creditDeductions, creditYearOf } from './credit.js';
export { measureKinds, decideMeasure, enforcementMeasureDecision, type MeasureKind, type MeasureQuestion, type MeasureDecision } from './measures.js';
export { hasPriorViolation, recordShopMeasure, twelveMonthsBefore, standardPromise, type ShopMeasureInput } from './shop-measures.js';
export { resetCreditPoints, creditResetActor, type CreditResetResult } from './credit-reset.js';
export { findShopAt, type ShopNearby } from './find-shop.js';
export { seedShops, demoLicenceNo } from './seed-shops.js';
export { seedShopHistories } from './demo-histories.js';
export { demoShops, dutyTemplates, type DemoShop } from './demo-shops.js';
export { violationTypes, type ViolationType } from '../../contracts/shops.js';

/** Street-front shops and their files (一店一档): violations with measures, the credit ledger and the first-violation register. */
export const shopsModule = defineModule({
  name: 'shops',
  entities: [ShopEntity, ShopViolationEntity, CreditChangeEntity, FirstViolationEntity],
  routes: ({ dataSource }) => shopRoutes(dataSource),
});
