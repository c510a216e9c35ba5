import { EntitySchema } from 'typeorm';

/** A message waiting to leave Lianqin (webhook); written in the same transaction as the change it reports. */
export interface OutboxMessage {
  id: number;
  channel: 'webhook';
  payload: string;
  createdAt: Date;
  sentAt: Date | null;
  attempts: number;
  lastError: string | null;
  /** The drainer posting this message now; null when none is. */
  claimToken: string | null;
  /** When that claim lapses, so that another drainer may take the message after a crash. */
  claimedUntil: Date | null;
}

export const OutboxEntity = new EntitySchema<OutboxMessage>({
  name: 'OutboxMessage',
  tableName: 'outbox',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    channel: { type: 'varchar', length: 32 },
    payload: { type: 'text' },
    createdAt: { name: 'created_at', type: 'datetime', precision: 3 },
    sentAt: { name: 'sent_at', type: 'datetime', precision: 3, nullable: true },
    attempts: { type: 'integer', default: 0 },
    lastError: { name: 'last_error', type: 'text', nullable: true },
    claimToken: { name: 'claim_token', type: 'varchar', length: 36, nullable: true },
    claimedUntil: { name: 'claimed_until', type: 'datetime', precision: 3, nullable: true },
  },
});
