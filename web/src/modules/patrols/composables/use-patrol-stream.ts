import type { Ref } from 'vue';
import type { PatrolChangedEvent } from '@contracts/patrols';
import { useEventStream } from '@/api/use-event-stream';
import { patrolStreamUrl } from '../requests';

/** Options of usePatrolStream. */
export interface UsePatrolStreamOptions {
  /**
   * Called after a burst of `patrol` events with the run refs that changed, and with an empty set ("anything may have
   * changed") when the stream opens or reopens, so that a change before the subscription is fetched too.
   */
  onChange: (runRefs: ReadonlySet<string>) => void;
}

/** What usePatrolStream returns. */
export interface UsePatrolStreamReturn {
  /** Whether the event stream is open: the page is live. */
  connected: Ref<boolean>;
  /** Closes the stream (done on scope dispose anyway). */
  close: () => void;
}

/** Follows GET /api/patrols/stream (server push), so that run boards and the console update without a reload. */
export function usePatrolStream(options: UsePatrolStreamOptions): UsePatrolStreamReturn {
  return useEventStream<PatrolChangedEvent>({
    url: patrolStreamUrl,
    event: 'patrol',
    onChange: (messages) => options.onChange(new Set(messages.map((m) => m.ref).filter((ref): ref is string => typeof ref === 'string'))),
  });
}
