import type { PatrolRunDetail } from '@contracts/patrols';

/** One line of a run's timeline, built from its records; `params` fill the message of `kind`. */
export interface RunTimelineEntry {
  at: string;
  kind: 'started' | 'checkIn' | 'finding' | 'roundEnded' | 'report' | 'review';
  params: Record<string, string>;
  /** The department whose person acted, for the dot's colour. */
  departmentCode: string | null;
}

/**
 * The run's story from its records, newest first (entries of the same moment keep the order they happened in): the start, each check-in and finding, the end of the round, the
 * report and the review. Grid names come from the route; people by display name (falling back to the username).
 */
export function runTimeline(run: PatrolRunDetail): RunTimelineEntry[] {
  const gridName = new Map(run.route.map((g) => [g.gridCode, g.gridName]));
  const entries: RunTimelineEntry[] = [];
  if (run.startedAt) entries.push({ at: run.startedAt, kind: 'started', params: {}, departmentCode: null });
  for (const grid of run.route) {
    for (const c of grid.checkIns) entries.push({ at: c.at, kind: 'checkIn', params: { name: c.displayName ?? c.username, grid: gridName.get(c.gridCode) ?? c.gridCode }, departmentCode: c.departmentCode });
  }
  for (const f of run.findings) {
    entries.push({ at: f.recordedAt, kind: 'finding', params: { name: f.recordedByName ?? f.recordedBy, caseNo: f.caseNo, description: f.description }, departmentCode: f.departmentCode });
  }
  if (run.roundEndedAt) entries.push({ at: run.roundEndedAt, kind: 'roundEnded', params: {}, departmentCode: null });
  if (run.report) entries.push({ at: run.report.generatedAt, kind: 'report', params: {}, departmentCode: null });
  if (run.review) entries.push({ at: run.review.at, kind: 'review', params: { name: run.review.byName ?? run.review.by, comment: run.review.comment }, departmentCode: null });
  return entries.map((entry, index) => ({ entry, index })).sort((a, b) => Date.parse(b.entry.at) - Date.parse(a.entry.at) || b.index - a.index).map(({ entry }) => entry);
}
