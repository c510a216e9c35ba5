import { getCurrentScope, onScopeDispose, ref, type Ref } from 'vue';

/** Options of useEventStream. */
export interface UseEventStreamOptions<T> {
  /** The server-sent events endpoint, e.g. '/api/operations/stream'. */
  url: string;
  /** The event name the server sends, e.g. 'operation'. */
  event: string;
  /**
   * Called after a burst of events with their JSON data (unreadable data is left out), and with an empty list, meaning
   * "anything may have changed, fetch again", each time the stream opens or reopens and on each fallback tick. So a
   * change made between the caller's first fetch and the subscription is never lost.
   */
  onChange: (messages: T[]) => void;
  /**
   * How long to wait for more events before calling `onChange`, in milliseconds.
   * @default 300
   */
  debounceMs?: number;
  /**
   * How often to call `onChange([])` anyway, in case an event was missed; 0 or less turns it off.
   * @default 60000
   */
  fallbackMs?: number;
  /**
   * The first wait before reopening a stream the server closed or refused; it doubles on each failure.
   * @default 1000
   */
  retryMs?: number;
  /**
   * The longest wait between two reopening attempts.
   * @default 30000
   */
  maxRetryMs?: number;
}

/** What useEventStream returns. */
export interface UseEventStreamReturn {
  /** Whether the stream is open, i.e. the page is live. */
  connected: Ref<boolean>;
  /** Closes the stream and stops its timers (done on scope dispose anyway). */
  close: () => void;
}

function parse<T>(data: unknown): T | undefined {
  if (typeof data !== 'string') return undefined;
  try {
    return JSON.parse(data) as T;
  } catch {
    return undefined;
  }
}

/**
 * Follows a server-sent events endpoint and tells the caller, debounced, what changed. The browser's EventSource
 * reconnects by itself after a dropped connection; a stream it gave up on (the server refused it) is reopened here
 * with a doubling backoff. Every (re)open calls `onChange([])`, so the caller fetches once more after subscribing.
 */
export function useEventStream<T>(options: UseEventStreamOptions<T>): UseEventStreamReturn {
  const { url, event, onChange, debounceMs = 300, fallbackMs = 60_000, retryMs = 1_000, maxRetryMs = 30_000 } = options;
  const connected = ref(false);
  let source: EventSource | undefined;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let nextRetryMs = retryMs;
  let pending: T[] = [];
  let closed = false;

  function onMessage(message: MessageEvent): void {
    const value = parse<T>(message.data);
    if (value !== undefined) pending.push(value);
    clearTimeout(debounce);
    debounce = setTimeout(() => {
      const messages = pending;
      pending = [];
      onChange(messages);
    }, debounceMs);
  }

  function reopenLater(): void {
    clearTimeout(retry);
    retry = setTimeout(open, nextRetryMs);
    nextRetryMs = Math.min(nextRetryMs * 2, maxRetryMs);
  }

  function open(): void {
    if (closed || typeof EventSource === 'undefined') return;
    source?.close();
    const current = new EventSource(url, { withCredentials: true });
    source = current;
    current.addEventListener('open', () => {
      connected.value = true;
      nextRetryMs = retryMs;
      onChange([]);
    });
    current.addEventListener('error', () => {
      connected.value = current.readyState === EventSource.OPEN;
      if (current.readyState === EventSource.CLOSED && current === source) reopenLater();
    });
    current.addEventListener(event, onMessage as EventListener);
  }

  const fallback = fallbackMs > 0 ? setInterval(() => onChange([]), fallbackMs) : undefined;

  function close(): void {
    closed = true;
    clearInterval(fallback);
    clearTimeout(debounce);
    clearTimeout(retry);
    source?.close();
    source = undefined;
    connected.value = false;
  }

  open();
  if (getCurrentScope()) onScopeDispose(close);
  return { connected, close };
}
