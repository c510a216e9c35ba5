import { shallowRef, type ShallowRef } from 'vue';
import type { OperationCreated, OperationPlanInput } from '@contracts/joint-operations';
import { useApiMutation, type UseApiMutationReturn } from '@/api/use-api-mutation';
import { postOperation, putOperation } from '../requests';
import { pathErrorsOf, type PathErrors } from '../utils/field-errors';

/** What to save: a new plan, or the plan of a returned operation (`ref`). */
export interface SavePlanArgs {
  ref: string | null;
  plan: OperationPlanInput;
  /** What the coordinator changed in a returned plan; the server writes a default when there is none. */
  revisionNote?: string | null;
}

/** What useSavePlanMutation returns: the mutation, and the server's field messages by full path. */
export interface UseSavePlanMutationReturn extends UseApiMutationReturn<SavePlanArgs, OperationCreated> {
  /** The server's validation messages keyed by full path, e.g. `participants.1.tasks`, for the plan editor's fields. */
  pathErrors: ShallowRef<PathErrors>;
}

/** POST /api/operations for a new plan, PUT /api/operations/:ref for a returned one: submits it for approval. */
export function useSavePlanMutation(): UseSavePlanMutationReturn {
  const pathErrors = shallowRef<PathErrors>({});
  const mutation = useApiMutation(async ({ ref, plan, revisionNote = null }: SavePlanArgs, signal) => {
    pathErrors.value = {};
    try {
      return await (ref ? putOperation(ref, plan, revisionNote, signal) : postOperation(plan, signal));
    } catch (error) {
      pathErrors.value = pathErrorsOf(error);
      throw error;
    }
  });
  return { ...mutation, pathErrors };
}
