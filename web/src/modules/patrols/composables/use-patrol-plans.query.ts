import type { PatrolPlanSummary } from '@contracts/patrols';
import { useJsonQuery, type UseJsonQueryReturn } from '@/api/use-json.query';
import { patrolPlansPath } from '../requests';

/** GET /api/patrols for the console's list: every plan the caller sees, newest first. */
export function usePatrolPlansQuery(): UseJsonQueryReturn<PatrolPlanSummary[]> {
  return useJsonQuery<PatrolPlanSummary[]>(patrolPlansPath);
}
