import { getCurrentScope, onScopeDispose, ref, shallowRef, type Ref, type ShallowRef } from 'vue';
import type { LintReport, LintRequest } from '@contracts/designer';
import { errorMessageOf } from '@/api/api-errors';
import { postLint } from '../requests';

/** Options of useLint. */
export interface UseLintOptions {
  /**
   * How long to wait after the last change before asking the server, so that a burst of edits sends one request.
   * @default 600
   */
  debounceMs?: number;
}

/** What useLint returns. */
export interface UseLintReturn {
  /** The latest report, kept while the next check runs. */
  report: ShallowRef<LintReport | null>;
  /** Whether a check is waiting or under way, so the latest content has not been checked yet. */
  checking: Ref<boolean>;
  /** Why the last check failed (the lint itself, not the model), or empty. */
  failure: Ref<string>;
  /** Asks for a check of the model once the edits pause; `read` gives the content then. */
  schedule: (read: () => Promise<LintRequest>) => void;
  /** Checks now. */
  lintNow: (request: LintRequest) => Promise<void>;
  /** Shows a report that came from elsewhere (a refused deployment). */
  show: (report: LintReport) => void;
}

/** Runs the server's lint (POST /api/designer/lint) on the model being edited, debounced; a newer check cancels an older one. */
export function useLint(options: UseLintOptions = {}): UseLintReturn {
  const { debounceMs = 600 } = options;
  const report = shallowRef<LintReport | null>(null);
  const checking = ref(false);
  const failure = ref('');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | undefined;

  async function lintNow(request: LintRequest): Promise<void> {
    clearTimeout(timer);
    controller?.abort();
    const current = new AbortController();
    controller = current;
    checking.value = true;
    try {
      report.value = await postLint(request, current.signal);
      failure.value = '';
    } catch (error) {
      if (current.signal.aborted) return;
      failure.value = errorMessageOf(error);
    } finally {
      if (controller === current) checking.value = false;
    }
  }

  function schedule(read: () => Promise<LintRequest>): void {
    clearTimeout(timer);
    checking.value = true;
    timer = setTimeout(() => {
      read().then(lintNow, (error: unknown) => {
        checking.value = false;
        failure.value = errorMessageOf(error);
      });
    }, debounceMs);
  }

  function show(next: LintReport): void {
    report.value = next;
  }

  if (getCurrentScope()) {
    onScopeDispose(() => {
      clearTimeout(timer);
      controller?.abort();
    });
  }
  return { report, checking, failure, schedule, lintNow, show };
}
