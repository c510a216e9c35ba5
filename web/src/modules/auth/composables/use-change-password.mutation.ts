import { useApiMutation, type UseApiMutationReturn } from '@/api/use-api-mutation';
import { postChangePassword } from '../requests';

/** The password change and its state: mutate resolves to true, or undefined when the server refused it (see fieldErrors, message). */
export type UseChangePasswordMutationReturn = UseApiMutationReturn<{ currentPassword: string; newPassword: string }, true>;

/** POST /api/auth/password for the password dialog; a request still running when the scope is disposed is aborted. */
export function useChangePasswordMutation(): UseChangePasswordMutationReturn {
  return useApiMutation(async (body: { currentPassword: string; newPassword: string }, signal) => {
    await postChangePassword(body, signal);
    return true as const;
  });
}
