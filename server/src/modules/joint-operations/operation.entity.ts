import { EntitySchema } from 'typeorm';
import type { OperationStatus } from '../../contracts/joint-operations.js';

/** A joint enforcement operation (联合执法行动): its plan, where it stands, and the process instance that runs it. */
export interface JointOperation {
  id: number;
  /** JO-2026-0001, the number people quote; also the business key of its process instance. */
  ref: string;
  /** The weekly series that created it, or null for a one-off operation. */
  seriesId: number | null;
  /** Null until the engine confirms the start. */
  processInstanceId: string | null;
  title: string;
  target: string;
  targetCategoryCode: string | null;
  startsAt: Date;
  endsAt: Date;
  confirmBy: Date;
  briefingAt: Date;
  briefingPlace: string;
  leadDepartment: string;
  majorEvent: boolean;
  status: OperationStatus;
  returnReason: string | null;
  summaryText: string | null;
  writtenBy: string | null;
  reportAt: Date | null;
  createdBy: string;
  approvedBy: string | null;
  createdAt: Date;
  /** Bumped by every change, so that the live stream finds what changed. */
  updatedAt: Date;
}

const text = (name: string, length: number, nullable = false) => ({ name, type: 'varchar' as const, length, nullable });
const instant = (name: string, nullable = false) => ({ name, type: 'datetime' as const, precision: 3, nullable });

export const JointOperationEntity = new EntitySchema<JointOperation>({
  name: 'JointOperation',
  tableName: 'joint_operation',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    ref: { type: 'varchar', length: 32, unique: true },
    seriesId: { name: 'series_id', type: 'integer', nullable: true },
    processInstanceId: { ...text('process_instance_id', 64, true), unique: true },
    title: text('title', 128),
    target: text('target', 128),
    targetCategoryCode: text('target_category_code', 16, true),
    startsAt: instant('starts_at'),
    endsAt: instant('ends_at'),
    confirmBy: instant('confirm_by'),
    briefingAt: instant('briefing_at'),
    briefingPlace: text('briefing_place', 255),
    leadDepartment: text('lead_department', 64),
    majorEvent: { name: 'major_event', type: 'boolean', default: false },
    status: text('status', 32),
    returnReason: { name: 'return_reason', type: 'text', nullable: true },
    summaryText: { name: 'summary_text', type: 'text', nullable: true },
    writtenBy: text('written_by', 64, true),
    reportAt: instant('report_at', true),
    createdBy: text('created_by', 64),
    approvedBy: text('approved_by', 64, true),
    createdAt: instant('created_at'),
    updatedAt: instant('updated_at'),
  },
});

/** One unit grid of an operation's area; a table of its own so that "operations covering this grid" is one indexed query. */
export interface OperationGrid {
  operationId: number;
  gridCode: string;
}

export const OperationGridEntity = new EntitySchema<OperationGrid>({
  name: 'OperationGrid',
  tableName: 'joint_operation_grid',
  columns: {
    operationId: { name: 'operation_id', type: 'integer', primary: true },
    gridCode: { name: 'grid_code', type: 'varchar', length: 32, primary: true },
  },
});
