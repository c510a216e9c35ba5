import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

const id = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const };
const instant = (column: string, isNullable = false) => ({ name: column, type: 'datetime', precision: 3, isNullable });

/**
 * The designer's workbench: drafts of model files with every saved revision, and the heartbeats of the worker
 * processes (which topics are polled right now). Portable across MySQL and SQLite.
 */
export class Designer1764900000000 implements MigrationInterface {
  name = 'Designer1764900000000';

  async up(q: QueryRunner): Promise<void> {
    // case-routing.dmn alone is 70 kB: MySQL's TEXT stops at 64 kB. SQLite takes MEDIUMTEXT as text.
    const model = q.connection.options.type === 'mysql' ? 'mediumtext' : 'text';
    await q.createTable(
      new Table({
        name: 'designer_draft',
        columns: [
          id,
          { name: 'file_name', type: 'varchar', length: '128', isUnique: true },
          { name: 'kind', type: 'varchar', length: '8' },
          { name: 'revision', type: 'integer' },
          { name: 'updated_by', type: 'varchar', length: '64' },
          instant('updated_at'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'designer_draft_revision',
        columns: [
          id,
          { name: 'draft_id', type: 'integer' },
          { name: 'revision', type: 'integer' },
          { name: 'content', type: model },
          { name: 'author', type: 'varchar', length: '64' },
          { name: 'comment', type: 'varchar', length: '500', isNullable: true },
          instant('at'),
        ],
        foreignKeys: [{ columnNames: ['draft_id'], referencedTableName: 'designer_draft', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
        // The unique pair is what makes two saves on one base revision conflict instead of both landing.
        indices: [{ columnNames: ['draft_id', 'revision'], isUnique: true }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'worker_presence',
        columns: [
          { name: 'worker_id', type: 'varchar', length: '191', isPrimary: true },
          { name: 'worker_name', type: 'varchar', length: '64' },
          { name: 'topics', type: 'text' },
          // Each runtime says how often it beats, so that "polled" (a beat within 3 intervals) fits its own pace.
          { name: 'interval_ms', type: 'integer' },
          instant('last_seen_at'),
        ],
        indices: [{ columnNames: ['last_seen_at'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('worker_presence');
    await q.dropTable('designer_draft_revision');
    await q.dropTable('designer_draft');
  }
}
