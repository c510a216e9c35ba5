import { shallowRef, type ShallowRef } from 'vue';
import type { DeployDraftResult, DeployRefusedDetails, LintProblem } from '@contracts/designer';
import { useApiMutation, type UseApiMutationReturn } from '@/api/use-api-mutation';
import { postDeploy } from '../requests';
import { deployRefusalOf, lintFailureOf } from '../utils/api-details';

/** What useDeployDraftMutation returns. */
export interface UseDeployDraftMutationReturn extends UseApiMutationReturn<{ draftId: number; revision: number }, DeployDraftResult> {
  /** The problems of a 422 LINT_FAILED answer, or null. */
  lintProblems: ShallowRef<LintProblem[] | null>;
  /** The engine's reason of a 422 DEPLOY_REFUSED answer, or null. */
  refusal: ShallowRef<DeployRefusedDetails | null>;
}

/** POST /api/designer/drafts/:id/deploy: the server lints again, then deploys the revision to the engine. */
export function useDeployDraftMutation(): UseDeployDraftMutationReturn {
  const lintProblems = shallowRef<LintProblem[] | null>(null);
  const refusal = shallowRef<DeployRefusedDetails | null>(null);
  const mutation = useApiMutation(async ({ draftId, revision }: { draftId: number; revision: number }, signal) => {
    lintProblems.value = null;
    refusal.value = null;
    try {
      return await postDeploy(draftId, revision, signal);
    } catch (error) {
      lintProblems.value = lintFailureOf(error) ?? null;
      refusal.value = deployRefusalOf(error) ?? null;
      throw error;
    }
  });
  return { ...mutation, lintProblems, refusal };
}
