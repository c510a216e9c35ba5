import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Local overrides of the statutory working calendar, one row per Beijing date. Portable across MySQL and SQLite. */
export class HolidayOverride1763900000000 implements MigrationInterface {
  name = 'HolidayOverride1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'holiday_override',
        columns: [
          { name: 'day', type: 'varchar', length: '10', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'note', type: 'varchar', length: '255', isNullable: true },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('holiday_override');
  }
}
