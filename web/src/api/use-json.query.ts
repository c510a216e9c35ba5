import { getCurrentScope, onScopeDispose, ref, shallowRef, toValue, watch, type MaybeRefOrGetter, type Ref, type ShallowRef } from 'vue';
import { getJson } from '@/api/http';

/** Options of useJsonQuery. */
export interface UseJsonQueryOptions {
  /**
   * Keep the first successful answer of each path for the life of the page, for data that does not change
   * (reference data, settings, the district's geography).
   * @default false
   */
  cache?: boolean;
  /**
   * How long to wait after the path changes before fetching, so that typing in a filter sends one request; the first
   * fetch goes at once.
   * @default 0
   */
  debounceMs?: number;
}

/** What a query composable returns: the latest data, the latest error, and a way to fetch again now. */
export interface UseJsonQueryReturn<T> {
  /** The last answer, kept while a later fetch runs or fails. */
  data: ShallowRef<T | null>;
  /** The error of the last fetch (an ApiError for HTTP errors), or null when it succeeded. */
  error: ShallowRef<Error | null>;
  /** Whether a fetch is under way. */
  loading: Ref<boolean>;
  /** When the last answer arrived. */
  receivedAt: ShallowRef<Date | null>;
  /** Fetches the current path now; resolves when done, never rejects. */
  refresh: () => Promise<void>;
}

const cached = new Map<string, Promise<unknown>>();

/** GETs a JSON resource whose path may change (null means "nothing to fetch yet"), refetching when it changes. */
export function useJsonQuery<T>(path: MaybeRefOrGetter<string | null>, options: UseJsonQueryOptions = {}): UseJsonQueryReturn<T> {
  const { cache = false, debounceMs = 0 } = options;
  const data = shallowRef<T | null>(null);
  const error = shallowRef<Error | null>(null);
  const loading = ref(false);
  const receivedAt = shallowRef<Date | null>(null);
  let controller: AbortController | undefined;
  let debounce: ReturnType<typeof setTimeout> | undefined;

  function load(target: string, signal: AbortSignal): Promise<T> {
    if (!cache) return getJson<T>(target, { signal });
    let pending = cached.get(target) as Promise<T> | undefined;
    if (!pending) {
      pending = getJson<T>(target);
      cached.set(target, pending);
      pending.catch(() => cached.delete(target));
    }
    return pending;
  }

  async function refresh(): Promise<void> {
    clearTimeout(debounce);
    const target = toValue(path);
    controller?.abort();
    if (target === null) return;
    const current = new AbortController();
    controller = current;
    loading.value = true;
    try {
      const answer = await load(target, current.signal);
      if (current.signal.aborted) return;
      data.value = answer;
      error.value = null;
      receivedAt.value = new Date();
    } catch (cause) {
      if (current.signal.aborted) return;
      error.value = cause instanceof Error ? cause : new Error(String(cause));
    } finally {
      if (controller === current) loading.value = false;
    }
  }

  let fetched = false;
  watch(
    () => toValue(path),
    () => {
      if (fetched && debounceMs > 0) {
        clearTimeout(debounce);
        debounce = setTimeout(() => void refresh(), debounceMs);
      } else void refresh();
      fetched = true;
    },
    { immediate: true },
  );
  if (getCurrentScope()) {
    onScopeDispose(() => {
      clearTimeout(debounce);
      controller?.abort();
    });
  }

  return { data, error, loading, receivedAt, refresh };
}
