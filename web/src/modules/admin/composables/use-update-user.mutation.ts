import type { UpdateUserBody, UserView } from '@contracts/users';
import { patchUser } from '../requests';
import { useApiMutation, type UseApiMutationReturn } from '@/api/use-api-mutation';

/** What useUpdateUserMutation returns. */
export type UseUpdateUserMutationReturn = UseApiMutationReturn<{ id: number; body: UpdateUserBody }, UserView>;

/** PATCH /api/users/:id for the edit dialog and the active switch. */
export function useUpdateUserMutation(): UseUpdateUserMutationReturn {
  return useApiMutation(({ id, body }: { id: number; body: UpdateUserBody }, signal) => patchUser(id, body, signal));
}
