import type { OperationPlanInput } from '../../contracts/joint-operations.js';
import { beijingDay } from '../calendar/index.js';

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;
/** Beijing keeps UTC+8 all year. */
const beijingOffsetMs = 8 * hourMs;

/** How long before its start an occurrence of a weekly series is created, so that approval and confirmation have time. */
export const occurrenceLeadMs = 7 * dayMs;

const localPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const zonedPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** An instant from a Beijing wall-clock time such as 2026-12-04T08:30, or from an ISO instant with its offset; undefined when neither. */
export function parseBeijingTime(text: string): Date | undefined {
  const local = localPattern.exec(text);
  const date = local ? new Date(`${text.length === 16 ? `${text}:00` : text}+08:00`) : zonedPattern.test(text) ? new Date(text) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

/** The Beijing wall-clock time of an instant, as YYYY-MM-DDTHH:mm (the form plans are written in), with :ss when not on the minute. */
export function beijingLocal(date: Date): string {
  const text = new Date(date.getTime() + beijingOffsetMs).toISOString();
  return text.slice(17, 23) === '00.000' ? text.slice(0, 16) : text.slice(0, 19);
}

/** The ISO weekday (1 = Monday … 7 = Sunday) of an instant's Beijing date. */
export function beijingWeekday(date: Date): number {
  const day = new Date(date.getTime() + beijingOffsetMs).getUTCDay();
  return day === 0 ? 7 : day;
}

/** A weekly series as the next-occurrence step reads it. */
export interface WeeklySeries {
  firstStartsAt: Date;
  weekdays: readonly number[];
  /** Last Beijing date an occurrence may start on, YYYY-MM-DD. */
  until: string;
}

/**
 * The start of the series' next occurrence after `after` (the first occurrence when null): the same Beijing time of
 * day on the next listed weekday, not after `until`; undefined when the series is over.
 */
export function nextOccurrence(series: WeeklySeries, after: Date | null): Date | undefined {
  const from = after === null ? 0 : Math.max(0, Math.floor((after.getTime() - series.firstStartsAt.getTime()) / dayMs));
  for (let d = from; d <= from + 7; d++) {
    const start = new Date(series.firstStartsAt.getTime() + d * dayMs);
    if (after !== null && start <= after) continue;
    if (beijingDay(start) > series.until) return undefined;
    if (series.weekdays.includes(beijingWeekday(start))) return start;
  }
  return undefined;
}

/** The plan of one occurrence: every time of the first occurrence's plan moved to the occurrence's start. */
export function planOfOccurrence(first: OperationPlanInput, startsAt: Date): OperationPlanInput {
  const delta = startsAt.getTime() - parseBeijingTime(first.schedule.startsAt)!.getTime();
  const shift = (text: string) => beijingLocal(new Date(parseBeijingTime(text)!.getTime() + delta));
  return {
    ...first,
    schedule: { startsAt: shift(first.schedule.startsAt), endsAt: shift(first.schedule.endsAt), recurrence: { kind: 'once' } },
    confirmBy: shift(first.confirmBy),
    briefing: { ...first.briefing, at: shift(first.briefing.at) },
  };
}
