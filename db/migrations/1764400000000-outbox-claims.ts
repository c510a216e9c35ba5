import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Outbox claims: a drainer marks the rows it is about to post with its token and a deadline, commits, and posts
 * outside any transaction. A claim whose deadline has passed (its drainer crashed) may be taken by another drainer.
 */
export class OutboxClaims1764400000000 implements MigrationInterface {
  name = 'OutboxClaims1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('outbox', [
      new TableColumn({ name: 'claim_token', type: 'varchar', length: '36', isNullable: true }),
      new TableColumn({ name: 'claimed_until', type: 'datetime', precision: 3, isNullable: true }),
    ]);
    await q.createIndex('outbox', new TableIndex({ name: 'idx_outbox_pending', columnNames: ['sent_at', 'claimed_until'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('outbox', 'idx_outbox_pending');
    await q.dropColumns('outbox', ['claimed_until', 'claim_token']);
  }
}
