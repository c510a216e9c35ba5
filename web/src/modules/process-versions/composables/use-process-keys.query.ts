import type { ProcessKeySummary } from '@contracts/process-versions';
import { useJsonQuery, type UseJsonQueryReturn } from '@/api/use-json.query';
import { processKeysPath } from '../requests';

/** What useProcessKeysQuery returns. */
export type UseProcessKeysQueryReturn = UseJsonQueryReturn<ProcessKeySummary[]>;

/** GET /api/designer/processes: every process and decision key with its newest version. */
export function useProcessKeysQuery(): UseProcessKeysQueryReturn {
  return useJsonQuery<ProcessKeySummary[]>(processKeysPath);
}
