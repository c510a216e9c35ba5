import { getCurrentScope, onScopeDispose, ref, shallowRef, type Ref, type ShallowRef } from 'vue';
import type { HealthReport } from '@contracts/health';
import { ApiError, getJson } from '@/api/http';

/** Options of useHealthQuery. */
export interface UseHealthQueryOptions {
  /**
   * How often to fetch the report again, in milliseconds; 0 or less turns polling off.
   * @default 10000
   */
  intervalMs?: number;
}

/** What useHealthQuery returns: the latest report, the latest error, and a way to fetch again now. */
export interface UseHealthQueryReturn {
  /** The last report received, kept while a later fetch fails. */
  data: ShallowRef<HealthReport | null>;
  /** The error of the last fetch, or null when it succeeded. */
  error: ShallowRef<Error | null>;
  /** Whether a fetch is under way. */
  loading: Ref<boolean>;
  /** When the last report arrived. */
  receivedAt: ShallowRef<Date | null>;
  /** Fetches the report now. */
  refresh: () => Promise<void>;
}

function isHealthReport(body: unknown): body is HealthReport {
  return typeof body === 'object' && body !== null && 'status' in body && 'reasons' in body;
}

/** Fetches GET /api/health and fetches it again every `intervalMs` until the calling scope is disposed. */
export function useHealthQuery(options: UseHealthQueryOptions = {}): UseHealthQueryReturn {
  const { intervalMs = 10_000 } = options;
  const data = shallowRef<HealthReport | null>(null);
  const error = shallowRef<Error | null>(null);
  const loading = ref(false);
  const receivedAt = shallowRef<Date | null>(null);
  let controller: AbortController | undefined;

  async function refresh(): Promise<void> {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    loading.value = true;
    try {
      data.value = await getJson<HealthReport>('/api/health', { signal: current.signal });
      error.value = null;
      receivedAt.value = new Date();
    } catch (cause) {
      if (current.signal.aborted) return;
      // A server that is down may answer 503 with the report itself; that is data, not a failure.
      if (cause instanceof ApiError && isHealthReport(cause.body)) {
        data.value = cause.body;
        error.value = null;
        receivedAt.value = new Date();
      } else {
        error.value = cause instanceof Error ? cause : new Error(String(cause));
      }
    } finally {
      if (controller === current) loading.value = false;
    }
  }

  const timer = intervalMs > 0 ? setInterval(() => void refresh(), intervalMs) : undefined;
  if (getCurrentScope()) {
    onScopeDispose(() => {
      clearInterval(timer);
      controller?.abort();
    });
  }
  void refresh();

  return { data, error, loading, receivedAt, refresh };
}
