import { toValue, type MaybeRefOrGetter } from 'vue';
import type { OperationDetail } from '@contracts/joint-operations';
import { useJsonQuery, type UseJsonQueryReturn } from '@/api/use-json.query';
import { operationPath } from '../requests';

/** What useOperationQuery returns: the operation, null until it arrives. */
export type UseOperationQueryReturn = UseJsonQueryReturn<OperationDetail>;

/** GET /api/operations/:ref for the live board and the plan editor; a null ref fetches nothing. */
export function useOperationQuery(ref: MaybeRefOrGetter<string | null>): UseOperationQueryReturn {
  return useJsonQuery<OperationDetail>(() => {
    const value = toValue(ref);
    return value ? operationPath(value) : null;
  });
}
