import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

const id = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const };
const instant = (name: string, isNullable = false) => ({ name, type: 'datetime', precision: 3, isNullable });
const text = (name: string, length: string, isNullable = false) => ({ name, type: 'varchar', length, isNullable });
const operationId = { name: 'operation_id', type: 'integer' };

/**
 * Joint enforcement (联合执法): operations with their area, participants, findings with photos, timeline, numbered
 * documents and weekly series. Cases filed from a finding record where they came from (case_file.source_ref), and
 * case_file.source widens for 'joint-enforcement'. Portable across MySQL and SQLite.
 */
export class JointOperations1764600000000 implements MigrationInterface {
  name = 'JointOperations1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'joint_operation',
        columns: [
          id,
          { ...text('ref', '32'), isUnique: true },
          { name: 'series_id', type: 'integer', isNullable: true },
          { ...text('process_instance_id', '64', true), isUnique: true },
          text('title', '128'),
          text('target', '128'),
          text('target_category_code', '16', true),
          instant('starts_at'),
          instant('ends_at'),
          instant('confirm_by'),
          instant('briefing_at'),
          text('briefing_place', '255'),
          text('lead_department', '64'),
          { name: 'major_event', type: 'boolean', default: false },
          text('status', '32'),
          { name: 'return_reason', type: 'text', isNullable: true },
          { name: 'summary_text', type: 'text', isNullable: true },
          text('written_by', '64', true),
          instant('report_at', true),
          text('created_by', '64'),
          text('approved_by', '64', true),
          instant('created_at'),
          instant('updated_at'),
        ],
        // The calendar asks by time window, the live stream by last change, the major-event check by flag and window.
        indices: [{ columnNames: ['starts_at', 'ends_at'] }, { columnNames: ['updated_at'] }, { columnNames: ['series_id'] }, { columnNames: ['major_event', 'starts_at'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'joint_operation_grid',
        columns: [
          { ...operationId, isPrimary: true },
          { ...text('grid_code', '32'), isPrimary: true },
        ],
        indices: [{ columnNames: ['grid_code'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'joint_operation_participant',
        columns: [
          id,
          operationId,
          text('department_code', '64'),
          { name: 'tasks', type: 'text' },
          text('status', '16'),
          { name: 'people', type: 'integer', isNullable: true },
          { name: 'vehicles', type: 'integer', isNullable: true },
          text('confirmed_by', '64', true),
          instant('confirmed_at', true),
          { name: 'executing', type: 'boolean', default: false },
          instant('done_at', true),
        ],
        uniques: [{ name: 'uq_joint_participant', columnNames: ['operation_id', 'department_code'] }],
        indices: [{ columnNames: ['department_code'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'joint_operation_finding',
        columns: [
          id,
          operationId,
          text('department_code', '64'),
          { name: 'description', type: 'text' },
          { name: 'lng', type: 'double' },
          { name: 'lat', type: 'double' },
          text('grid_code', '32', true),
          { name: 'shop_id', type: 'integer', isNullable: true },
          text('violation_type', '32', true),
          text('severity', '16'),
          { name: 'corrected_on_spot', type: 'boolean', default: false },
          text('measure', '32', true),
          { name: 'first_violation_no_penalty', type: 'boolean', default: false },
          { name: 'fine_yuan', type: 'double', isNullable: true },
          instant('correct_by', true),
          text('seized_items', '500', true),
          text('document_no', '64', true),
          { name: 'shop_violation_id', type: 'integer', isNullable: true },
          { name: 'case_id', type: 'integer', isNullable: true },
          text('case_no', '32', true),
          text('follow_up_status', '16', true),
          text('follow_up_by', '64', true),
          instant('follow_up_at', true),
          { name: 'follow_up_note', type: 'text', isNullable: true },
          text('recorded_by', '64'),
          instant('recorded_at'),
        ],
        indices: [{ columnNames: ['operation_id'] }, { columnNames: ['shop_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'joint_operation_photo',
        columns: [id, { name: 'finding_id', type: 'integer' }, text('file_name', '255'), text('mime_type', '32'), { name: 'size_bytes', type: 'integer' }, text('storage_key', '128'), text('uploaded_by', '64'), instant('uploaded_at')],
        indices: [{ columnNames: ['finding_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'joint_operation_event',
        columns: [id, operationId, instant('at'), text('type', '32'), text('actor', '64', true), text('department_code', '64', true), { name: 'data', type: 'text', isNullable: true }],
        indices: [{ columnNames: ['operation_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'joint_operation_series',
        columns: [
          id,
          { ...text('ref', '32'), isUnique: true },
          { ...text('process_instance_id', '64', true), isUnique: true },
          { name: 'plan', type: 'text' },
          text('weekdays', '32'),
          text('until', '10'),
          text('status', '16'),
          { name: 'occurrences', type: 'integer', default: 0 },
          text('created_by', '64'),
          instant('created_at'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'joint_operation_document',
        columns: [
          id,
          { ...text('document_no', '64'), isUnique: true },
          text('kind', '32'),
          { name: 'year', type: 'integer' },
          { name: 'serial', type: 'integer' },
          operationId,
          { name: 'finding_id', type: 'integer', isNullable: true },
          text('department_code', '64'),
          instant('issued_at'),
          { name: 'content', type: 'text', isNullable: true },
        ],
        uniques: [{ name: 'uq_joint_document_serial', columnNames: ['kind', 'year', 'serial'] }],
        indices: [{ columnNames: ['operation_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'joint_document_counter',
        columns: [
          { ...text('kind', '32'), isPrimary: true },
          { name: 'year', type: 'integer', isPrimary: true },
          { name: 'last_serial', type: 'integer' },
        ],
      }),
    );
    await q.changeColumn('case_file', 'source', new TableColumn(text('source', '32')));
    await q.addColumn('case_file', new TableColumn(text('source_ref', '32', true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('case_file', 'source_ref');
    await q.changeColumn('case_file', 'source', new TableColumn(text('source', '16')));
    for (const table of ['joint_document_counter', 'joint_operation_document', 'joint_operation_series', 'joint_operation_event', 'joint_operation_photo', 'joint_operation_finding', 'joint_operation_participant', 'joint_operation_grid', 'joint_operation']) {
      await q.dropTable(table);
    }
  }
}
