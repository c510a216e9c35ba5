import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eventually, testDataSource, uniqueKey } from '../../../../test/support/test-env.js';
import { inTransaction } from '../../db/transaction.js';
import { NotificationEntity, OutboxEntity, drainOutbox, notify, type OutboxMessage } from './index.js';

let dataSource: DataSource;
/** Row locks are MySQL/MariaDB's; the embedded SQLite runs one transaction at a time. */
const onMysql = inject('databaseUrl') !== '';

beforeAll(async () => {
  dataSource = await testDataSource();
});

afterAll(async () => {
  await dataSource?.destroy();
});

/** A webhook receiver on loopback that answers with the given status and keeps what it got; `hold` keeps chosen requests open until release(). */
async function receiver(status: number, options: { hold?: (body: Record<string, unknown>) => boolean; delayMs?: number } = {}) {
  const received: Array<{ body: Record<string, unknown>; key: string }> = [];
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    const body = JSON.parse(text) as Record<string, unknown>;
    received.push({ body, key: String(req.headers['idempotency-key']) });
    if (options.hold?.(body)) await released;
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    res.writeHead(status).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, server, release };
}

/** Writes one notification whose outbox message carries the title, and answers that message's row. */
async function givenMessage(title: string): Promise<OutboxMessage> {
  await inTransaction(dataSource, (m) => notify(m, { recipients: [{ type: 'group', id: 'sanitation' }], title, body: '测试消息', event: 'case.test' }));
  return messageTitled(title);
}

async function messageTitled(title: string): Promise<OutboxMessage> {
  const rows = await dataSource.manager.find(OutboxEntity, { order: { id: 'DESC' }, take: 500 });
  return rows.find((m) => JSON.parse(m.payload).title === title)!;
}

describe('notifications and the webhook outbox', () => {
  it('writes in-app notifications and one outbox message in the same transaction', async () => {
    const title = uniqueKey('督办');
    await inTransaction(dataSource, (m) => notify(m, { recipients: [{ type: 'group', id: 'supervision' }, { type: 'user', id: 'huanwei' }], title, body: '已超期', event: 'case.overdue' }));
    expect(await dataSource.manager.countBy(NotificationEntity, { title })).toBe(2);
    const messages = (await dataSource.manager.findBy(OutboxEntity, { channel: 'webhook' })).filter((m) => JSON.parse(m.payload).title === title);
    expect(messages).toHaveLength(1);
  });

  it('posts pending messages to the webhook once, and keeps failed ones for a later round', async () => {
    // given a message and a webhook that is down
    const title = uniqueKey('通报');
    await inTransaction(dataSource, (m) => notify(m, { recipients: [{ type: 'group', id: 'command-centre' }], title, body: '超期通报', event: 'case.public-notice' }));
    const down = await receiver(503);
    await drainOutbox(dataSource, down.url, 1000);
    down.server.close();
    const mine = async () => (await dataSource.manager.find(OutboxEntity)).find((m) => JSON.parse(m.payload).title === title)!;
    expect(await mine()).toMatchObject({ sentAt: null, attempts: 1, lastError: 'HTTP 503', claimToken: null, claimedUntil: null });

    // when the webhook is back
    const up = await receiver(200);
    await drainOutbox(dataSource, up.url, 1000);
    await drainOutbox(dataSource, up.url, 1000);
    up.server.close();

    // then the message arrived exactly once, with an idempotency key, and is marked sent
    const arrivals = up.received.filter((r) => r.body.title === title);
    expect(arrivals).toHaveLength(1);
    expect(arrivals[0]!.body).toMatchObject({ event: 'case.public-notice', recipients: [{ type: 'group', id: 'command-centre' }] });
    expect(arrivals[0]!.key).toBe(`lianqin-outbox-${(await mine()).id}`);
    expect((await mine()).sentAt).not.toBeNull();
  });

  it.runIf(onMysql)('holds no row lock while a webhook request is open: another connection locks the message at once', async () => {
    // given a message whose webhook request the receiver keeps open
    const title = uniqueKey('held');
    const { id } = await givenMessage(title);
    const hook = await receiver(200, { hold: (body) => body.title === title });
    const draining = drainOutbox(dataSource, hook.url, 1000);
    await eventually(async () => hook.received.some((r) => r.body.title === title), { what: 'the held request' });

    // when another connection locks and updates the row meanwhile
    const started = Date.now();
    const taken = await inTransaction(dataSource, async (m) => {
      const locked = (await m.query('SELECT id FROM outbox WHERE id = ? FOR UPDATE NOWAIT', [id])) as unknown[];
      await m.update(OutboxEntity, { id }, { channel: 'webhook' });
      return locked.length;
    });
    const waitedMs = Date.now() - started;
    hook.release();
    await draining;
    hook.server.close();

    // then it did not wait for the drainer, and the message was still sent and recorded once
    expect(taken).toBe(1);
    expect(waitedMs).toBeLessThan(1000);
    expect(await messageTitled(title)).toMatchObject({ attempts: 1, lastError: null, claimToken: null, claimedUntil: null });
    expect((await messageTitled(title)).sentAt).not.toBeNull();
  });

  it('never sends a message twice when three drainers run at once', async () => {
    // given twelve messages and a webhook slow enough for the drainers to overlap
    const titles = Array.from({ length: 12 }, (_, i) => uniqueKey(`并发${i}`));
    for (const title of titles) await givenMessage(title);
    const hook = await receiver(200, { delayMs: 20 });

    // when three drainers claim small batches side by side until nothing is left
    const drainer = async () => {
      for (let round = 0; round < 20; round++) {
        const { sent, failed } = await drainOutbox(dataSource, hook.url, 3);
        if (sent + failed === 0) return;
      }
    };
    await Promise.all([drainer(), drainer(), drainer()]);
    hook.server.close();

    // then every message arrived exactly once and is marked sent
    const arrivals = hook.received.filter((r) => titles.includes(String(r.body.title)));
    expect(arrivals.map((r) => r.body.title).sort()).toEqual([...titles].sort());
    for (const title of titles) expect(await messageTitled(title)).toMatchObject({ attempts: 1, claimToken: null });
  });

  it('takes over the messages of a crashed drainer once its claim has lapsed, and not before', async () => {
    // given a message claimed by a drainer that died mid-batch
    const title = uniqueKey('crashed');
    const { id } = await givenMessage(title);
    await dataSource.manager.update(OutboxEntity, { id }, { claimToken: 'crashed-drainer', claimedUntil: new Date(Date.now() + 60_000) });
    const hook = await receiver(200);

    // when another drainer runs while the claim holds, and again after it has lapsed
    await drainOutbox(dataSource, hook.url, 1000);
    const whileClaimed = hook.received.filter((r) => r.body.title === title).length;
    await dataSource.manager.update(OutboxEntity, { id }, { claimedUntil: new Date(Date.now() - 1000) });
    await drainOutbox(dataSource, hook.url, 1000);
    hook.server.close();

    // then it was left alone at first, then sent once
    expect(whileClaimed).toBe(0);
    expect(hook.received.filter((r) => r.body.title === title)).toHaveLength(1);
    expect(await messageTitled(title)).toMatchObject({ attempts: 1, claimToken: null, claimedUntil: null });
  });
});
