import { toValue, type MaybeRefOrGetter } from 'vue';
import type { ShopPage } from '@contracts/shops';
import { useJsonQuery, type UseJsonQueryReturn } from '@/api/use-json.query';
import { shopsPath, type ShopFilters } from '../requests';

/** Options of useShopsQuery. */
export interface UseShopsQueryOptions {
  /** The search and filters; the page is fetched again whenever they change. */
  filters: MaybeRefOrGetter<ShopFilters>;
  /**
   * The page, from 1.
   * @default 1
   */
  page?: MaybeRefOrGetter<number>;
  /**
   * Shops per page.
   * @default 20
   */
  pageSize?: MaybeRefOrGetter<number>;
  /**
   * How long to wait after a change before fetching, so that typing sends one request.
   * @default 300
   */
  debounceMs?: number;
}

/** What useShopsQuery returns. */
export type UseShopsQueryReturn = UseJsonQueryReturn<ShopPage>;

/** GET /api/shops with search, filters and page, kept up to date as they change. */
export function useShopsQuery(options: UseShopsQueryOptions): UseShopsQueryReturn {
  const { filters, page = 1, pageSize = 20, debounceMs = 300 } = options;
  return useJsonQuery<ShopPage>(() => shopsPath(toValue(filters), toValue(page), toValue(pageSize)), { debounceMs });
}
