import { EntitySchema } from 'typeorm';
import type { PatrolPlanStatus } from '../../contracts/patrols.js';

/** A patrol plan (巡查计划): its route, schedule and the engine instance that creates its runs. */
export interface PatrolPlan {
  id: number;
  ref: string;
  title: string;
  /** Unit grid codes in walking order, as JSON text. */
  route: string;
  /** The PatrolSchedule as JSON text. */
  schedule: string;
  status: PatrolPlanStatus;
  /** The joint-patrol-schedule instance; null until the engine confirms the start. */
  processInstanceId: string | null;
  createdBy: string;
  createdAt: Date;
}

export const PatrolPlanEntity = new EntitySchema<PatrolPlan>({
  name: 'PatrolPlan',
  tableName: 'patrol_plan',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    ref: { type: 'varchar', length: 32, unique: true },
    title: { type: 'varchar', length: 100 },
    route: { type: 'text' },
    schedule: { type: 'text' },
    status: { type: 'varchar', length: 16 },
    processInstanceId: { name: 'process_instance_id', type: 'varchar', length: 64, nullable: true },
    createdBy: { name: 'created_by', type: 'varchar', length: 64 },
    createdAt: { name: 'created_at', type: 'datetime', precision: 3 },
  },
});

/** A member of a plan's team; a row per person, so that a department's plans are one query. */
export interface PatrolMember {
  id: number;
  planId: number;
  username: string;
  departmentCode: string;
}

export const PatrolMemberEntity = new EntitySchema<PatrolMember>({
  name: 'PatrolMember',
  tableName: 'patrol_member',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    planId: { name: 'plan_id', type: 'integer' },
    username: { type: 'varchar', length: 64 },
    departmentCode: { name: 'department_code', type: 'varchar', length: 64 },
  },
});
