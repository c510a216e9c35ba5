import { toValue, type MaybeRefOrGetter } from 'vue';
import type { PatrolOccurrence } from '@contracts/patrols';
import { useJsonQuery, type UseJsonQueryReturn } from '@/api/use-json.query';
import { patrolCalendarPath } from '../requests';

/** GET /api/patrols/calendar for the console's calendar; a null period fetches nothing. */
export function usePatrolCalendarQuery(period: MaybeRefOrGetter<{ from: string; to: string } | null>): UseJsonQueryReturn<PatrolOccurrence[]> {
  return useJsonQuery<PatrolOccurrence[]>(() => {
    const value = toValue(period);
    return value ? patrolCalendarPath(value.from, value.to) : null;
  });
}
