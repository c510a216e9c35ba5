import { postJson } from '@/api/http';
import { useMutation, type UseMutationReturn } from './use-mutation';
import { taskPath } from './task-path';

/** POST /api/tasks/:id/extension (延期申请): asks a supervisor for more working days. */
export function useRequestExtensionMutation(): UseMutationReturn<[taskId: string, days: number, reason: string], void> {
  return useMutation((taskId: string, days: number, reason: string) => postJson(taskPath(taskId, 'extension'), { days, reason }));
}
