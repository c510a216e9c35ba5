import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import { useEventStream } from './use-event-stream';

/** A stand-in for the browser's EventSource: the test opens, fails and feeds it by hand. */
class FakeEventSource extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static all: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;

  constructor(readonly url: string) {
    super();
    FakeEventSource.all.push(this);
  }

  open(): void {
    this.readyState = FakeEventSource.OPEN;
    this.dispatchEvent(new Event('open'));
  }

  refuse(): void {
    this.readyState = FakeEventSource.CLOSED;
    this.dispatchEvent(new Event('error'));
  }

  send(event: string, data: string): void {
    this.dispatchEvent(new MessageEvent(event, { data }));
  }

  close(): void {
    this.readyState = FakeEventSource.CLOSED;
  }
}

const latest = () => FakeEventSource.all.at(-1)!;

beforeEach(() => {
  FakeEventSource.all = [];
  vi.useFakeTimers();
  vi.stubGlobal('EventSource', FakeEventSource);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

function follow(options: { fallbackMs?: number } = {}) {
  const onChange = vi.fn();
  const scope = effectScope();
  const stream = scope.run(() => useEventStream<{ ref: string }>({ url: '/api/x/stream', event: 'x', onChange, debounceMs: 100, fallbackMs: options.fallbackMs ?? 0, retryMs: 1000, maxRetryMs: 4000 }))!;
  return { onChange, stream, scope };
}

describe('useEventStream', () => {
  it('asks the caller to fetch again when the stream opens, so a change before the subscription is not lost', () => {
    const { onChange, stream } = follow();
    expect(onChange).not.toHaveBeenCalled();

    latest().open();

    expect(onChange).toHaveBeenCalledWith([]);
    expect(stream.connected.value).toBe(true);
  });

  it('hands a burst of events over once, debounced, leaving out unreadable data', () => {
    const { onChange } = follow();
    latest().open();
    onChange.mockClear();

    latest().send('x', '{"ref":"JO-1"}');
    latest().send('x', 'not json');
    latest().send('x', '{"ref":"JO-2"}');
    latest().send('other', '{"ref":"JO-3"}');
    vi.advanceTimersByTime(99);
    expect(onChange).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);

    expect(onChange).toHaveBeenCalledExactlyOnceWith([{ ref: 'JO-1' }, { ref: 'JO-2' }]);
  });

  it('reopens a refused stream with a doubling wait, and fetches again once it is back', () => {
    const { onChange, stream } = follow();
    latest().refuse();
    expect(stream.connected.value).toBe(false);

    vi.advanceTimersByTime(999);
    expect(FakeEventSource.all).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeEventSource.all).toHaveLength(2);

    latest().refuse();
    vi.advanceTimersByTime(1999);
    expect(FakeEventSource.all).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeEventSource.all).toHaveLength(3);

    latest().open();
    expect(stream.connected.value).toBe(true);
    expect(onChange).toHaveBeenCalledWith([]);
  });

  it('waits no longer than maxRetryMs between attempts', () => {
    follow();
    for (const wait of [1000, 2000, 4000, 4000]) {
      latest().refuse();
      vi.advanceTimersByTime(wait);
    }
    expect(FakeEventSource.all).toHaveLength(5);
  });

  it('calls onChange([]) on each fallback tick', () => {
    const { onChange } = follow({ fallbackMs: 5000 });
    vi.advanceTimersByTime(10_000);
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('closes the stream and stops reopening when its scope ends', () => {
    const { scope } = follow();
    const first = latest();
    first.refuse();
    scope.stop();
    vi.advanceTimersByTime(60_000);

    expect(FakeEventSource.all).toEqual([first]);
    expect(first.readyState).toBe(FakeEventSource.CLOSED);
  });
});
