import { EntitySchema } from 'typeorm';

/** A sanitation crew sent to a case. */
export interface CrewAssignment {
  id: number;
  caseId: number;
  crewCode: string;
  distanceM: number;
  assignedAt: Date;
}

export const CrewAssignmentEntity = new EntitySchema<CrewAssignment>({
  name: 'CrewAssignment',
  tableName: 'crew_assignment',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    caseId: { name: 'case_id', type: 'integer' },
    crewCode: { name: 'crew_code', type: 'varchar', length: 32 },
    distanceM: { name: 'distance_m', type: 'integer' },
    assignedAt: { name: 'assigned_at', type: 'datetime', precision: 3 },
  },
});
