import { postJson } from '@/api/http';
import { useMutation, type UseMutationReturn } from './use-mutation';
import { taskPath } from './task-path';

/** POST /api/tasks/:id/complete with the form's values; a 400 lists issues at `body.values.<key>`. */
export function useCompleteTaskMutation(): UseMutationReturn<[taskId: string, values: Record<string, unknown>], void> {
  return useMutation((taskId: string, values: Record<string, unknown>) => postJson(taskPath(taskId, 'complete'), { values }));
}
