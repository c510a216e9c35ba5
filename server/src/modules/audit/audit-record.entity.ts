import { EntitySchema } from 'typeorm';

/** One append-only audit record: who did what to which target, and when. */
export interface AuditRecord {
  id: number;
  at: Date;
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  beforeState: string | null;
  afterState: string | null;
}

export const AuditRecordEntity = new EntitySchema<AuditRecord>({
  name: 'AuditRecord',
  tableName: 'audit_record',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    at: { type: 'datetime', precision: 3 },
    actor: { type: 'varchar', length: 64 },
    action: { type: 'varchar', length: 64 },
    targetType: { name: 'target_type', type: 'varchar', length: 64 },
    targetId: { name: 'target_id', type: 'varchar', length: 128 },
    beforeState: { name: 'before_state', type: 'text', nullable: true },
    afterState: { name: 'after_state', type: 'text', nullable: true },
  },
});
