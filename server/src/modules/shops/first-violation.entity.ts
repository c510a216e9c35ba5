import { EntitySchema } from 'typeorm';

/** An entry of the first-violation register (首违不罚登记): the violation left unpunished and the shop's written promise (告知承诺). */
export interface FirstViolationEntry {
  id: number;
  shopId: number;
  violationId: number;
  agency: string;
  violationType: string;
  /** The text of the 告知承诺 the responsible person signed. */
  promiseText: string;
  promisedAt: Date;
  correctBy: Date | null;
}

export const FirstViolationEntity = new EntitySchema<FirstViolationEntry>({
  name: 'FirstViolationEntry',
  tableName: 'shop_first_violation',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    shopId: { name: 'shop_id', type: 'integer' },
    violationId: { name: 'violation_id', type: 'integer', unique: true },
    agency: { type: 'varchar', length: 32 },
    violationType: { name: 'violation_type', type: 'varchar', length: 64 },
    promiseText: { name: 'promise_text', type: 'text' },
    promisedAt: { name: 'promised_at', type: 'datetime', precision: 3 },
    correctBy: { name: 'correct_by', type: 'datetime', precision: 3, nullable: true },
  },
});
