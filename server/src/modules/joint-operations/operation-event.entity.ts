import { EntitySchema } from 'typeorm';

/** A line of an operation's timeline: approval, confirmations, briefing, start, findings, end, report, 回头看. */
export interface OperationEvent {
  id: number;
  operationId: number;
  at: Date;
  type: string;
  actor: string | null;
  departmentCode: string | null;
  /** JSON of the event's details. */
  data: string | null;
}

export const OperationEventEntity = new EntitySchema<OperationEvent>({
  name: 'OperationEvent',
  tableName: 'joint_operation_event',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    operationId: { name: 'operation_id', type: 'integer' },
    at: { type: 'datetime', precision: 3 },
    type: { type: 'varchar', length: 32 },
    actor: { type: 'varchar', length: 64, nullable: true },
    departmentCode: { name: 'department_code', type: 'varchar', length: 64, nullable: true },
    data: { type: 'text', nullable: true },
  },
});
