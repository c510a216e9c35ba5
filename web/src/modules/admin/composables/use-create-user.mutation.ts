import type { CreateUserBody, UserView } from '@contracts/users';
import { postUser } from '../requests';
import { useApiMutation, type UseApiMutationReturn } from '@/api/use-api-mutation';

/** What useCreateUserMutation returns. */
export type UseCreateUserMutationReturn = UseApiMutationReturn<CreateUserBody, UserView>;

/** POST /api/users for the create-user dialog. */
export function useCreateUserMutation(): UseCreateUserMutationReturn {
  return useApiMutation((body: CreateUserBody, signal) => postUser(body, signal));
}
