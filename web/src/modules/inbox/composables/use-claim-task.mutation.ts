import { postJson } from '@/api/http';
import { useMutation, type UseMutationReturn } from './use-mutation';
import { taskPath } from './task-path';

/** POST /api/tasks/:id/claim; a 409 names the colleague who claimed it first. */
export function useClaimTaskMutation(): UseMutationReturn<[taskId: string], void> {
  return useMutation((taskId: string) => postJson(taskPath(taskId, 'claim')));
}
