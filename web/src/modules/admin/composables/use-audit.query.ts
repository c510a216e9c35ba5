import { toValue, type MaybeRefOrGetter } from 'vue';
import type { AuditPage } from '@contracts/audit';
import { useJsonQuery, type UseJsonQueryReturn } from '@/api/use-json.query';
import { auditPath, type AuditQuery } from '../requests';

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

/** What useAuditQuery returns: the current page of audit records, null until the first answer. */
export type UseAuditQueryReturn = UseJsonQueryReturn<AuditPage>;

/** GET /api/audit for the audit log screen, kept up to date as filters and page change. */
export function useAuditQuery(options: UseAuditQueryOptions): UseAuditQueryReturn {
  const { query, debounceMs = 300 } = options;
  return useJsonQuery<AuditPage>(() => auditPath(toValue(query)), { debounceMs });
}
