import type { OperationSummary } from '@contracts/joint-operations';
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

/** The operations of each shown day, by the Beijing date they start on, earliest first. */
export function operationsByDay(operations: readonly OperationSummary[], days: readonly CalendarDay[]): Map<string, OperationSummary[]> {
  const byDay = new Map<string, OperationSummary[]>(days.map((day) => [day.date, []]));
  const sorted = [...operations].sort((a, b) => wallMillis(a.startsAt) - wallMillis(b.startsAt));
  for (const operation of sorted) byDay.get(wallDate(operation.startsAt))?.push(operation);
  return byDay;
}
