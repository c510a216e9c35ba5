import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

const id = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const };
const createdAt = { name: 'created_at', type: 'datetime', precision: 3 };

/** Departments, users, the audit log, worker side effects and the first case file table. Portable across MySQL and SQLite. */
export class Foundation1763800000000 implements MigrationInterface {
  name = 'Foundation1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'department',
        columns: [
          { name: 'code', type: 'varchar', length: '64', isPrimary: true },
          { name: 'name_zh', type: 'varchar', length: '64' },
          { name: 'name_en', type: 'varchar', length: '128' },
          { name: 'kind', type: 'varchar', length: '16' },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'app_user',
        columns: [
          id,
          { name: 'username', type: 'varchar', length: '64', isUnique: true },
          { name: 'display_name', type: 'varchar', length: '64' },
          { name: 'password_hash', type: 'varchar', length: '255' },
          { name: 'department_code', type: 'varchar', length: '64', isNullable: true },
          { name: 'roles', type: 'varchar', length: '255' },
          { name: 'active', type: 'boolean', default: true },
          createdAt,
        ],
        foreignKeys: [{ columnNames: ['department_code'], referencedTableName: 'department', referencedColumnNames: ['code'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'audit_record',
        columns: [
          id,
          { name: 'at', type: 'datetime', precision: 3 },
          { name: 'actor', type: 'varchar', length: '64' },
          { name: 'action', type: 'varchar', length: '64' },
          { name: 'target_type', type: 'varchar', length: '64' },
          { name: 'target_id', type: 'varchar', length: '128' },
          { name: 'before_state', type: 'text', isNullable: true },
          { name: 'after_state', type: 'text', isNullable: true },
        ],
        indices: [{ columnNames: ['target_type', 'target_id'] }, { columnNames: ['at'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'worker_side_effect',
        columns: [
          { name: 'effect_key', type: 'varchar', length: '191', isPrimary: true },
          { name: 'topic', type: 'varchar', length: '128' },
          { name: 'business_key', type: 'varchar', length: '128', isNullable: true },
          { name: 'worker_id', type: 'varchar', length: '191' },
          { name: 'result', type: 'text', isNullable: true },
          createdAt,
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'case_file',
        columns: [
          id,
          { name: 'case_no', type: 'varchar', length: '32', isUnique: true },
          { name: 'process_instance_id', type: 'varchar', length: '64', isUnique: true },
          { name: 'category_code', type: 'varchar', length: '16' },
          { name: 'source', type: 'varchar', length: '16' },
          { name: 'description', type: 'text' },
          { name: 'status', type: 'varchar', length: '32' },
          createdAt,
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['case_file', 'worker_side_effect', 'audit_record', 'app_user', 'department']) await q.dropTable(table);
  }
}
