import type { Response } from 'express';
import type { Logger } from 'pino';
import type { CurrentUser } from '../modules/auth/index.js';

/** Tells whether the session behind a stream is still live. */
export type SessionCheck = () => Promise<boolean>;

/** A row that changed: its key (told to browsers), its version (its updated_at) and what the event carries. */
export interface ChangedRow<E> {
  id: number;
  key: string;
  version: number;
  event: E;
}

/** Where a change stream reads its changes and who may hear of them. */
export interface ChangeSource<E> {
  /** The event name the browser listens to, e.g. `patrol`. */
  eventName: string;
  /** Rows changed since the instant (their updated_at at or after it). */
  changedSince(since: Date): Promise<ChangedRow<E>[]>;
  /** Which of the rows' ids the user may see. */
  visibleTo(user: CurrentUser, ids: readonly number[]): Promise<ReadonlySet<number>>;
}

interface Subscriber {
  user: CurrentUser;
  res: Response;
  sessionLive: SessionCheck;
  sessionCheckedAt: number;
}

/** A stream's session is checked again every this many polls. */
const pollsPerSessionCheck = 5;

/**
 * Pushes server-sent events to open pages whenever a row of a table with an updated_at column changes. Changes come
 * from this API, from workers in other processes and from inbox tasks, and all of them bump that column: so the hub
 * polls it while anyone listens (and soon after a nudge), and tells each stream only of the rows its user may see.
 * The same mechanism as the operations stream, written once here for any table (see the report on moving it shared).
 */
export class ChangeStreamHub<E> {
  private readonly subscribers = new Set<Subscriber>();
  private readonly seen = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly source: ChangeSource<E>,
    private readonly logger: Logger,
    private readonly pollMs: number,
  ) {}

  /** Opens the event stream; it ends when the browser leaves, the session ends, or the HTTP server stops listening. */
  subscribe(user: CurrentUser, res: Response, sessionLive: SessionCheck): void {
    res.status(200).set({ 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    res.flushHeaders();
    res.write('retry: 3000\n\n');
    const subscriber: Subscriber = { user, res, sessionLive, sessionCheckedAt: Date.now() };
    if (this.subscribers.size === 0) this.seen.clear();
    this.subscribers.add(subscriber);
    res.on('close', () => this.subscribers.delete(subscriber));
    void this.baseline().then(() => this.schedule(this.pollMs));
  }

  /** Polls soon: a row changed in this process. */
  nudge(): void {
    if (this.subscribers.size === 0) return;
    if (this.polling) this.again = true;
    else this.schedule(50);
  }

  /** How many streams are open. */
  get size(): number {
    return this.subscribers.size;
  }

  /** The changes of the last moments as already told, so that a new stream starts with what changes from now on. */
  private async baseline(): Promise<void> {
    if (this.seen.size > 0) return;
    for (const row of await this.recent().catch(() => [])) this.seen.set(row.key, row.version);
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    if (this.subscribers.size === 0) return;
    this.timer = setTimeout(() => {
      this.polling = this.poll()
        .catch((error: unknown) => this.logger.debug({ err: error, stream: this.source.eventName }, 'change stream poll failed; trying again at the next tick'))
        .finally(() => {
          this.polling = undefined;
          const again = this.again;
          this.again = false;
          this.schedule(again ? 50 : this.pollMs);
        });
    }, delayMs);
    this.timer.unref();
  }

  /** Rows changed within a window wide enough for transactions that commit a little after their timestamp. */
  private recent(): Promise<ChangedRow<E>[]> {
    return this.source.changedSince(new Date(Date.now() - Math.max(10_000, this.pollMs * 3)));
  }

  private async poll(): Promise<void> {
    this.endStoppedStreams();
    await this.endStaleSessions();
    if (this.subscribers.size === 0) return;
    const changed = (await this.recent()).filter((row) => this.seen.get(row.key) !== row.version);
    for (const row of changed) this.seen.set(row.key, row.version);
    if (this.seen.size > 5000) this.seen.clear();
    if (changed.length === 0) {
      for (const s of this.subscribers) s.res.write(': keep-alive\n\n');
      return;
    }
    for (const s of this.subscribers) {
      const visible = await this.source.visibleTo(s.user, changed.map((row) => row.id));
      for (const row of changed) if (visible.has(row.id)) s.res.write(`event: ${this.source.eventName}\ndata: ${JSON.stringify(row.event)}\n\n`);
    }
  }

  /** The HTTP server waits for open responses before it closes: once it stops listening, the streams end. */
  private endStoppedStreams(): void {
    for (const s of this.subscribers) {
      const server = (s.res.socket as { server?: { listening?: boolean } } | null)?.server;
      if (server && server.listening === false) {
        this.subscribers.delete(s);
        s.res.end();
      }
    }
  }

  private async endStaleSessions(): Promise<void> {
    const due = [...this.subscribers].filter((s) => Date.now() - s.sessionCheckedAt >= this.pollMs * pollsPerSessionCheck);
    await Promise.all(
      due.map(async (s) => {
        s.sessionCheckedAt = Date.now();
        if (!(await s.sessionLive().catch(() => true))) {
          this.subscribers.delete(s);
          s.res.end();
        }
      }),
    );
  }
}
