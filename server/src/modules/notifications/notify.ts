import type { EntityManager } from 'typeorm';
import { NotificationEntity } from './notification.entity.js';
import { OutboxEntity } from './outbox.entity.js';

/** Who a notification is for. */
export interface Recipient {
  type: 'user' | 'group';
  id: string;
}

/** Writes an in-app notification per recipient and one outbox message for the webhook channel, in the caller's transaction. */
export async function notify(manager: EntityManager, input: { recipients: Recipient[]; caseId?: number; title: string; body: string; event: string }): Promise<void> {
  const now = new Date();
  for (const r of input.recipients) {
    await manager.insert(NotificationEntity, { recipientType: r.type, recipient: r.id, caseId: input.caseId ?? null, title: input.title, body: input.body, createdAt: now, readAt: null });
  }
  const payload = { event: input.event, caseId: input.caseId ?? null, title: input.title, body: input.body, recipients: input.recipients, at: now.toISOString() };
  await manager.insert(OutboxEntity, { channel: 'webhook', payload: JSON.stringify(payload), createdAt: now, sentAt: null, attempts: 0, lastError: null, claimToken: null, claimedUntil: null });
}
