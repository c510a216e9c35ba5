import { EntitySchema } from 'typeorm';

/** An in-app message to one user or to everyone of a group (department code or unit). */
export interface Notification {
  id: number;
  recipientType: 'user' | 'group';
  recipient: string;
  caseId: number | null;
  title: string;
  body: string;
  createdAt: Date;
  readAt: Date | null;
}

export const NotificationEntity = new EntitySchema<Notification>({
  name: 'Notification',
  tableName: 'notification',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    recipientType: { name: 'recipient_type', type: 'varchar', length: 16 },
    recipient: { type: 'varchar', length: 64 },
    caseId: { name: 'case_id', type: 'integer', nullable: true },
    title: { type: 'varchar', length: 255 },
    body: { type: 'text' },
    createdAt: { name: 'created_at', type: 'datetime', precision: 3 },
    readAt: { name: 'read_at', type: 'datetime', precision: 3, nullable: true },
  },
});
