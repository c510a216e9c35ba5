import type { OperationSummary } from '@contracts/joint-operations';
import type { PatrolOccurrence } from '@contracts/patrols';
import { addDays, isoWeekday, wallDate, wallMillis } from './wall-time';

/** How the calendar lays out days: a whole month in weeks, or one week. */
export type CalendarMode = 'month' | 'week';

/** A day cell of the calendar. */
export interface CalendarDay {
  /** "YYYY-MM-DD". */
  date: string;
  /** False for the days of the previous or next month that fill the month view's first and last weeks. */
  inPeriod: boolean;
}

/** The Monday of the week that holds a date. */
export function weekStart(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** The days the calendar shows around `anchor`: whole weeks (Monday first) covering its month, or its week. */
export function calendarDays(anchor: string, mode: CalendarMode): CalendarDay[] {
  if (mode === 'week') {
    const monday = weekStart(anchor);
    return Array.from({ length: 7 }, (_, i) => ({ date: addDays(monday, i), inPeriod: true }));
  }
  const month = anchor.slice(0, 7);
  const first = `${month}-01`;
  const days: CalendarDay[] = [];
  for (let day = weekStart(first); day.slice(0, 7) <= month || isoWeekday(day) !== 1; day = addDays(day, 1)) {
    days.push({ date: day, inPeriod: day.slice(0, 7) === month });
  }
  return days;
}

/** The anchor date one period before (-1) or after (+1): the same weekday a week away, or the first of the next month. */
export function shiftAnchor(anchor: string, mode: CalendarMode, step: -1 | 1): string {
  if (mode === 'week') return addDays(anchor, 7 * step);
  const [y, m] = anchor.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + step, 1)).toISOString().slice(0, 10);
}

/** An item of the console's calendar: an operation, or one occurrence of a patrol plan (with its run once created). */
export type CalendarEntry =
  | { kind: 'operation'; key: string; startsAt: string; endsAt: string; operation: OperationSummary }
  | { kind: 'patrol'; key: string; startsAt: string; endsAt: string; occurrence: PatrolOccurrence };

/** The calendar's items of both kinds, keyed so that an operation and a patrol never collide. */
export function calendarEntries(operations: readonly OperationSummary[], occurrences: readonly PatrolOccurrence[]): CalendarEntry[] {
  return [
    ...operations.map((operation): CalendarEntry => ({ kind: 'operation', key: `operation:${operation.ref}`, startsAt: operation.startsAt, endsAt: operation.endsAt, operation })),
    ...occurrences.map((occurrence): CalendarEntry => ({ kind: 'patrol', key: `patrol:${occurrence.planRef}:${occurrence.seq}`, startsAt: occurrence.startsAt, endsAt: occurrence.endsAt, occurrence })),
  ];
}

/** The items of each shown day, by the Beijing date they start on, earliest first. */
export function operationsByDay<T extends { startsAt: string }>(items: readonly T[], days: readonly CalendarDay[]): Map<string, T[]> {
  const byDay = new Map<string, T[]>(days.map((day) => [day.date, []]));
  const sorted = [...items].sort((a, b) => wallMillis(a.startsAt) - wallMillis(b.startsAt));
  for (const item of sorted) byDay.get(wallDate(item.startsAt))?.push(item);
  return byDay;
}
