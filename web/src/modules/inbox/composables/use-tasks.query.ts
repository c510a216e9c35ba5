import { computed, toValue, type MaybeRefOrGetter } from 'vue';
import type { TaskListResponse, TaskTab } from '@contracts/tasks';
import { queryString } from '@/api/http';
import { useJsonQuery, type UseJsonQueryReturn } from '@/api/use-json.query';

/** The inbox filters; empty values are left out of the query. */
export interface TaskFilters {
  categoryCode: string;
  streetCode: string;
  gridCode: string;
  urgency: '' | 'urgent' | 'normal';
}

/** Options of useTasksQuery. */
export interface UseTasksQueryOptions {
  /**
   * The tab to list.
   * @default 'all'
   */
  tab?: MaybeRefOrGetter<TaskTab>;
  /**
   * The filters, applied to the items and to the counts of every tab.
   * @default no filters
   */
  filters?: MaybeRefOrGetter<Partial<TaskFilters>>;
}

/** What useTasksQuery returns. */
export type UseTasksQueryReturn = UseJsonQueryReturn<TaskListResponse>;

/** GET /api/tasks: the caller's tasks of one tab, sorted by due time, with the count of every tab; refetched when the tab or filters change. */
export function useTasksQuery(options: UseTasksQueryOptions = {}): UseTasksQueryReturn {
  const path = computed(() => {
    const filters = toValue(options.filters) ?? {};
    return `/api/tasks${queryString({ tab: toValue(options.tab) ?? 'all', ...filters, gridCode: filters.gridCode?.trim() })}`;
  });
  return useJsonQuery<TaskListResponse>(path);
}
