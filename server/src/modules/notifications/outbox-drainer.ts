import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { In, IsNull, LessThan, type DataSource } from 'typeorm';
import { inTransaction } from '../../db/transaction.js';
import { OutboxEntity, type OutboxMessage } from './outbox.entity.js';

/** Attempts after which a message is left for an operator instead of retried. */
export const maxOutboxAttempts = 10;

/** How long one webhook post may take. */
const postTimeoutMs = 5000;
/** Room for the database writes of a batch on top of its posts, in the length of a claim. */
const claimSlackMs = 30_000;

/** Messages one drainer has claimed: its token and the moment the claim lapses. */
interface Claim {
  token: string;
  until: Date;
  rows: OutboxMessage[];
}

/**
 * Sends unsent outbox messages to the webhook, oldest first, without holding a lock or a transaction while it posts:
 * it claims a batch in one short transaction (SKIP LOCKED on MySQL/MariaDB, so several API nodes drain one outbox
 * without sending a message twice), posts each message, and records each result in its own short write.
 * A claim lapses after the time its posts may take; a crashed drainer's messages are then taken by another.
 * A failed send is retried on a later round.
 */
export async function drainOutbox(dataSource: DataSource, webhookUrl: string, batch = 50): Promise<{ sent: number; failed: number }> {
  const claim = await claimBatch(dataSource, batch);
  let sent = 0;
  let failed = 0;
  for (const row of claim.rows) {
    // Post only while the claim surely holds: once it lapses another drainer may take the message and send it too.
    if (Date.now() + postTimeoutMs >= claim.until.getTime()) break;
    const error = await post(webhookUrl, row);
    await recordResult(dataSource, row, claim.token, error);
    if (error) failed++;
    else sent++;
  }
  if (sent + failed < claim.rows.length) await releaseClaim(dataSource, claim.token);
  return { sent, failed };
}

async function claimBatch(dataSource: DataSource, batch: number): Promise<Claim> {
  const token = randomUUID();
  const now = new Date();
  const until = new Date(now.getTime() + batch * postTimeoutMs + claimSlackMs);
  const rows = await inTransaction(dataSource, async (manager) => {
    const pending = { sentAt: IsNull(), attempts: LessThan(maxOutboxAttempts) };
    const query = manager
      .getRepository(OutboxEntity)
      .createQueryBuilder('o')
      .where([
        { ...pending, claimedUntil: IsNull() },
        { ...pending, claimedUntil: LessThan(now) },
      ])
      .orderBy('o.id', 'ASC')
      .limit(batch);
    const found = dataSource.options.type === 'sqljs' ? await query.getMany() : await query.setLock('pessimistic_write').setOnLocked('skip_locked').getMany();
    if (found.length) await manager.update(OutboxEntity, { id: In(found.map((r) => r.id)) }, { claimToken: token, claimedUntil: until });
    return found;
  });
  return { token, until, rows };
}

/** Records one post and ends the claim on that message; a write of a claim that lapsed and was retaken changes nothing. */
async function recordResult(dataSource: DataSource, row: OutboxMessage, token: string, error: string | undefined): Promise<void> {
  const outcome = error ? { lastError: error.slice(0, 1000) } : { sentAt: new Date(), lastError: null };
  await inTransaction(dataSource, (manager) =>
    manager.update(OutboxEntity, { id: row.id, claimToken: token }, { ...outcome, attempts: row.attempts + 1, claimToken: null, claimedUntil: null }),
  );
}

async function releaseClaim(dataSource: DataSource, token: string): Promise<void> {
  await inTransaction(dataSource, (manager) => manager.update(OutboxEntity, { claimToken: token }, { claimToken: null, claimedUntil: null }));
}

async function post(url: string, row: OutboxMessage): Promise<string | undefined> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `lianqin-outbox-${row.id}` },
      body: row.payload,
      signal: AbortSignal.timeout(postTimeoutMs),
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
