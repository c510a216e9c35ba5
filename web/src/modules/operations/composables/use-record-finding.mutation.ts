import { shallowRef, type ShallowRef } from 'vue';
import type { FindingInput, FindingView } from '@contracts/joint-operations';
import { useApiMutation, type UseApiMutationReturn } from '@/api/use-api-mutation';
import { postFinding, postFindingPhotos } from '../requests';
import { pathErrorsOf, type PathErrors } from '../utils/field-errors';

/** A finding to record, with the photos to attach once it exists. */
export interface RecordFindingArgs {
  ref: string;
  finding: FindingInput;
  photos: File[];
}

/** What useRecordFindingMutation returns. */
export interface UseRecordFindingMutationReturn extends UseApiMutationReturn<RecordFindingArgs, FindingView> {
  /** The server's validation messages keyed by full path, for the finding dialog's fields. */
  pathErrors: ShallowRef<PathErrors>;
}

/** POST /api/operations/:ref/findings, then its photos: what a participating liaison records during execution. */
export function useRecordFindingMutation(): UseRecordFindingMutationReturn {
  const pathErrors = shallowRef<PathErrors>({});
  const mutation = useApiMutation(async ({ ref, finding, photos }: RecordFindingArgs, signal) => {
    pathErrors.value = {};
    try {
      const recorded = await postFinding(ref, finding, signal);
      if (photos.length > 0) await postFindingPhotos(ref, recorded.id, photos, signal);
      return recorded;
    } catch (error) {
      pathErrors.value = pathErrorsOf(error);
      throw error;
    }
  });
  return { ...mutation, pathErrors };
}
