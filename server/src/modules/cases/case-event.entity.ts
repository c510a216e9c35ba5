import { EntitySchema } from 'typeorm';

/** Kinds of events in a case's life; indicators are counted from them. */
export const caseEventTypes = ['reported', 'accepted', 'rejected', 'merged', 'dispatched', 'crew-assigned', 'notice-issued', 'licence-checked', 'handled', 'returned', 'extended', 'suspended', 'resumed', 'reminded', 'overdue', 'public-notice', 'rework', 'closed', 'callback'] as const;

export type CaseEventType = (typeof caseEventTypes)[number];

/** One step of a case: what happened, for which department, who did it, when, and whether it was on time. */
export interface CaseEvent {
  id: number;
  caseId: number;
  type: CaseEventType;
  department: string | null;
  actor: string;
  at: Date;
  onTime: boolean | null;
  data: string | null;
}

export const CaseEventEntity = new EntitySchema<CaseEvent>({
  name: 'CaseEvent',
  tableName: 'case_event',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    caseId: { name: 'case_id', type: 'integer' },
    type: { type: 'varchar', length: 32 },
    department: { type: 'varchar', length: 64, nullable: true },
    actor: { type: 'varchar', length: 64 },
    at: { type: 'datetime', precision: 3 },
    onTime: { name: 'on_time', type: 'boolean', nullable: true },
    data: { type: 'text', nullable: true },
  },
});
