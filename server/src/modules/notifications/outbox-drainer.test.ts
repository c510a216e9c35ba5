import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDataSource, uniqueKey } from '../../../../test/support/test-env.js';
import { inTransaction } from '../../db/transaction.js';
import { NotificationEntity, OutboxEntity, drainOutbox, notify } from './index.js';

let dataSource: DataSource;

beforeAll(async () => {
  dataSource = await testDataSource();
});

afterAll(async () => {
  await dataSource?.destroy();
});

/** A webhook receiver on loopback that answers with the given status and keeps what it got. */
async function receiver(status: number): Promise<{ url: string; received: Array<{ body: Record<string, unknown>; key: string }>; server: Server }> {
  const received: Array<{ body: Record<string, unknown>; key: string }> = [];
  const server = createServer(async (req: IncomingMessage, res) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    received.push({ body: JSON.parse(text), key: String(req.headers['idempotency-key']) });
    res.writeHead(status).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, server };
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
    expect(await mine()).toMatchObject({ sentAt: null, attempts: 1, lastError: 'HTTP 503' });

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
});
