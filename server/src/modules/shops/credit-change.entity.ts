import { EntitySchema } from 'typeorm';

/** Why a shop's credit points changed: a measure against it, or the yearly reset to the base. */
export type CreditChangeReason = 'violation' | 'yearly-reset';

/** One line of a shop's credit ledger: the change, the balance after it, and why. */
export interface CreditChange {
  id: number;
  shopId: number;
  /** Points added (positive) or taken off (negative). */
  delta: number;
  balance: number;
  reason: CreditChangeReason;
  /** The violation behind it, for reason 'violation'. */
  violationId: number | null;
  /** The credit year (Beijing time) the change belongs to. */
  year: number;
  /** Makes each change happen once, e.g. `violation:<id>` or `reset:<year>:<shopId>`. */
  sourceKey: string;
  actor: string;
  at: Date;
}

export const CreditChangeEntity = new EntitySchema<CreditChange>({
  name: 'CreditChange',
  tableName: 'shop_credit_change',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    shopId: { name: 'shop_id', type: 'integer' },
    delta: { type: 'integer' },
    balance: { type: 'integer' },
    reason: { type: 'varchar', length: 16 },
    violationId: { name: 'violation_id', type: 'integer', nullable: true },
    year: { type: 'integer' },
    sourceKey: { name: 'source_key', type: 'varchar', length: 128, unique: true },
    actor: { type: 'varchar', length: 64 },
    at: { type: 'datetime', precision: 3 },
  },
});
