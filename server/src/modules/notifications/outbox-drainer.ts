import type { Logger } from 'pino';
import { IsNull, LessThan, type DataSource } from 'typeorm';
import { inTransaction } from '../../db/transaction.js';
import { OutboxEntity, type OutboxMessage } from './outbox.entity.js';

/** Attempts after which a message is left for an operator instead of retried. */
export const maxOutboxAttempts = 10;

/**
 * Sends unsent outbox messages to the webhook, oldest first. Rows are locked with SKIP LOCKED on MySQL/MariaDB so that
 * several API nodes drain one outbox without sending a message twice; a failed send is retried on a later round.
 */
export async function drainOutbox(dataSource: DataSource, webhookUrl: string, batch = 50): Promise<{ sent: number; failed: number }> {
  return inTransaction(dataSource, async (manager) => {
    const query = manager
      .getRepository(OutboxEntity)
      .createQueryBuilder('o')
      .where({ sentAt: IsNull(), attempts: LessThan(maxOutboxAttempts) })
      .orderBy('o.id', 'ASC')
      .limit(batch);
    const rows: OutboxMessage[] = dataSource.options.type === 'sqljs' ? await query.getMany() : await query.setLock('pessimistic_write').setOnLocked('skip_locked').getMany();
    let sent = 0;
    let failed = 0;
    for (const row of rows) {
      const error = await post(webhookUrl, row);
      if (error) {
        failed++;
        await manager.update(OutboxEntity, { id: row.id }, { attempts: row.attempts + 1, lastError: error.slice(0, 1000) });
      } else {
        sent++;
        await manager.update(OutboxEntity, { id: row.id }, { attempts: row.attempts + 1, sentAt: new Date(), lastError: null });
      }
    }
    return { sent, failed };
  });
}

async function post(url: string, row: OutboxMessage): Promise<string | undefined> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `lianqin-outbox-${row.id}` },
      body: row.payload,
      signal: AbortSignal.timeout(5000),
    });
    return response.ok ? undefined : `HTTP ${response.status}`;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Drains the outbox every intervalMs until stopped. */
export function startOutboxDrainer(dataSource: DataSource, webhookUrl: string, intervalMs: number, logger: Logger): () => Promise<void> {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(async () => {
      if (stopped) return;
      const { sent, failed } = await drainOutbox(dataSource, webhookUrl);
      if (failed) logger.warn({ sent, failed }, 'some webhook notifications failed; they will be retried');
    }).catch((error: unknown) => logger.error({ err: error }, 'outbox drain failed'));
  }, intervalMs);
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
