import type { Ref } from 'vue';
import type { TaskStreamMessage } from '@contracts/tasks';
import { useEventStream } from '@/api/use-event-stream';

/** Options of useTaskStream. */
export interface UseTaskStreamOptions {
  /** Called after a burst of `tasks` events with their merged ids, and with null ("anything may have changed") when the stream (re)opens and on each fallback tick. */
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
}

/** What useTaskStream returns. */
export interface UseTaskStreamReturn {
  /** Whether the event stream is open. */
  connected: Ref<boolean>;
  /** Closes the stream and stops the fallback timer (done on scope dispose anyway). */
  close: () => void;
}

/** The messages of one burst as one; null when there were none (a (re)open or fallback tick). */
export function mergeTaskMessages(messages: readonly Partial<TaskStreamMessage>[]): TaskStreamMessage | null {
  if (messages.length === 0) return null;
  return {
    changed: messages.flatMap((message) => message.changed ?? []),
    removed: messages.flatMap((message) => message.removed ?? []),
    at: messages.at(-1)?.at ?? new Date().toISOString(),
  };
}

/** Follows GET /api/tasks/stream (event `tasks`) and tells the caller when the inbox changed, with a periodic fallback. */
export function useTaskStream(options: UseTaskStreamOptions): UseTaskStreamReturn {
  const { onChange, debounceMs = 500, fallbackMs } = options;
  return useEventStream<Partial<TaskStreamMessage>>({
    url: '/api/tasks/stream',
    event: 'tasks',
    debounceMs,
    fallbackMs,
    onChange: (messages) => onChange(mergeTaskMessages(messages)),
  });
}
