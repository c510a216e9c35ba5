import { getCurrentScope, onScopeDispose, ref, shallowRef, watch, type Ref, type ShallowRef, type WatchSource } from 'vue';

/** Options of useApiQuery. */
export interface UseApiQueryOptions<T> {
  /** The data before the first answer arrives. */
  initial: T;
  /**
   * How long to wait after the source changes before fetching, so that typing sends one request.
   * @default 300
   */
  debounceMs?: number;
}

/** What useApiQuery returns. */
export interface UseApiQueryReturn<T> {
  /** The last answer, kept while a later fetch fails. */
  data: ShallowRef<T>;
  /** The error of the last fetch, or null when it succeeded. */
  error: ShallowRef<unknown>;
  /** Whether a fetch is under way. */
  loading: Ref<boolean>;
  /** Fetches now with the current source value. */
  refresh: () => Promise<void>;
}

/** Fetches at once and again whenever `source` changes (debounced); a newer fetch aborts the older one, disposal aborts all. */
export function useApiQuery<S, T>(
  source: WatchSource<S>,
  fetcher: (value: S, signal: AbortSignal) => Promise<T>,
  options: UseApiQueryOptions<T>,
): UseApiQueryReturn<T> {
  const { initial, debounceMs = 300 } = options;
  const data = shallowRef<T>(initial);
  const error = shallowRef<unknown>(null);
  const loading = ref(false);
  let controller: AbortController | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const read = (): S => (typeof source === 'function' ? (source as () => S)() : (source as Ref<S>).value);

  async function refresh(): Promise<void> {
    clearTimeout(timer);
    controller?.abort();
    const current = new AbortController();
    controller = current;
    loading.value = true;
    try {
      data.value = await fetcher(read(), current.signal);
      error.value = null;
    } catch (cause) {
      if (!current.signal.aborted) error.value = cause;
    } finally {
      if (controller === current) loading.value = false;
    }
  }

  const stop = watch(source, () => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), debounceMs);
  }, { deep: true });

  if (getCurrentScope()) {
    onScopeDispose(() => {
      stop();
      clearTimeout(timer);
      controller?.abort();
    });
  }
  void refresh();

  return { data, error, loading, refresh };
}
