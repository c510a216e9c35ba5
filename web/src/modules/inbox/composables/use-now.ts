import { getCurrentScope, onScopeDispose, ref, type Ref } from 'vue';

/** Options of useNow. */
export interface UseNowOptions {
  /**
   * How often the time moves on, in milliseconds.
   * @default 60000
   */
  intervalMs?: number;
}

/** The current time in epoch milliseconds, updated every `intervalMs`, so that "time left" labels stay current. */
export function useNow(options: UseNowOptions = {}): Readonly<Ref<number>> {
  const { intervalMs = 60_000 } = options;
  const now = ref(Date.now());
  const timer = setInterval(() => (now.value = Date.now()), intervalMs);
  if (getCurrentScope()) onScopeDispose(() => clearInterval(timer));
  return now;
}
