export { NotificationEntity, type Notification } from './notification.entity.js';
export { OutboxEntity, type OutboxMessage } from './outbox.entity.js';
export { notify, type Recipient } from './notify.js';
export { drainOutbox, startOutboxDrainer, maxOutboxAttempts } from './outbox-drainer.js';
