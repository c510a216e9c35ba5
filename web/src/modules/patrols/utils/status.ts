import type { PatrolGridStatus, PatrolRunStatus } from '@contracts/patrols';

/** Element Plus tag types. */
export type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info';

const runTypes: Record<PatrolRunStatus, TagType> = { scheduled: 'primary', 'in-progress': 'success', reporting: 'warning', review: 'warning', finished: 'info' };
const gridTypes: Record<PatrolGridStatus, TagType> = { pending: 'info', visited: 'success', unvisited: 'danger' };

/** The tag colour of a run's status: patrolling stands out green, a report to review orange, what is over grey. */
export function runTagType(status: PatrolRunStatus): TagType {
  return runTypes[status] ?? 'info';
}

/** The tag colour of a route grid: checked in green, left unvisited red, not yet grey. */
export function gridTagType(status: PatrolGridStatus): TagType {
  return gridTypes[status] ?? 'info';
}

/** The map colours of a route grid by its status; keep in step with the board's legend. */
export const gridColours: Record<PatrolGridStatus, string> = { pending: '#409eff', visited: '#16a34a', unvisited: '#dc2626' };

/** Whether the run has a report to show (the round is over). */
export function hasRunReport(status: PatrolRunStatus): boolean {
  return status === 'review' || status === 'finished';
}
