import type { OperationSummary } from '@contracts/joint-operations';
import type { OperationFilters } from '../requests';
import { wallDate, wallMillis } from './wall-time';

/**
 * Whether an operation matches the list's filters. The server filters too; applying them again here keeps the list
 * and the calendar right while a newer answer is on its way, and for a server that ignores a filter.
 */
export function matchesFilters(operation: OperationSummary, filters: OperationFilters): boolean {
  if (filters.status && operation.status !== filters.status) return false;
  if (filters.department && !operation.departments.includes(filters.department) && operation.leadDepartment !== filters.department) return false;
  if (filters.seriesRef && operation.seriesRef !== filters.seriesRef) return false;
  const q = filters.q.trim().toLowerCase();
  if (q && ![operation.title, operation.target, operation.ref].some((text) => text.toLowerCase().includes(q))) return false;
  const day = wallDate(operation.startsAt);
  if (filters.from && day < filters.from) return false;
  if (filters.to && day > filters.to) return false;
  return true;
}

/** The list's order: upcoming and running operations soonest first, then past ones latest first. */
export function sortForList(operations: readonly OperationSummary[], now: number): OperationSummary[] {
  const ended = (operation: OperationSummary) => wallMillis(operation.endsAt) < now;
  return [...operations].sort((a, b) => {
    if (ended(a) !== ended(b)) return ended(a) ? 1 : -1;
    const order = wallMillis(a.startsAt) - wallMillis(b.startsAt);
    return ended(a) ? -order : order;
  });
}
