import { shallowRef, type ShallowRef } from 'vue';
import type { PatrolPlanDetail, PatrolPlanInput } from '@contracts/patrols';
import { useApiMutation, type UseApiMutationReturn } from '@/api/use-api-mutation';
import { pathErrorsOf, type PathErrors } from '@/modules/operations/utils/field-errors';
import { postPatrolPlan } from '../requests';

/** What useSavePatrolPlanMutation returns: the mutation, and the server's field messages by full path. */
export interface UseSavePatrolPlanMutationReturn extends UseApiMutationReturn<PatrolPlanInput, PatrolPlanDetail> {
  /** The server's validation messages keyed by full path, e.g. `route.0` or `schedule.endsAt`. */
  pathErrors: ShallowRef<PathErrors>;
}

/** POST /api/patrols: saves a plan, whose schedule then creates the runs. */
export function useSavePatrolPlanMutation(): UseSavePatrolPlanMutationReturn {
  const pathErrors = shallowRef<PathErrors>({});
  const mutation = useApiMutation(async (plan: PatrolPlanInput, signal) => {
    pathErrors.value = {};
    try {
      return await postPatrolPlan(plan, signal);
    } catch (error) {
      pathErrors.value = pathErrorsOf(error);
      throw error;
    }
  });
  return { ...mutation, pathErrors };
}
