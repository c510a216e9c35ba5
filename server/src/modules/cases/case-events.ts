import type { EntityManager } from 'typeorm';
import { CaseEventEntity, type CaseEventType } from './case-event.entity.js';

/** One step in a case's life, as its writer knows it; `data` is stored as JSON. */
export interface CaseEventInput {
  caseId: number;
  type: CaseEventType;
  /** The department the step concerns, or none (e.g. filing). */
  department?: string | null;
  /** Who did it: a username, 'system', or a department's worker such as 'worker:sanitation'. */
  actor: string;
  at: Date;
  /** Whether it was on time, for the steps whose timeliness is counted; null otherwise. */
  onTime?: boolean | null;
  /** Facts of the step the timeline and indicators read, e.g. the notice number. */
  data?: object | null;
}

/**
 * Writes one case_event row in the caller's transaction. Every step of a case is recorded here, so that the
 * timeline and the indicators read rows of one shape, whoever wrote them.
 */
export async function recordCaseEvent(manager: EntityManager, event: CaseEventInput): Promise<void> {
  const { caseId, type, department = null, actor, at, onTime = null, data = null } = event;
  await manager.insert(CaseEventEntity, { caseId, type, department, actor, at, onTime, data: data === null ? null : JSON.stringify(data) });
}
