import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The audit log screen filters by person and by action, newest first; these indexes keep that off full scans. */
export class AuditLookups1764200000000 implements MigrationInterface {
  name = 'AuditLookups1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('audit_record', new TableIndex({ name: 'idx_audit_actor_at', columnNames: ['actor', 'at'] }));
    await q.createIndex('audit_record', new TableIndex({ name: 'idx_audit_action_at', columnNames: ['action', 'at'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('audit_record', 'idx_audit_action_at');
    await q.dropIndex('audit_record', 'idx_audit_actor_at');
  }
}
