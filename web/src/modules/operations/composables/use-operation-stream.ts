import type { Ref } from 'vue';
import type { OperationChangedEvent } from '@contracts/joint-operations';
import { useEventStream } from '@/api/use-event-stream';
import { operationStreamUrl } from '../requests';

/** Options of useOperationStream. */
export interface UseOperationStreamOptions {
  /** Called after a burst of `operation` events with the refs that changed, and with an empty set ("anything may have changed") when the stream (re)opens and on each fallback tick. */
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

/** Follows GET /api/operations/stream (event `operation` with `{ ref }`), so that boards and lists update without a reload. */
export function useOperationStream(options: UseOperationStreamOptions): UseOperationStreamReturn {
  const { onChange, debounceMs, fallbackMs } = options;
  return useEventStream<Partial<OperationChangedEvent>>({
    url: operationStreamUrl,
    event: 'operation',
    debounceMs,
    fallbackMs,
    onChange: (messages) => onChange(new Set(messages.flatMap((message) => (typeof message.ref === 'string' ? [message.ref] : [])))),
  });
}
