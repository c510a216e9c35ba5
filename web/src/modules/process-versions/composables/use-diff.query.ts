import { getCurrentScope, onScopeDispose, ref, shallowRef, toValue, watch, type MaybeRefOrGetter, type Ref, type ShallowRef } from 'vue';
import type { DiffResult, DiffSide } from '@contracts/process-versions';
import { postDiff } from '../requests';

/** What useDiffQuery returns. */
export interface UseDiffQueryReturn {
  data: ShallowRef<DiffResult | null>;
  error: ShallowRef<Error | null>;
  loading: Ref<boolean>;
}

/** POST /api/designer/diff for two sides (null while they are not known), again whenever they change. */
export function useDiffQuery(sides: MaybeRefOrGetter<{ left: DiffSide; right: DiffSide } | null>): UseDiffQueryReturn {
  const data = shallowRef<DiffResult | null>(null);
  const error = shallowRef<Error | null>(null);
  const loading = ref(false);
  let controller: AbortController | undefined;

  async function load(request: { left: DiffSide; right: DiffSide }): Promise<void> {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    loading.value = true;
    try {
      data.value = await postDiff(request, current.signal);
      error.value = null;
    } catch (cause) {
      if (!current.signal.aborted) error.value = cause instanceof Error ? cause : new Error(String(cause));
    } finally {
      if (controller === current) loading.value = false;
    }
  }

  watch(
    () => JSON.stringify(toValue(sides)),
    () => {
      const request = toValue(sides);
      if (request) void load(request);
    },
    { immediate: true },
  );
  if (getCurrentScope()) onScopeDispose(() => controller?.abort());
  return { data, error, loading };
}
