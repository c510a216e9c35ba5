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
  },
});
