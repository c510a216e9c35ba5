/** Shapes of /api/shops (一店一档), shared by the server and the web app. */
import type { MeasureKind } from './joint-operations.js';

/** Kinds of violation by a shop the enforcement-measure DMN knows by name; other codes fall to its general rules. */
export const violationTypes = {
  'street-vending': '占道经营',
  'outside-store': '店外经营',
  'storefront-duties': '门前三包不落实',
  signboard: '违规户外广告牌匾',
  'open-air-bbq': '露天烧烤',
  unlicensed: '无照经营',
} as const;
export type ViolationType = keyof typeof violationTypes;

export type LicenceStatusView = 'valid' | 'expired' | 'revoked' | 'none';
export type CreditGradeView = 'A' | 'B' | 'C' | 'D';

/** A shop as the list and the map show it. */
export interface ShopSummary {
  id: number;
  name: string;
  address: string;
  licenceNo: string | null;
  licenceStatus: LicenceStatusView;
  responsiblePerson: string;
  gridCode: string | null;
  streetCode: string | null;
  streetName: string | null;
  lng: number;
  lat: number;
  creditPoints: number;
  creditGrade: CreditGradeView;
  violations: number;
  firstViolations: number;
}

/** GET /api/shops: one page of shops, with the total matching the query. */
export interface ShopPage {
  items: ShopSummary[];
  total: number;
  page: number;
  pageSize: number;
}

/** A violation in a shop's file with the measure taken. */
export interface ShopViolationView {
  id: number;
  agency: string;
  violationType: string;
  measure: MeasureKind;
  firstViolationNoPenalty: boolean;
  fineYuan: number | null;
  correctBy: string | null;
  seizedItems: string | null;
  note: string | null;
  creditDeduction: number;
  at: string;
  recordedBy: string;
  operationRef: string | null;
}

/** A line of the credit ledger. */
export interface CreditChangeView {
  delta: number;
  balance: number;
  reason: 'violation' | 'yearly-reset';
  year: number;
  violationId: number | null;
  actor: string;
  at: string;
}

/** An entry of the first-violation register (首违不罚) with its written promise (告知承诺). */
export interface FirstViolationView {
  id: number;
  violationId: number;
  agency: string;
  violationType: string;
  promiseText: string;
  promisedAt: string;
  correctBy: string | null;
}

/** GET /api/shops/:id: the shop's file. */
export interface ShopFileView extends ShopSummary {
  businessScope: string;
  phone: string;
  storefrontDuties: { cleanliness: string; greenery: string; order: string };
  violationHistory: ShopViolationView[];
  creditLedger: CreditChangeView[];
  firstViolationRegister: FirstViolationView[];
}
