import type { Response } from 'express';
import type { Logger } from 'pino';
import { MoreThanOrEqual, type DataSource } from 'typeorm';
import type { OperationChangedEvent } from '../../contracts/joint-operations.js';
import type { CurrentUser } from '../auth/index.js';
import { JointOperationEntity } from './operation.entity.js';
import { visibleIds } from './operation-scope.js';

/** Tells whether the session behind a stream is still live. */
export type SessionCheck = () => Promise<boolean>;

interface Subscriber {
  user: CurrentUser;
  res: Response;
  sessionLive: SessionCheck;
  sessionCheckedAt: number;
}

/** A stream's session is checked again every this many polls. */
const pollsPerSessionCheck = 5;

/**
 * Pushes `operation` events ({ ref }) to open boards whenever an operation changes. Changes come from this API, from
 * workers in other processes and from inbox tasks, and all of them bump joint_operation.updated_at: so the hub polls
 * that column while anyone listens (and at once when nudged), and tells each stream of the operations it may see.
 */
export class OperationStreamHub {
  private readonly subscribers = new Set<Subscriber>();
  private readonly seen = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly dataSource: DataSource,
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

  /** Polls now: an operation changed in this process. */
  nudge(): void {
    if (this.subscribers.size === 0) return;
    if (this.polling) this.again = true;
    else this.schedule(50);
  }

  get size(): number {
    return this.subscribers.size;
  }

  /** The changes of the last moments as already told, so that a new stream starts with what changes from now on. */
  private async baseline(): Promise<void> {
    if (this.seen.size > 0) return;
    for (const op of await this.recent().catch(() => [])) this.seen.set(op.ref, op.updatedAt.getTime());
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    if (this.subscribers.size === 0) return;
    this.timer = setTimeout(() => {
      this.polling = this.poll()
        .catch((error: unknown) => this.logger.debug({ err: error }, 'operation stream poll failed; trying again at the next tick'))
        .finally(() => {
          this.polling = undefined;
          const again = this.again;
          this.again = false;
          this.schedule(again ? 50 : this.pollMs);
        });
    }, delayMs);
    this.timer.unref();
  }

  /** Operations changed within a window wide enough for transactions that commit a little after their timestamp. */
  private recent() {
    const windowMs = Math.max(10_000, this.pollMs * 3);
    return this.dataSource.manager.find(JointOperationEntity, { select: { id: true, ref: true, updatedAt: true }, where: { updatedAt: MoreThanOrEqual(new Date(Date.now() - windowMs)) } });
  }

  private async poll(): Promise<void> {
    this.endStoppedStreams();
    await this.endStaleSessions();
    if (this.subscribers.size === 0) return;
    const changed = (await this.recent()).filter((op) => this.seen.get(op.ref) !== op.updatedAt.getTime());
    for (const op of changed) this.seen.set(op.ref, op.updatedAt.getTime());
    if (this.seen.size > 5000) this.seen.clear();
    if (changed.length === 0) {
      for (const s of this.subscribers) s.res.write(': keep-alive\n\n');
      return;
    }
    for (const s of this.subscribers) {
      const visible = await visibleIds(this.dataSource.manager, s.user, changed.map((op) => op.id));
      for (const op of changed) {
        if (!visible.has(op.id)) continue;
        const event: OperationChangedEvent = { ref: op.ref };
        s.res.write(`event: operation\ndata: ${JSON.stringify(event)}\n\n`);
      }
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
