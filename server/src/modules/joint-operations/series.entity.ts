import { EntitySchema } from 'typeorm';

/** A weekly series of operations (e.g. every Friday 08:30–11:30); its process creates one operation per occurrence. */
export interface OperationSeries {
  id: number;
  /** JS-2026-0001; also the business key of its joint-enforcement-series instance. */
  ref: string;
  processInstanceId: string | null;
  /** JSON of the OperationPlanInput of the first occurrence; later ones shift its times by whole weeks or days. */
  plan: string;
  /** JSON array of weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: string;
  /** Last day (Beijing, YYYY-MM-DD) an occurrence may start on. */
  until: string;
  status: 'active' | 'ended';
  occurrences: number;
  createdBy: string;
  createdAt: Date;
}

export const OperationSeriesEntity = new EntitySchema<OperationSeries>({
  name: 'OperationSeries',
  tableName: 'joint_operation_series',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    ref: { type: 'varchar', length: 32, unique: true },
    processInstanceId: { name: 'process_instance_id', type: 'varchar', length: 64, nullable: true, unique: true },
    plan: { type: 'text' },
    weekdays: { type: 'varchar', length: 32 },
    until: { type: 'varchar', length: 10 },
    status: { type: 'varchar', length: 16 },
    occurrences: { type: 'integer', default: 0 },
    createdBy: { name: 'created_by', type: 'varchar', length: 64 },
    createdAt: { name: 'created_at', type: 'datetime', precision: 3 },
  },
});
