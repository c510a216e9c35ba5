import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Audit intents: an audit record waiting on the engine call it describes, written before the call so that a failed
 * write after it cannot lose the record. Reconcilers read the oldest first.
 */
export class AuditIntents1764300000000 implements MigrationInterface {
  name = 'AuditIntents1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'audit_intent',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'actor', type: 'varchar', length: '64' },
          { name: 'action', type: 'varchar', length: '64' },
          { name: 'target_type', type: 'varchar', length: '64' },
          { name: 'target_id', type: 'varchar', length: '128' },
          { name: 'before_state', type: 'text', isNullable: true },
          { name: 'after_state', type: 'text', isNullable: true },
          { name: 'evidence', type: 'varchar', length: '64' },
        ],
        indices: [{ name: 'idx_audit_intent_created', columnNames: ['created_at'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('audit_intent');
  }
}
