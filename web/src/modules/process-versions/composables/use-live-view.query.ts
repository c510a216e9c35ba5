import { getCurrentScope, onScopeDispose, toValue, type MaybeRefOrGetter } from 'vue';
import type { LiveView } from '@contracts/process-versions';
import { useJsonQuery, type UseJsonQueryReturn } from '@/api/use-json.query';
import { livePath } from '../requests';

/** Options of useLiveViewQuery. */
export interface UseLiveViewQueryOptions {
  /** The definition id. */
  id: MaybeRefOrGetter<string>;
  /**
   * How often to fetch again, so the counts follow the engine; 0 turns it off.
   * @default 15000
   */
  intervalMs?: number;
}

/** What useLiveViewQuery returns. */
export type UseLiveViewQueryReturn = UseJsonQueryReturn<LiveView>;

/** GET /api/designer/definitions/:id/live, refreshed every intervalMs while the page is open. */
export function useLiveViewQuery(options: UseLiveViewQueryOptions): UseLiveViewQueryReturn {
  const { id, intervalMs = 15_000 } = options;
  const query = useJsonQuery<LiveView>(() => livePath(toValue(id)));
  if (intervalMs > 0) {
    const timer = setInterval(() => void query.refresh(), intervalMs);
    if (getCurrentScope()) onScopeDispose(() => clearInterval(timer));
  }
  return query;
}
