import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * patrol_run.updated_at: bumped by every change of a run (check-in, finding, status, report), so that the patrol
 * stream finds what changed by polling one indexed column, as the operations stream does. Existing runs take their
 * latest recorded moment. Portable across MySQL and SQLite.
 */
export class PatrolRunUpdatedAt1765000000000 implements MigrationInterface {
  name = 'PatrolRunUpdatedAt1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('patrol_run', new TableColumn({ name: 'updated_at', type: 'datetime', precision: 3, isNullable: true }));
    await q.query('UPDATE patrol_run SET updated_at = COALESCE(reviewed_at, report_at, round_ended_at, started_at, starts_at)');
    await q.createIndex('patrol_run', new TableIndex({ name: 'IDX_patrol_run_updated_at', columnNames: ['updated_at'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('patrol_run', 'IDX_patrol_run_updated_at');
    await q.dropColumn('patrol_run', 'updated_at');
  }
}
