import { EntitySchema } from 'typeorm';

/**
 * An audit record waiting on the engine call it describes. Written before the call, turned into the audit record
 * once the call succeeds, removed when the engine refuses; leftovers are settled from the engine's history.
 */
export interface AuditIntent {
  id: number;
  createdAt: Date;
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  beforeState: string | null;
  afterState: string | null;
  /** The name of the engine check that proves the change happened, e.g. task-claimed. */
  evidence: string;
}

export const AuditIntentEntity = new EntitySchema<AuditIntent>({
  name: 'AuditIntent',
  tableName: 'audit_intent',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    createdAt: { name: 'created_at', type: 'datetime', precision: 3 },
    actor: { type: 'varchar', length: 64 },
    action: { type: 'varchar', length: 64 },
    targetType: { name: 'target_type', type: 'varchar', length: 64 },
    targetId: { name: 'target_id', type: 'varchar', length: 128 },
    beforeState: { name: 'before_state', type: 'text', nullable: true },
    afterState: { name: 'after_state', type: 'text', nullable: true },
    evidence: { type: 'varchar', length: 64 },
  },
});
