import { computed, toValue, type ComputedRef, type MaybeRefOrGetter } from 'vue';
import type { TaskDetail } from '@contracts/tasks';
import { ApiError } from '@/api/http';
import { useJsonQuery, type UseJsonQueryReturn } from '@/api/use-json.query';
import { taskPath } from './task-path';

/** What useTaskQuery returns: the query, and whether the task is gone (completed by someone, or not the caller's). */
export interface UseTaskQueryReturn extends UseJsonQueryReturn<TaskDetail> {
  /** True once the server answered 404 for the task. */
  notFound: ComputedRef<boolean>;
}

/** GET /api/tasks/:id: one task the caller may work, with the Camunda Form that completes it. */
export function useTaskQuery(taskId: MaybeRefOrGetter<string>): UseTaskQueryReturn {
  const query = useJsonQuery<TaskDetail>(() => taskPath(toValue(taskId)));
  const notFound = computed(() => query.error.value instanceof ApiError && query.error.value.status === 404);
  return { ...query, notFound };
}
