import type { OperationSummary } from '@contracts/joint-operations';
import type { PatrolOccurrence, PatrolPlanSummary } from '@contracts/patrols';
import type { OperationFilters } from '../requests';
import { wallDate, wallMillis } from './wall-time';

/** What the console lists: joint operations (联合执法) and joint patrols (联合巡查). */
export type ConsoleKind = 'operation' | 'patrol';

/** The console's kinds, in the order of its filter. */
export const consoleKinds: readonly ConsoleKind[] = ['operation', 'patrol'];

/** A row of the console's list: an operation, or a patrol plan shown by its next run (or its first window). */
export type ConsoleEntry =
  | { kind: 'operation'; key: string; startsAt: string; endsAt: string; operation: OperationSummary }
  | { kind: 'patrol'; key: string; startsAt: string; endsAt: string; plan: PatrolPlanSummary };

/**
 * Whether an operation matches the list's filters. The server filters too; applying them again here keeps the list
 * and the calendar right while a newer answer is on its way, and for a server that ignores a filter.
 */
export function matchesFilters(operation: OperationSummary, filters: OperationFilters): boolean {
  if (filters.status && operation.status !== filters.status) return false;
  if (filters.department && !operation.departments.includes(filters.department) && operation.leadDepartment !== filters.department) return false;
  if (filters.seriesRef && operation.seriesRef !== filters.seriesRef) return false;
  if (!matchesKeyword(filters.q, [operation.title, operation.target, operation.ref])) return false;
  return inPeriod(operation.startsAt, filters);
}

/**
 * Whether a patrol matches the list's filters: by department and keyword. The status and series filters name
 * operations' states and series, so a patrol never matches them.
 */
export function patrolMatchesFilters(patrol: { title: string; refs: string[]; departments: string[]; startsAt: string }, filters: OperationFilters): boolean {
  if (filters.status || filters.seriesRef) return false;
  if (filters.department && !patrol.departments.includes(filters.department)) return false;
  if (!matchesKeyword(filters.q, [patrol.title, ...patrol.refs])) return false;
  return inPeriod(patrol.startsAt, filters);
}

function matchesKeyword(q: string, texts: string[]): boolean {
  const keyword = q.trim().toLowerCase();
  return !keyword || texts.some((text) => text.toLowerCase().includes(keyword));
}

function inPeriod(startsAt: string, filters: OperationFilters): boolean {
  const day = wallDate(startsAt);
  if (filters.from && day < filters.from) return false;
  if (filters.to && day > filters.to) return false;
  return true;
}

/** A patrol plan as the list shows it: at its next run's window, else at its schedule's first window. */
export function patrolEntry(plan: PatrolPlanSummary): ConsoleEntry {
  const window = plan.nextRun ?? plan.schedule;
  return { kind: 'patrol', key: `patrol:${plan.ref}`, startsAt: window.startsAt, endsAt: window.endsAt, plan };
}

/** The list's rows of the chosen kind (both when none), filtered. */
export function consoleEntries(operations: readonly OperationSummary[], plans: readonly PatrolPlanSummary[], filters: OperationFilters, kind: ConsoleKind | ''): ConsoleEntry[] {
  const rows: ConsoleEntry[] = [];
  if (kind !== 'patrol') for (const operation of operations) if (matchesFilters(operation, filters)) rows.push({ kind: 'operation', key: `operation:${operation.ref}`, startsAt: operation.startsAt, endsAt: operation.endsAt, operation });
  if (kind !== 'operation') {
    for (const plan of plans) {
      const entry = patrolEntry(plan);
      if (patrolMatchesFilters({ title: plan.title, refs: [plan.ref, plan.nextRun?.ref ?? ''], departments: plan.departments, startsAt: entry.startsAt }, filters)) rows.push(entry);
    }
  }
  return rows;
}

/** Whether a patrol occurrence of the calendar matches the filters. */
export function occurrenceMatchesFilters(occurrence: PatrolOccurrence, filters: OperationFilters): boolean {
  return patrolMatchesFilters({ title: occurrence.title, refs: [occurrence.planRef, occurrence.run?.ref ?? ''], departments: occurrence.departments, startsAt: occurrence.startsAt }, filters);
}

/** The list's order: upcoming and running items soonest first, then past ones latest first. */
export function sortForList<T extends { startsAt: string; endsAt: string }>(items: readonly T[], now: number): T[] {
  const ended = (item: T) => wallMillis(item.endsAt) < now;
  return [...items].sort((a, b) => {
    if (ended(a) !== ended(b)) return ended(a) ? 1 : -1;
    const order = wallMillis(a.startsAt) - wallMillis(b.startsAt);
    return ended(a) ? -order : order;
  });
}
