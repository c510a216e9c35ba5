import { EntitySchema } from 'typeorm';

/** The last heartbeat of one running worker runtime: which topics it polls, and when it last said so. */
export interface WorkerPresence {
  workerId: string;
  workerName: string;
  /** JSON array of the topics the runtime subscribes. */
  topics: string;
  /** How often this runtime beats; it counts as polling while its last beat is within 3 intervals. */
  intervalMs: number;
  lastSeenAt: Date;
}

export const WorkerPresenceEntity = new EntitySchema<WorkerPresence>({
  name: 'WorkerPresence',
  tableName: 'worker_presence',
  columns: {
    workerId: { name: 'worker_id', type: 'varchar', length: 191, primary: true },
    workerName: { name: 'worker_name', type: 'varchar', length: 64 },
    topics: { type: 'text' },
    intervalMs: { name: 'interval_ms', type: 'integer' },
    lastSeenAt: { name: 'last_seen_at', type: 'datetime', precision: 3 },
  },
});
