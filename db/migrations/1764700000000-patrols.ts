import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

const id = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const };
const instant = (column: string, isNullable = false) => ({ name: column, type: 'datetime', precision: 3, isNullable });
const cascadeTo = (column: string, table: string) => ({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete: 'CASCADE' });

/**
 * Joint patrols (联合巡查): plans with their team, runs with their route grids, check-ins and findings (each finding
 * linked to the case filed from it). Portable across MySQL and SQLite.
 */
export class Patrols1764700000000 implements MigrationInterface {
  name = 'Patrols1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'patrol_plan',
        columns: [
          id,
          { name: 'ref', type: 'varchar', length: '32', isUnique: true },
          { name: 'title', type: 'varchar', length: '100' },
          { name: 'route', type: 'text' },
          { name: 'schedule', type: 'text' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'process_instance_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'created_by', type: 'varchar', length: '64' },
          instant('created_at'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'patrol_member',
        columns: [id, { name: 'plan_id', type: 'integer' }, { name: 'username', type: 'varchar', length: '64' }, { name: 'department_code', type: 'varchar', length: '64' }],
        foreignKeys: [cascadeTo('plan_id', 'patrol_plan')],
        // A department's plans, and a person's plans, are the scope of every read.
        indices: [{ columnNames: ['plan_id', 'username'], isUnique: true }, { columnNames: ['department_code'] }, { columnNames: ['username'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'patrol_run',
        columns: [
          id,
          { name: 'ref', type: 'varchar', length: '40', isUnique: true },
          { name: 'plan_id', type: 'integer' },
          { name: 'seq', type: 'integer' },
          instant('starts_at'),
          instant('ends_at'),
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'process_instance_id', type: 'varchar', length: '64', isNullable: true },
          instant('started_at', true),
          instant('round_ended_at', true),
          { name: 'report_summary', type: 'text', isNullable: true },
          instant('report_at', true),
          { name: 'reviewed_by', type: 'varchar', length: '64', isNullable: true },
          { name: 'review_comment', type: 'text', isNullable: true },
          instant('reviewed_at', true),
        ],
        foreignKeys: [cascadeTo('plan_id', 'patrol_plan')],
        indices: [{ columnNames: ['plan_id', 'seq'], isUnique: true }, { columnNames: ['process_instance_id'] }, { columnNames: ['starts_at'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'patrol_run_grid',
        columns: [id, { name: 'run_id', type: 'integer' }, { name: 'seq', type: 'integer' }, { name: 'grid_code', type: 'varchar', length: '32' }, instant('visited_at', true), instant('flagged_unvisited_at', true)],
        foreignKeys: [cascadeTo('run_id', 'patrol_run')],
        indices: [{ columnNames: ['run_id', 'grid_code'], isUnique: true }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'patrol_check_in',
        columns: [
          id,
          { name: 'run_id', type: 'integer' },
          { name: 'grid_code', type: 'varchar', length: '32' },
          { name: 'username', type: 'varchar', length: '64' },
          { name: 'department_code', type: 'varchar', length: '64' },
          { name: 'lng', type: 'double' },
          { name: 'lat', type: 'double' },
          instant('at'),
        ],
        foreignKeys: [cascadeTo('run_id', 'patrol_run')],
        indices: [{ columnNames: ['run_id', 'grid_code'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'patrol_finding',
        columns: [
          id,
          { name: 'run_id', type: 'integer' },
          { name: 'description', type: 'text' },
          { name: 'lng', type: 'double' },
          { name: 'lat', type: 'double' },
          { name: 'grid_code', type: 'varchar', length: '32', isNullable: true },
          { name: 'category_code', type: 'varchar', length: '16' },
          { name: 'case_id', type: 'integer', isUnique: true },
          { name: 'case_no', type: 'varchar', length: '32' },
          { name: 'recorded_by', type: 'varchar', length: '64' },
          { name: 'department_code', type: 'varchar', length: '64' },
          instant('recorded_at'),
        ],
        foreignKeys: [cascadeTo('run_id', 'patrol_run')],
        indices: [{ columnNames: ['run_id'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['patrol_finding', 'patrol_check_in', 'patrol_run_grid', 'patrol_run', 'patrol_member', 'patrol_plan']) await q.dropTable(table);
  }
}
