import { toValue, type MaybeRefOrGetter } from 'vue';
import type { ShopPage } from '@contracts/shops';
import { queryString } from '@/api/http';
import { useJsonQuery, type UseJsonQueryReturn } from '@/api/use-json.query';

/** Options of useShopsQuery. */
export interface UseShopsQueryOptions {
  /** What the liaison typed: a shop name, address or licence number; nothing is fetched while it is empty. */
  q: MaybeRefOrGetter<string>;
  /**
   * How long to wait after typing before fetching.
   * @default 300
   */
  debounceMs?: number;
}

/** What useShopsQuery returns: a page of matching shops. */
export type UseShopsQueryReturn = UseJsonQueryReturn<ShopPage>;

/** GET /api/shops?q= for picking the shop a finding is against. */
export function useShopsQuery(options: UseShopsQueryOptions): UseShopsQueryReturn {
  const { q, debounceMs = 300 } = options;
  return useJsonQuery<ShopPage>(() => {
    const text = toValue(q).trim();
    return text ? `/api/shops${queryString({ q: text, pageSize: 20 })}` : null;
  }, { debounceMs });
}
