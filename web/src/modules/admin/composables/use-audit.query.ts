import { toValue, type MaybeRefOrGetter } from 'vue';
import type { AuditPage } from '@contracts/audit';
import { fetchAuditPage, type AuditQuery } from '../requests';
import { useApiQuery, type UseApiQueryReturn } from './use-api-query';

/** Options of useAuditQuery. */
export interface UseAuditQueryOptions {
  /** The filters and page; the page is fetched again whenever they change. */
  query: MaybeRefOrGetter<AuditQuery>;
  /**
   * How long to wait after a change before fetching.
   * @default 300
   */
  debounceMs?: number;
}

/** What useAuditQuery returns: the current page of audit records. */
export type UseAuditQueryReturn = UseApiQueryReturn<AuditPage>;

/** GET /api/audit for the audit log screen, kept up to date as filters and page change. */
export function useAuditQuery(options: UseAuditQueryOptions): UseAuditQueryReturn {
  const { query, debounceMs } = options;
  return useApiQuery(() => ({ ...toValue(query) }), fetchAuditPage, {
    initial: { items: [], total: 0, page: 1, pageSize: 20 },
    debounceMs,
  });
}
