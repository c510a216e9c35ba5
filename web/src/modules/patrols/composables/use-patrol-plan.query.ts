import { toValue, type MaybeRefOrGetter } from 'vue';
import type { PatrolPlanDetail } from '@contracts/patrols';
import { useJsonQuery, type UseJsonQueryReturn } from '@/api/use-json.query';
import { patrolPlanPath } from '../requests';

/** GET /api/patrols/:ref for the plan page; a null ref fetches nothing. */
export function usePatrolPlanQuery(ref: MaybeRefOrGetter<string | null>): UseJsonQueryReturn<PatrolPlanDetail> {
  return useJsonQuery<PatrolPlanDetail>(() => {
    const value = toValue(ref);
    return value ? patrolPlanPath(value) : null;
  });
}
