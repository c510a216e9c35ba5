import { getCurrentScope, onScopeDispose, ref, type Ref } from 'vue';
import type { TaskStreamMessage } from '@contracts/tasks';

/** Options of useTaskStream. */
export interface UseTaskStreamOptions {
  /** Called after a burst of `tasks` events with their merged ids, and with null on each fallback tick. */
  onChange: (message: TaskStreamMessage | null) => void;
  /**
   * How long to wait for more events before calling `onChange`, in milliseconds.
   * @default 500
   */
  debounceMs?: number;
  /**
   * How often to call `onChange(null)` anyway, in case an event was missed; 0 or less turns it off.
   * @default 60000
   */
  fallbackMs?: number;
  /**
   * The server-sent events endpoint.
   * @default '/api/tasks/stream'
   */
  url?: string;
}

/** What useTaskStream returns. */
export interface UseTaskStreamReturn {
  /** Whether the event stream is open. */
  connected: Ref<boolean>;
  /** Closes the stream and stops the fallback timer (done on scope dispose anyway). */
  close: () => void;
}

function parseMessage(data: unknown): TaskStreamMessage | null {
  if (typeof data !== 'string') return null;
  try {
    const value = JSON.parse(data) as Partial<TaskStreamMessage>;
    return { changed: value.changed ?? [], removed: value.removed ?? [], at: value.at ?? new Date().toISOString() };
  } catch {
    return null;
  }
}

/** Follows GET /api/tasks/stream (event `tasks`) and tells the caller when the inbox changed, with a periodic fallback. */
export function useTaskStream(options: UseTaskStreamOptions): UseTaskStreamReturn {
  const { onChange, debounceMs = 500, fallbackMs = 60_000, url = '/api/tasks/stream' } = options;
  const connected = ref(false);
  let source: EventSource | undefined;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let pending: TaskStreamMessage | null = null;

  function onTasks(event: MessageEvent): void {
    const message = parseMessage(event.data) ?? { changed: [], removed: [], at: new Date().toISOString() };
    pending = pending
      ? { changed: [...pending.changed, ...message.changed], removed: [...pending.removed, ...message.removed], at: message.at }
      : message;
    clearTimeout(debounce);
    debounce = setTimeout(() => {
      const merged = pending;
      pending = null;
      onChange(merged);
    }, debounceMs);
  }

  function open(): void {
    if (typeof EventSource === 'undefined') return;
    source = new EventSource(url, { withCredentials: true });
    source.addEventListener('open', () => (connected.value = true));
    source.addEventListener('error', () => (connected.value = source?.readyState === EventSource.OPEN));
    source.addEventListener('tasks', onTasks as EventListener);
  }

  // A stream the server refused stays closed; the fallback tick tries once more.
  const fallback =
    fallbackMs > 0
      ? setInterval(() => {
          if (source?.readyState === EventSource.CLOSED) open();
          onChange(null);
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
