import type { CreditGradeView } from '@contracts/shops';
import { queryString } from '@/api/http';

/** Search and filters of GET /api/shops; empty strings mean "any". */
export interface ShopFilters {
  q: string;
  streetCode: string;
  gridCode: string;
  grade: CreditGradeView | '';
}

/** The most shops one request returns, which is what the map shows. */
export const mapPageSize = 500;

/** The URL of GET /api/shops: one page of the shops matching the filters. */
export function shopsPath(filters: ShopFilters, page: number, pageSize: number): string {
  return `/api/shops${queryString({ ...filters, page, pageSize })}`;
}

/** The URL of GET /api/shops/:id: one shop's file. */
export function shopFilePath(id: number): string {
  return `/api/shops/${id}`;
}
