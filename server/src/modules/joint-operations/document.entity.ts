import { EntitySchema } from 'typeorm';

/** Kinds of numbered document an operation produces. */
export type OperationDocumentKind = 'order-to-correct' | 'on-site-penalty' | 'security-plan';

/** A numbered document of an operation: 责令改正通知书, 当场处罚决定书 (urban management) or 警力保障方案 (public security). */
export interface OperationDocument {
  id: number;
  documentNo: string;
  kind: OperationDocumentKind;
  /** Beijing year of issue; serials restart each year. */
  year: number;
  serial: number;
  operationId: number;
  findingId: number | null;
  departmentCode: string;
  issuedAt: Date;
  /** JSON of what the document says, e.g. the people and vehicles of a security plan. */
  content: string | null;
}

export const OperationDocumentEntity = new EntitySchema<OperationDocument>({
  name: 'OperationDocument',
  tableName: 'joint_operation_document',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    documentNo: { name: 'document_no', type: 'varchar', length: 64, unique: true },
    kind: { type: 'varchar', length: 32 },
    year: { type: 'integer' },
    serial: { type: 'integer' },
    operationId: { name: 'operation_id', type: 'integer' },
    findingId: { name: 'finding_id', type: 'integer', nullable: true },
    departmentCode: { name: 'department_code', type: 'varchar', length: 64 },
    issuedAt: { name: 'issued_at', type: 'datetime', precision: 3 },
    content: { type: 'text', nullable: true },
  },
  uniques: [{ name: 'uq_joint_document_serial', columns: ['kind', 'year', 'serial'] }],
});

/** The last serial given to a kind of document in a year. */
export interface DocumentCounter {
  kind: OperationDocumentKind;
  year: number;
  lastSerial: number;
}

export const DocumentCounterEntity = new EntitySchema<DocumentCounter>({
  name: 'DocumentCounter',
  tableName: 'joint_document_counter',
  columns: {
    kind: { type: 'varchar', length: 32, primary: true },
    year: { type: 'integer', primary: true },
    lastSerial: { name: 'last_serial', type: 'integer' },
  },
});
