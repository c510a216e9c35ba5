import { postUserPassword } from '../requests';
import { useApiMutation, type UseApiMutationReturn } from '@/api/use-api-mutation';

/** What useResetUserPasswordMutation returns. */
export type UseResetUserPasswordMutationReturn = UseApiMutationReturn<{ id: number; password: string }, true>;

/** POST /api/users/:id/password for the reset-password dialog. */
export function useResetUserPasswordMutation(): UseResetUserPasswordMutationReturn {
  return useApiMutation(async ({ id, password }: { id: number; password: string }, signal) => {
    await postUserPassword(id, { password }, signal);
    return true as const;
  });
}
