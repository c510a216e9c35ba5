import { EntitySchema } from 'typeorm';
import type { PatrolRunStatus } from '../../contracts/patrols.js';

/** One run of a plan (一次巡查): a joint-patrol process instance keyed on its ref. */
export interface PatrolRun {
  id: number;
  ref: string;
  planId: number;
  /** Which occurrence of the plan's schedule, 1 for the first. */
  seq: number;
  startsAt: Date;
  endsAt: Date;
  status: PatrolRunStatus;
  /** The joint-patrol instance, recorded when the team is notified. */
  processInstanceId: string | null;
  startedAt: Date | null;
  roundEndedAt: Date | null;
  reportSummary: string | null;
  reportAt: Date | null;
  reviewedBy: string | null;
  reviewComment: string | null;
  reviewedAt: Date | null;
  /** Bumped by every change of the run, so that the live stream finds what changed; null for rows older than the column. */
  updatedAt: Date | null;
}

const nullableDate = (name: string) => ({ name, type: 'datetime' as const, precision: 3, nullable: true });

export const PatrolRunEntity = new EntitySchema<PatrolRun>({
  name: 'PatrolRun',
  tableName: 'patrol_run',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    ref: { type: 'varchar', length: 40, unique: true },
    planId: { name: 'plan_id', type: 'integer' },
    seq: { type: 'integer' },
    startsAt: { name: 'starts_at', type: 'datetime', precision: 3 },
    endsAt: { name: 'ends_at', type: 'datetime', precision: 3 },
    status: { type: 'varchar', length: 16 },
    processInstanceId: { name: 'process_instance_id', type: 'varchar', length: 64, nullable: true },
    startedAt: nullableDate('started_at'),
    roundEndedAt: nullableDate('round_ended_at'),
    reportSummary: { name: 'report_summary', type: 'text', nullable: true },
    reportAt: nullableDate('report_at'),
    reviewedBy: { name: 'reviewed_by', type: 'varchar', length: 64, nullable: true },
    reviewComment: { name: 'review_comment', type: 'text', nullable: true },
    reviewedAt: nullableDate('reviewed_at'),
    updatedAt: nullableDate('updated_at'),
  },
});

/** A grid of a run's route: when the team first checked in there, or that it was flagged as left unvisited. */
export interface PatrolRunGrid {
  id: number;
  runId: number;
  seq: number;
  gridCode: string;
  visitedAt: Date | null;
  flaggedUnvisitedAt: Date | null;
}

export const PatrolRunGridEntity = new EntitySchema<PatrolRunGrid>({
  name: 'PatrolRunGrid',
  tableName: 'patrol_run_grid',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    runId: { name: 'run_id', type: 'integer' },
    seq: { type: 'integer' },
    gridCode: { name: 'grid_code', type: 'varchar', length: 32 },
    visitedAt: nullableDate('visited_at'),
    flaggedUnvisitedAt: nullableDate('flagged_unvisited_at'),
  },
});
