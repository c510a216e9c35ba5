import { toValue, type MaybeRefOrGetter } from 'vue';
import type { OperationReport } from '@contracts/joint-operations';
import { useJsonQuery, type UseJsonQueryReturn } from '@/api/use-json.query';
import { reportPath } from '../requests';

/** What useOperationReportQuery returns: the report, null until it arrives. */
export type UseOperationReportQueryReturn = UseJsonQueryReturn<OperationReport>;

/** GET /api/operations/:ref/report for the printable report page. */
export function useOperationReportQuery(ref: MaybeRefOrGetter<string>): UseOperationReportQueryReturn {
  return useJsonQuery<OperationReport>(() => reportPath(toValue(ref)));
}
