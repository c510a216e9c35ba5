import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

const code = { name: 'code', type: 'varchar', length: '32', isPrimary: true };
const name = { name: 'name', type: 'varchar', length: '64' };
const double = (column: string) => ({ name: column, type: 'double' });

/** Streets, communities and unit grids of the district, street-front shops (一店一档) and sanitation crews. Portable across MySQL and SQLite. */
export class GridsShopsCrews1763950000000 implements MigrationInterface {
  name = 'GridsShopsCrews1763950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({ name: 'street', columns: [code, name] }));
    await q.createTable(
      new Table({
        name: 'community',
        columns: [code, { name: 'street_code', type: 'varchar', length: '32' }, name],
        foreignKeys: [{ columnNames: ['street_code'], referencedTableName: 'street', referencedColumnNames: ['code'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'unit_grid',
        columns: [
          code,
          { name: 'community_code', type: 'varchar', length: '32' },
          { name: 'street_code', type: 'varchar', length: '32' },
          { name: 'grid_type', type: 'varchar', length: '16' },
          { name: 'inspector', type: 'varchar', length: '64' },
          double('min_lng'),
          double('min_lat'),
          double('max_lng'),
          double('max_lat'),
          { name: 'geometry', type: 'text' },
        ],
        foreignKeys: [
          { columnNames: ['community_code'], referencedTableName: 'community', referencedColumnNames: ['code'] },
          { columnNames: ['street_code'], referencedTableName: 'street', referencedColumnNames: ['code'] },
        ],
        indices: [{ columnNames: ['inspector'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'shop',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'name', type: 'varchar', length: '128' },
          { name: 'licence_no', type: 'varchar', length: '64', isNullable: true, isUnique: true },
          { name: 'licence_status', type: 'varchar', length: '16' },
          { name: 'business_scope', type: 'varchar', length: '255' },
          { name: 'responsible_person', type: 'varchar', length: '64' },
          { name: 'phone', type: 'varchar', length: '32' },
          { name: 'address', type: 'varchar', length: '255' },
          double('lng'),
          double('lat'),
          { name: 'grid_code', type: 'varchar', length: '32', isNullable: true },
          { name: 'credit_points', type: 'integer', default: 1000 },
          { name: 'credit_grade', type: 'varchar', length: '1' },
          { name: 'storefront_duties', type: 'text' },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        // name + address is the natural key of a shop file; it keeps the demo seed idempotent under concurrent runs.
        indices: [{ columnNames: ['lat', 'lng'] }, { columnNames: ['grid_code'] }, { columnNames: ['name', 'address'], isUnique: true }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'sanitation_crew',
        columns: [
          code,
          name,
          { name: 'leader', type: 'varchar', length: '64' },
          { name: 'phone', type: 'varchar', length: '32' },
          double('lng'),
          double('lat'),
          { name: 'street_code', type: 'varchar', length: '32' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'updated_at', type: 'datetime', precision: 3 },
        ],
        indices: [{ columnNames: ['status'] }, { columnNames: ['street_code'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['sanitation_crew', 'shop', 'unit_grid', 'community', 'street']) await q.dropTable(table);
  }
}
