import { shallowRef, type ShallowRef } from 'vue';
import type { Draft, DraftConflictDetails, SaveDraftRequest } from '@contracts/designer';
import { useApiMutation, type UseApiMutationReturn } from '@/api/use-api-mutation';
import { putDraft } from '../requests';
import { draftConflictOf } from '../utils/api-details';

/** What useSaveDraftMutation returns. */
export interface UseSaveDraftMutationReturn extends UseApiMutationReturn<{ draftId: number; body: SaveDraftRequest }, Draft> {
  /** Who saved in between, when the last save answered 409 DRAFT_CONFLICT; null otherwise. */
  conflict: ShallowRef<DraftConflictDetails | null>;
}

/** PUT /api/designer/drafts/:id: saves a revision on top of the one the editor started from, or reports the conflict. */
export function useSaveDraftMutation(): UseSaveDraftMutationReturn {
  const conflict = shallowRef<DraftConflictDetails | null>(null);
  const mutation = useApiMutation(async ({ draftId, body }: { draftId: number; body: SaveDraftRequest }, signal) => {
    conflict.value = null;
    try {
      return await putDraft(draftId, body, signal);
    } catch (error) {
      conflict.value = draftConflictOf(error) ?? null;
      throw error;
    }
  });
  return { ...mutation, conflict };
}
