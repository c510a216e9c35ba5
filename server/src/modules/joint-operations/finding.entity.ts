import { EntitySchema } from 'typeorm';
import type { FollowUpStatus, MeasureKind } from '../../contracts/joint-operations.js';

/** A finding recorded during execution, the measure taken, and its 回头看 when the shop was ordered to correct. */
export interface OperationFinding {
  id: number;
  operationId: number;
  departmentCode: string;
  description: string;
  lng: number;
  lat: number;
  gridCode: string | null;
  shopId: number | null;
  violationType: string | null;
  severity: 'minor' | 'serious';
  correctedOnSpot: boolean;
  measure: MeasureKind | null;
  firstViolationNoPenalty: boolean;
  fineYuan: number | null;
  correctBy: Date | null;
  seizedItems: string | null;
  documentNo: string | null;
  /** The violation in the shop's file (一店一档), as the shops service recorded it. */
  shopViolationId: number | null;
  caseId: number | null;
  caseNo: string | null;
  followUpStatus: FollowUpStatus | null;
  followUpBy: string | null;
  followUpAt: Date | null;
  followUpNote: string | null;
  recordedBy: string;
  recordedAt: Date;
}

export const OperationFindingEntity = new EntitySchema<OperationFinding>({
  name: 'OperationFinding',
  tableName: 'joint_operation_finding',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    operationId: { name: 'operation_id', type: 'integer' },
    departmentCode: { name: 'department_code', type: 'varchar', length: 64 },
    description: { type: 'text' },
    lng: { type: 'double' },
    lat: { type: 'double' },
    gridCode: { name: 'grid_code', type: 'varchar', length: 32, nullable: true },
    shopId: { name: 'shop_id', type: 'integer', nullable: true },
    violationType: { name: 'violation_type', type: 'varchar', length: 32, nullable: true },
    severity: { type: 'varchar', length: 16 },
    correctedOnSpot: { name: 'corrected_on_spot', type: 'boolean', default: false },
    measure: { type: 'varchar', length: 32, nullable: true },
    firstViolationNoPenalty: { name: 'first_violation_no_penalty', type: 'boolean', default: false },
    fineYuan: { name: 'fine_yuan', type: 'double', nullable: true },
    correctBy: { name: 'correct_by', type: 'datetime', precision: 3, nullable: true },
    seizedItems: { name: 'seized_items', type: 'varchar', length: 500, nullable: true },
    documentNo: { name: 'document_no', type: 'varchar', length: 64, nullable: true },
    shopViolationId: { name: 'shop_violation_id', type: 'integer', nullable: true },
    caseId: { name: 'case_id', type: 'integer', nullable: true },
    caseNo: { name: 'case_no', type: 'varchar', length: 32, nullable: true },
    followUpStatus: { name: 'follow_up_status', type: 'varchar', length: 16, nullable: true },
    followUpBy: { name: 'follow_up_by', type: 'varchar', length: 64, nullable: true },
    followUpAt: { name: 'follow_up_at', type: 'datetime', precision: 3, nullable: true },
    followUpNote: { name: 'follow_up_note', type: 'text', nullable: true },
    recordedBy: { name: 'recorded_by', type: 'varchar', length: 64 },
    recordedAt: { name: 'recorded_at', type: 'datetime', precision: 3 },
  },
});

/** A photo of a finding; its bytes live under DATA_DIR/photos like case photos. */
export interface FindingPhoto {
  id: number;
  findingId: number;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  storageKey: string;
  uploadedBy: string;
  uploadedAt: Date;
}

export const FindingPhotoEntity = new EntitySchema<FindingPhoto>({
  name: 'FindingPhoto',
  tableName: 'joint_operation_photo',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    findingId: { name: 'finding_id', type: 'integer' },
    fileName: { name: 'file_name', type: 'varchar', length: 255 },
    mimeType: { name: 'mime_type', type: 'varchar', length: 32 },
    sizeBytes: { name: 'size_bytes', type: 'integer' },
    storageKey: { name: 'storage_key', type: 'varchar', length: 128 },
    uploadedBy: { name: 'uploaded_by', type: 'varchar', length: 64 },
    uploadedAt: { name: 'uploaded_at', type: 'datetime', precision: 3 },
  },
});
