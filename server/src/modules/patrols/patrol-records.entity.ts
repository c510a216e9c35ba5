import { EntitySchema } from 'typeorm';

/** A member's check-in (签到) in a grid of the route; only points inside the grid are stored. */
export interface PatrolCheckIn {
  id: number;
  runId: number;
  gridCode: string;
  username: string;
  departmentCode: string;
  lng: number;
  lat: number;
  at: Date;
}

export const PatrolCheckInEntity = new EntitySchema<PatrolCheckIn>({
  name: 'PatrolCheckIn',
  tableName: 'patrol_check_in',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    runId: { name: 'run_id', type: 'integer' },
    gridCode: { name: 'grid_code', type: 'varchar', length: 32 },
    username: { type: 'varchar', length: 64 },
    departmentCode: { name: 'department_code', type: 'varchar', length: 64 },
    lng: { type: 'double' },
    lat: { type: 'double' },
    at: { type: 'datetime', precision: 3 },
  },
});

/** A problem found on the round and the closed-loop case filed from it: the run's side of the link. */
export interface PatrolFinding {
  id: number;
  runId: number;
  description: string;
  lng: number;
  lat: number;
  gridCode: string | null;
  categoryCode: string;
  caseId: number;
  caseNo: string;
  recordedBy: string;
  departmentCode: string;
  recordedAt: Date;
}

export const PatrolFindingEntity = new EntitySchema<PatrolFinding>({
  name: 'PatrolFinding',
  tableName: 'patrol_finding',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    runId: { name: 'run_id', type: 'integer' },
    description: { type: 'text' },
    lng: { type: 'double' },
    lat: { type: 'double' },
    gridCode: { name: 'grid_code', type: 'varchar', length: 32, nullable: true },
    categoryCode: { name: 'category_code', type: 'varchar', length: 16 },
    caseId: { name: 'case_id', type: 'integer', unique: true },
    caseNo: { name: 'case_no', type: 'varchar', length: 32 },
    recordedBy: { name: 'recorded_by', type: 'varchar', length: 64 },
    departmentCode: { name: 'department_code', type: 'varchar', length: 64 },
    recordedAt: { name: 'recorded_at', type: 'datetime', precision: 3 },
  },
});
