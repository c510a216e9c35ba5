import type { MigrationExecuteRequest, MigrationExecuteResult, MigrationPlanRequest, MigrationPlanView } from '@contracts/process-versions';
import { useApiMutation, type UseApiMutationReturn } from '@/api/use-api-mutation';
import { postMigrationExecute, postMigrationPlan } from '../requests';

/** POST /api/designer/migrations/plan from the migration dialog. */
export function useMigrationPlanMutation(): UseApiMutationReturn<MigrationPlanRequest, MigrationPlanView> {
  return useApiMutation((body: MigrationPlanRequest, signal) => postMigrationPlan(body, signal));
}

/** POST /api/designer/migrations/execute from the migration dialog. */
export function useMigrationExecuteMutation(): UseApiMutationReturn<MigrationExecuteRequest, MigrationExecuteResult> {
  return useApiMutation((body: MigrationExecuteRequest, signal) => postMigrationExecute(body, signal));
}
