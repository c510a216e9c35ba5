import { postJson } from '@/api/http';
import { useMutation, type UseMutationReturn } from './use-mutation';
import { taskPath } from './task-path';

/** POST /api/tasks/:id/return (退单): sends a handling task back for a supervisor to approve. */
export function useReturnTaskMutation(): UseMutationReturn<[taskId: string, reason: string], void> {
  return useMutation((taskId: string, reason: string) => postJson(taskPath(taskId, 'return'), { reason }));
}
