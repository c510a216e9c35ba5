import { toValue, type MaybeRefOrGetter } from 'vue';
import type { PatrolRunDetail } from '@contracts/patrols';
import { useJsonQuery, type UseJsonQueryReturn } from '@/api/use-json.query';
import { patrolRunPath } from '../requests';

/** GET /api/patrol-runs/:ref for the run board and the report; a null ref fetches nothing. */
export function usePatrolRunQuery(ref: MaybeRefOrGetter<string | null>): UseJsonQueryReturn<PatrolRunDetail> {
  return useJsonQuery<PatrolRunDetail>(() => {
    const value = toValue(ref);
    return value ? patrolRunPath(value) : null;
  });
}
