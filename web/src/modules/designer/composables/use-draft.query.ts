import { toValue, type MaybeRefOrGetter } from 'vue';
import type { Draft, DraftRevisionSummary } from '@contracts/designer';
import { useJsonQuery, type UseJsonQueryReturn } from '@/api/use-json.query';
import { draftPath, draftRevisionsPath } from '../requests';

/** What useDraftQuery returns. */
export type UseDraftQueryReturn = UseJsonQueryReturn<Draft>;

/** GET /api/designer/drafts/:id: the draft at its current revision. */
export function useDraftQuery(draftId: MaybeRefOrGetter<number>): UseDraftQueryReturn {
  return useJsonQuery<Draft>(() => draftPath(toValue(draftId)));
}

/** Options of useDraftRevisionsQuery. */
export interface UseDraftRevisionsQueryOptions {
  draftId: MaybeRefOrGetter<number>;
  /**
   * Fetch only while this is true (the history drawer is open).
   * @default true
   */
  enabled?: MaybeRefOrGetter<boolean>;
}

/** What useDraftRevisionsQuery returns. */
export type UseDraftRevisionsQueryReturn = UseJsonQueryReturn<DraftRevisionSummary[]>;

/** GET /api/designer/drafts/:id/revisions, newest first. */
export function useDraftRevisionsQuery(options: UseDraftRevisionsQueryOptions): UseDraftRevisionsQueryReturn {
  const { draftId, enabled = true } = options;
  return useJsonQuery<DraftRevisionSummary[]>(() => (toValue(enabled) ? draftRevisionsPath(toValue(draftId)) : null));
}
