import { getCurrentScope, onScopeDispose, ref, type Ref } from 'vue';
import type { OperationChangedEvent } from '@contracts/joint-operations';
import { operationStreamUrl } from '../requests';

/** Options of useOperationStream. */
export interface UseOperationStreamOptions {
  /** Called after a burst of `operation` events with the refs that changed, and with an empty set ("anything may have changed") when the stream opens and on each fallback tick. */
  onChange: (refs: ReadonlySet<string>) => void;
  /**
   * How long to wait for more events before calling `onChange`, in milliseconds.
   * @default 300
   */
  debounceMs?: number;
  /**
   * How often to call `onChange` anyway, in case an event was missed; 0 or less turns it off.
   * @default 60000
   */
  fallbackMs?: number;
}

/** What useOperationStream returns. */
export interface UseOperationStreamReturn {
  /** Whether the event stream is open: the board is live. */
  connected: Ref<boolean>;
  /** Closes the stream and stops the fallback timer (done on scope dispose anyway). */
  close: () => void;
}

function refOf(data: unknown): string | null {
  if (typeof data !== 'string') return null;
  try {
    const value = JSON.parse(data) as Partial<OperationChangedEvent>;
    return typeof value.ref === 'string' ? value.ref : null;
  } catch {
    return null;
  }
}

/** Follows GET /api/operations/stream (event `operation` with `{ ref }`), so that boards and lists update without a reload. */
export function useOperationStream(options: UseOperationStreamOptions): UseOperationStreamReturn {
  const { onChange, debounceMs = 300, fallbackMs = 60_000 } = options;
  const connected = ref(false);
  let source: EventSource | undefined;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let pending = new Set<string>();

  function onOperation(event: MessageEvent): void {
    const changed = refOf(event.data);
    if (changed) pending.add(changed);
    clearTimeout(debounce);
    debounce = setTimeout(() => {
      const refs = pending;
      pending = new Set();
      onChange(refs);
    }, debounceMs);
  }

  function open(): void {
    if (typeof EventSource === 'undefined') return;
    source = new EventSource(operationStreamUrl, { withCredentials: true });
    // The stream tells of changes from when it opens; what changed between the caller's fetch and then is fetched again.
    source.addEventListener('open', () => {
      connected.value = true;
      onChange(new Set());
    });
    source.addEventListener('error', () => (connected.value = source?.readyState === EventSource.OPEN));
    source.addEventListener('operation', onOperation as EventListener);
  }

  // A stream the server refused stays closed; the fallback tick opens it again.
  const fallback =
    fallbackMs > 0
      ? setInterval(() => {
          if (source?.readyState === EventSource.CLOSED) open();
          onChange(new Set());
        }, fallbackMs)
      : undefined;

  function close(): void {
    clearInterval(fallback);
    clearTimeout(debounce);
    source?.close();
    source = undefined;
    connected.value = false;
  }

  open();
  if (getCurrentScope()) onScopeDispose(close);
  return { connected, close };
}
