import { EntitySchema } from 'typeorm';

/** A participating department's part in an operation: its tasks, its confirmation of people and vehicles, its work. */
export interface OperationParticipant {
  id: number;
  operationId: number;
  departmentCode: string;
  tasks: string;
  status: 'waiting' | 'confirmed' | 'escalated';
  people: number | null;
  vehicles: number | null;
  confirmedBy: string | null;
  confirmedAt: Date | null;
  /** Its 执行与记录 task is open: it may record findings. */
  executing: boolean;
  doneAt: Date | null;
}

export const OperationParticipantEntity = new EntitySchema<OperationParticipant>({
  name: 'OperationParticipant',
  tableName: 'joint_operation_participant',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    operationId: { name: 'operation_id', type: 'integer' },
    departmentCode: { name: 'department_code', type: 'varchar', length: 64 },
    tasks: { type: 'text' },
    status: { type: 'varchar', length: 16 },
    people: { type: 'integer', nullable: true },
    vehicles: { type: 'integer', nullable: true },
    confirmedBy: { name: 'confirmed_by', type: 'varchar', length: 64, nullable: true },
    confirmedAt: { name: 'confirmed_at', type: 'datetime', precision: 3, nullable: true },
    executing: { type: 'boolean', default: false },
    doneAt: { name: 'done_at', type: 'datetime', precision: 3, nullable: true },
  },
  uniques: [{ name: 'uq_joint_participant', columns: ['operationId', 'departmentCode'] }],
});
