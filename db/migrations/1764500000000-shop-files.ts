import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

const id = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const };
const shopId = { name: 'shop_id', type: 'integer' };
const toShop = { columnNames: ['shop_id'], referencedTableName: 'shop', referencedColumnNames: ['id'], onDelete: 'CASCADE' };
const instant = (column: string, isNullable = false) => ({ name: column, type: 'datetime', precision: 3, isNullable });

/**
 * Shop files (一店一档): violations with the measures taken, the credit ledger, and the first-violation register
 * (首违不罚 with 告知承诺). Portable across MySQL and SQLite.
 */
export class ShopFiles1764500000000 implements MigrationInterface {
  name = 'ShopFiles1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'shop_violation',
        columns: [
          id,
          shopId,
          { name: 'agency', type: 'varchar', length: '32' },
          { name: 'violation_type', type: 'varchar', length: '64' },
          { name: 'measure', type: 'varchar', length: '16' },
          { name: 'first_violation_no_penalty', type: 'boolean', default: false },
          { name: 'fine_yuan', type: 'double', isNullable: true },
          instant('correct_by', true),
          { name: 'seized_items', type: 'text', isNullable: true },
          { name: 'note', type: 'varchar', length: '500', isNullable: true },
          { name: 'credit_deduction', type: 'integer', default: 0 },
          instant('at'),
          { name: 'recorded_by', type: 'varchar', length: '64' },
          { name: 'source_key', type: 'varchar', length: '128', isUnique: true },
          { name: 'operation_ref', type: 'varchar', length: '64', isNullable: true },
          instant('created_at'),
        ],
        foreignKeys: [toShop],
        // hasPriorViolation asks by shop, agency and time.
        indices: [{ columnNames: ['shop_id', 'agency', 'at'] }, { columnNames: ['operation_ref'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'shop_credit_change',
        columns: [
          id,
          shopId,
          { name: 'delta', type: 'integer' },
          { name: 'balance', type: 'integer' },
          { name: 'reason', type: 'varchar', length: '16' },
          { name: 'violation_id', type: 'integer', isNullable: true },
          { name: 'year', type: 'integer' },
          { name: 'source_key', type: 'varchar', length: '128', isUnique: true },
          { name: 'actor', type: 'varchar', length: '64' },
          instant('at'),
        ],
        foreignKeys: [toShop],
        indices: [{ columnNames: ['shop_id', 'at'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'shop_first_violation',
        columns: [
          id,
          shopId,
          { name: 'violation_id', type: 'integer', isUnique: true },
          { name: 'agency', type: 'varchar', length: '32' },
          { name: 'violation_type', type: 'varchar', length: '64' },
          { name: 'promise_text', type: 'text' },
          instant('promised_at'),
          instant('correct_by', true),
        ],
        foreignKeys: [toShop, { columnNames: ['violation_id'], referencedTableName: 'shop_violation', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
        indices: [{ columnNames: ['shop_id'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('shop_first_violation');
    await q.dropTable('shop_credit_change');
    await q.dropTable('shop_violation');
  }
}
