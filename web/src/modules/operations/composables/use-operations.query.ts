import { computed, toValue, type ComputedRef, type MaybeRefOrGetter } from 'vue';
import type { OperationSummary } from '@contracts/joint-operations';
import { useJsonQuery, type UseJsonQueryReturn } from '@/api/use-json.query';
import { noOperationFilters, operationsPath, type OperationFilters } from '../requests';

/** Options of useOperationsQuery. */
export interface UseOperationsQueryOptions {
  /**
   * The filters; the list is fetched again whenever they change.
   * @default no filters
   */
  filters?: MaybeRefOrGetter<OperationFilters>;
  /**
   * How long to wait after a filter change before fetching.
   * @default 300
   */
  debounceMs?: number;
}

/** What useOperationsQuery returns: the answer as sent, and its operations. */
export interface UseOperationsQueryReturn extends UseJsonQueryReturn<{ items: OperationSummary[] } | OperationSummary[]> {
  /** The operations of the last answer, empty until it arrives. */
  items: ComputedRef<OperationSummary[]>;
}

/** GET /api/operations for the list and the calendar, kept up to date as the filters change. */
export function useOperationsQuery(options: UseOperationsQueryOptions = {}): UseOperationsQueryReturn {
  const { filters = noOperationFilters, debounceMs = 300 } = options;
  const query = useJsonQuery<{ items: OperationSummary[] } | OperationSummary[]>(() => operationsPath(toValue(filters)), { debounceMs });
  const items = computed(() => {
    const answer = query.data.value;
    return Array.isArray(answer) ? answer : (answer?.items ?? []);
  });
  return { ...query, items };
}
