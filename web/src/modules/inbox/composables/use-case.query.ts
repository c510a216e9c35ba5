import { toValue, type MaybeRefOrGetter } from 'vue';
import type { CaseDetail } from '@contracts/cases';
import { useJsonQuery, type UseJsonQueryReturn } from '@/api/use-json.query';
import { casePath } from './task-path';

/** What useCaseQuery returns. */
export type UseCaseQueryReturn = UseJsonQueryReturn<CaseDetail>;

/** GET /api/cases/:caseNo: the case behind a task, with photos, comments and timeline; nothing is fetched while the number is null. */
export function useCaseQuery(caseNo: MaybeRefOrGetter<string | null>): UseCaseQueryReturn {
  return useJsonQuery<CaseDetail>(() => {
    const value = toValue(caseNo);
    return value ? casePath(value) : null;
  });
}
