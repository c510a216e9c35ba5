import { postJson } from '@/api/http';
import { useMutation, type UseMutationReturn } from './use-mutation';
import { taskPath } from './task-path';

/** POST /api/tasks/:id/unclaim: hands one's own task back to the department's queue. */
export function useUnclaimTaskMutation(): UseMutationReturn<[taskId: string], void> {
  return useMutation((taskId: string) => postJson(taskPath(taskId, 'unclaim')));
}
