import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { WorkerPresenceEntity } from './worker-presence.entity.js';

/** How often a runtime writes its heartbeat by default. */
export const defaultHeartbeatMs = 10_000;

/** A beat counts while it is younger than this many intervals: one late beat on a busy machine is not an outage. */
const missedBeats = 3;

/** One runtime's heartbeat: written at once, then every interval; removed on stop so its topics show unpolled at once. */
export class Heartbeat {
  private timer?: NodeJS.Timeout;
  private beating: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly worker: { workerId: string; name: string; topics: () => readonly string[]; healthy: () => boolean },
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.beating = this.beat();
    this.timer = setInterval(() => (this.beating = this.beat()), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    // A beat written after the delete would show the topics polled for 3 more intervals.
    await this.beating;
    if (!this.dataSource.isInitialized) return;
    await this.dataSource.manager.delete(WorkerPresenceEntity, { workerId: this.worker.workerId }).catch((error: unknown) => this.logger.warn({ err: error }, 'could not remove the worker heartbeat; it expires by itself'));
  }

  /** Writes the beat, unless polling fails: a runtime that cannot reach the engine polls nothing. */
  private async beat(): Promise<void> {
    if (!this.worker.healthy() || !this.dataSource.isInitialized) return;
    try {
      const row = { workerId: this.worker.workerId, workerName: this.worker.name.slice(0, 64), topics: JSON.stringify(this.worker.topics()), intervalMs: this.intervalMs, lastSeenAt: new Date() };
      await this.dataSource.manager.upsert(WorkerPresenceEntity, row, ['workerId']);
    } catch (error) {
      this.logger.warn({ err: error }, 'could not write the worker heartbeat');
    }
  }
}

/** For each topic some live runtime polls, the time of the newest beat. */
export async function polledTopics(dataSource: DataSource, now = new Date()): Promise<Map<string, Date>> {
  const rows = await dataSource.manager.find(WorkerPresenceEntity);
  const polled = new Map<string, Date>();
  for (const row of rows) {
    if (now.getTime() - row.lastSeenAt.getTime() > missedBeats * row.intervalMs) continue;
    for (const topic of JSON.parse(row.topics) as string[]) {
      const known = polled.get(topic);
      if (!known || known < row.lastSeenAt) polled.set(topic, row.lastSeenAt);
    }
  }
  return polled;
}
