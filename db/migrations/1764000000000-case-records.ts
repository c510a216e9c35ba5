import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

const id = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const };
const at = (name: string, nullable = false) => ({ name, type: 'datetime', precision: 3, isNullable: nullable });
const text = (name: string, length: string, nullable = true) => ({ name, type: 'varchar', length, isNullable: nullable });

/** Case details, the case event log, notifications with their webhook outbox, and the departments' own records. */
export class CaseRecords1764000000000 implements MigrationInterface {
  name = 'CaseRecords1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('case_file', [
      new TableColumn({ name: 'lng', type: 'double', isNullable: true }),
      new TableColumn({ name: 'lat', type: 'double', isNullable: true }),
      new TableColumn(text('address', '255')),
      new TableColumn(text('grid_code', '32')),
      new TableColumn(text('street_code', '32')),
      new TableColumn(text('community_code', '32')),
      new TableColumn({ name: 'urgent', type: 'boolean', default: false }),
      new TableColumn(text('reporter', '64')),
      new TableColumn(text('caller_name', '64')),
      new TableColumn(text('caller_phone', '32')),
      new TableColumn(text('departments', '255')),
      new TableColumn(at('accept_due', true)),
      new TableColumn(at('closed_at', true)),
      new TableColumn({ name: 'rework_count', type: 'integer', default: 0 }),
      new TableColumn(text('merged_into', '32')),
      new TableColumn({ name: 'reject_reason', type: 'text', isNullable: true }),
      new TableColumn(text('satisfaction', '16')),
    ]);
    await q.createTable(
      new Table({
        name: 'case_event',
        columns: [
          id,
          { name: 'case_id', type: 'integer' },
          text('type', '32', false),
          text('department', '64'),
          text('actor', '64', false),
          at('at'),
          { name: 'on_time', type: 'boolean', isNullable: true },
          { name: 'data', type: 'text', isNullable: true },
        ],
        indices: [{ columnNames: ['case_id'] }, { columnNames: ['type', 'at'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'notification',
        columns: [id, text('recipient_type', '16', false), text('recipient', '64', false), { name: 'case_id', type: 'integer', isNullable: true }, text('title', '255', false), { name: 'body', type: 'text' }, at('created_at'), at('read_at', true)],
        indices: [{ columnNames: ['recipient_type', 'recipient'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'outbox',
        columns: [id, text('channel', '32', false), { name: 'payload', type: 'text' }, at('created_at'), at('sent_at', true), { name: 'attempts', type: 'integer', default: 0 }, { name: 'last_error', type: 'text', isNullable: true }],
        indices: [{ columnNames: ['sent_at'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'rectification_notice',
        columns: [id, text('notice_no', '64', false), { name: 'case_id', type: 'integer' }, text('department', '64', false), at('issued_at'), at('deadline')],
        uniques: [{ columnNames: ['notice_no'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'assistance_request',
        columns: [id, text('request_no', '64', false), { name: 'case_id', type: 'integer' }, text('category_code', '16', false), { name: 'lng', type: 'double' }, { name: 'lat', type: 'double' }, text('status', '16', false), at('created_at')],
        uniques: [{ columnNames: ['request_no'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'crew_assignment',
        columns: [id, { name: 'case_id', type: 'integer' }, text('crew_code', '32', false), { name: 'distance_m', type: 'integer' }, at('assigned_at')],
        indices: [{ columnNames: ['case_id'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['crew_assignment', 'assistance_request', 'rectification_notice', 'outbox', 'notification', 'case_event']) await q.dropTable(table);
    for (const column of ['lng', 'lat', 'address', 'grid_code', 'street_code', 'community_code', 'urgent', 'reporter', 'caller_name', 'caller_phone', 'departments', 'accept_due', 'closed_at', 'rework_count', 'merged_into', 'reject_reason', 'satisfaction']) {
      await q.dropColumn('case_file', column);
    }
  }
}
