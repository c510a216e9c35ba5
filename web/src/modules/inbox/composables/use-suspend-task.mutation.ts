import { postJson } from '@/api/http';
import { useMutation, type UseMutationReturn } from './use-mutation';
import { taskPath } from './task-path';

/** POST /api/tasks/:id/suspend (缓办): parks a handling task until it can go on. */
export function useSuspendTaskMutation(): UseMutationReturn<[taskId: string, reason: string], void> {
  return useMutation((taskId: string, reason: string) => postJson(taskPath(taskId, 'suspend'), { reason }));
}
