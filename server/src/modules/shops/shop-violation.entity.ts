import { EntitySchema } from 'typeorm';
import type { MeasureKind } from '../../contracts/joint-operations.js';

/** A violation by a shop and the measure an agency took (执法措施), as its file keeps it. */
export interface ShopViolation {
  id: number;
  shopId: number;
  /** The department code of the agency that recorded it, e.g. urban-management. */
  agency: string;
  violationType: string;
  measure: MeasureKind;
  /** 首违不罚: ordered to correct instead of a penalty, with an entry in the first-violation register. */
  firstViolationNoPenalty: boolean;
  fineYuan: number | null;
  /** Deadline of an order to correct (责令改正), checked again in a 回头看. */
  correctBy: Date | null;
  /** What was seized (暂扣), as a list in words. */
  seizedItems: string | null;
  note: string | null;
  /** Credit points this measure took off. */
  creditDeduction: number;
  /** When the violation was found. */
  at: Date;
  recordedBy: string;
  /** The caller's key of the record (e.g. a finding id): recording it again changes nothing. */
  sourceKey: string;
  /** The joint operation it was found in, if any. */
  operationRef: string | null;
  createdAt: Date;
}

export const ShopViolationEntity = new EntitySchema<ShopViolation>({
  name: 'ShopViolation',
  tableName: 'shop_violation',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    shopId: { name: 'shop_id', type: 'integer' },
    agency: { type: 'varchar', length: 32 },
    violationType: { name: 'violation_type', type: 'varchar', length: 64 },
    measure: { type: 'varchar', length: 16 },
    firstViolationNoPenalty: { name: 'first_violation_no_penalty', type: 'boolean', default: false },
    fineYuan: { name: 'fine_yuan', type: 'double', nullable: true },
    correctBy: { name: 'correct_by', type: 'datetime', precision: 3, nullable: true },
    seizedItems: { name: 'seized_items', type: 'text', nullable: true },
    note: { type: 'varchar', length: 500, nullable: true },
    creditDeduction: { name: 'credit_deduction', type: 'integer', default: 0 },
    at: { type: 'datetime', precision: 3 },
    recordedBy: { name: 'recorded_by', type: 'varchar', length: 64 },
    sourceKey: { name: 'source_key', type: 'varchar', length: 128, unique: true },
    operationRef: { name: 'operation_ref', type: 'varchar', length: 64, nullable: true },
    createdAt: { name: 'created_at', type: 'datetime', precision: 3 },
  },
});
