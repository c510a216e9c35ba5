import type { RetryResult } from '@contracts/process-versions';
import { useApiMutation, type UseApiMutationReturn } from '@/api/use-api-mutation';
import { postRetry } from '../requests';

/** What useRetryIncidentMutation returns. */
export type UseRetryIncidentMutationReturn = UseApiMutationReturn<{ incidentId: string; retries: number }, RetryResult>;

/** POST /api/designer/incidents/:id/retry from the live view's incident list. */
export function useRetryIncidentMutation(): UseRetryIncidentMutationReturn {
  return useApiMutation(({ incidentId, retries }: { incidentId: string; retries: number }, signal) => postRetry(incidentId, retries, signal));
}
