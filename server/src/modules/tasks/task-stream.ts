import type { Response } from 'express';
import type { Logger } from 'pino';
import type { TaskStreamMessage } from '../../contracts/tasks.js';
import type { EngineClient, Task, TaskQuery } from '../../engine/index.js';
import type { CurrentUser } from '../auth/index.js';

export type { TaskStreamMessage };

/** Tells whether the session behind a stream is still live (not signed out, expired or deactivated). */
export type SessionCheck = () => Promise<boolean>;

/** How long a nudge waits, so that a burst of changes costs one poll. */
const nudgeDelayMs = 100;

/** A stream's session is checked again at every this many polls. */
const pollsPerSessionCheck = 5;

/** One open event stream of one signed-in user. */
interface Subscriber {
  user: CurrentUser;
  /** The engine query of the user's inbox. */
  inbox: TaskQuery;
  res: Response;
  sessionLive: SessionCheck;
  sessionCheckedAt: number;
  /** Fingerprint of each task the user saw at the last poll; undefined until the first poll. */
  seen?: Map<string, string>;
}

/** What changes a task in the inbox: who holds it, when it is due, what step it is. */
const fingerprint = (t: Task) => `${t.assignee ?? ''}|${t.due ?? ''}|${t.name ?? ''}`;

/**
 * Pushes inbox changes to browsers as server-sent events. The engine cannot call out (it stays generic), so the hub
 * polls it once per connected user while anyone listens, and tells each stream which of its tasks changed.
 */
export class TaskStreamHub {
  private readonly subscribers = new Set<Subscriber>();
  private timer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private nextPollAt = 0;
  /** A change was announced while a poll ran, which may have missed it. */
  private changedDuringPoll = false;
  private closed = false;

  constructor(
    private readonly engine: EngineClient,
    private readonly logger: Logger,
    private readonly pollMs: number,
  ) {}

  /**
   * Opens an event stream on the response, telling of the tasks the inbox query finds; it ends when the browser
   * disconnects, the session ends or the hub closes.
   */
  subscribe(user: CurrentUser, inbox: TaskQuery, res: Response, sessionLive: SessionCheck): void {
    res.status(200).set({ 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    res.flushHeaders();
    res.write(`retry: 3000\n\n`);
    const subscriber: Subscriber = { user, inbox, res, sessionLive, sessionCheckedAt: Date.now() };
    this.subscribers.add(subscriber);
    res.on('close', () => this.subscribers.delete(subscriber));
    this.schedule(0);
    this.heartbeat ??= setInterval(() => this.subscribers.forEach((s) => s.res.write(': keep-alive\n\n')), 20_000).unref();
  }

  /** Polls soon rather than at the next tick, after tasks changed here (an API action, a worker's step). */
  nudge(): void {
    if (this.subscribers.size === 0) return;
    if (this.polling) this.changedDuringPoll = true;
    else this.schedule(nudgeDelayMs);
  }

  /** Number of open streams. */
  get size(): number {
    return this.subscribers.size;
  }

  /** Ends every stream and stops polling, so that the HTTP server can close. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    clearInterval(this.heartbeat);
    for (const s of this.subscribers) s.res.end();
    this.subscribers.clear();
    await this.polling;
  }

  /** Polls after the delay, unless a poll is already due sooner; polls never overlap. */
  private schedule(delayMs: number): void {
    if (this.closed) return;
    const at = Date.now() + delayMs;
    if (this.timer && at >= this.nextPollAt) return;
    clearTimeout(this.timer);
    this.nextPollAt = at;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.polling) {
        this.changedDuringPoll = true;
        return;
      }
      this.polling = this.poll().finally(() => {
        this.polling = undefined;
        const again = this.changedDuringPoll;
        this.changedDuringPoll = false;
        if (this.subscribers.size > 0) this.schedule(again ? nudgeDelayMs : this.pollMs);
      });
    }, delayMs);
  }

  private async poll(): Promise<void> {
    await this.endStaleSessions();
    const byUser = new Map<string, Subscriber[]>();
    for (const s of this.subscribers) byUser.set(s.user.username, [...(byUser.get(s.user.username) ?? []), s]);
    await Promise.all(
      [...byUser.values()].map(async (streams) => {
        try {
          const tasks = await this.engine.tasks(streams[0]!.inbox);
          const now = new Map(tasks.map((t) => [t.id, fingerprint(t)]));
          for (const s of streams) this.send(s, now);
        } catch (error) {
          this.logger.debug({ err: error }, 'task stream poll failed; trying again at the next tick');
        }
      }),
    );
  }

  /** Ends the streams whose session ended since it opened, so that a signed-out or deactivated user hears nothing more. */
  private async endStaleSessions(): Promise<void> {
    const due = [...this.subscribers].filter((s) => Date.now() - s.sessionCheckedAt >= this.pollMs * pollsPerSessionCheck);
    await Promise.all(
      due.map(async (s) => {
        s.sessionCheckedAt = Date.now();
        const live = await s.sessionLive().catch(() => true);
        if (!live) {
          this.subscribers.delete(s);
          s.res.end();
        }
      }),
    );
  }

  private send(s: Subscriber, now: Map<string, string>): void {
    const before = s.seen;
    s.seen = now;
    if (!before) return;
    const changed = [...now].filter(([id, print]) => before.get(id) !== print).map(([id]) => id);
    const removed = [...before.keys()].filter((id) => !now.has(id));
    if (changed.length === 0 && removed.length === 0) return;
    const message: TaskStreamMessage = { changed, removed, at: new Date().toISOString() };
    s.res.write(`event: tasks\ndata: ${JSON.stringify(message)}\n\n`);
  }
}
