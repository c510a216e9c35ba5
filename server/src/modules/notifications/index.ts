import { defineModule } from '../module.js';
import { NotificationEntity } from './notification.entity.js';
import { OutboxEntity } from './outbox.entity.js';
export { NotificationEntity, type Notification } from './notification.entity.js';
export { OutboxEntity, type OutboxMessage } from './outbox.entity.js';
export { notify, type Recipient } from './notify.js';
export { drainOutbox, startOutboxDrainer, maxOutboxAttempts } from './outbox-drainer.js';

/** In-app notifications and the webhook outbox. */
export const notificationsModule = defineModule({ name: 'notifications', entities: [NotificationEntity, OutboxEntity] });
