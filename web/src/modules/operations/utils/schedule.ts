import type { OperationSchedule } from '@contracts/joint-operations';
import { addDays, daysBetween, isDateOnly, isoWeekday, isWallTime, wallClock, wallDate } from './wall-time';

/** One run of an operation, in Beijing wall time. */
export interface Occurrence {
  startsAt: string;
  endsAt: string;
}

/** The schedule as the plan editor edits it: a first date, a time window of the day, and how it repeats. */
export interface ScheduleForm {
  /** The (first) day, "YYYY-MM-DD". */
  date: string;
  /** "HH:mm", Beijing time. */
  startTime: string;
  endTime: string;
  kind: 'once' | 'weekly';
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: number[];
  /** The last day of a weekly series, "YYYY-MM-DD". */
  until: string;
}

/** The weekdays in the order people read them, Monday first. */
export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;

/** The contract's schedule built from the editor's fields; a weekly series keeps its weekdays sorted and unique. */
export function scheduleFromForm(form: ScheduleForm): OperationSchedule {
  const startsAt = form.date && form.startTime ? `${form.date}T${form.startTime}` : '';
  const endsAt = form.date && form.endTime ? `${form.date}T${form.endTime}` : '';
  if (form.kind === 'once') return { startsAt, endsAt, recurrence: { kind: 'once' } };
  return { startsAt, endsAt, recurrence: { kind: 'weekly', weekdays: [...new Set(form.weekdays)].sort((a, b) => a - b), until: form.until } };
}

/** The editor's fields for a schedule, e.g. when a returned plan is opened again. */
export function formFromSchedule(schedule: OperationSchedule): ScheduleForm {
  const weekly = schedule.recurrence.kind === 'weekly' ? schedule.recurrence : null;
  return {
    date: wallDate(schedule.startsAt),
    startTime: wallClock(schedule.startsAt),
    endTime: wallClock(schedule.endsAt),
    kind: weekly ? 'weekly' : 'once',
    weekdays: weekly ? [...weekly.weekdays] : [],
    until: weekly?.until ?? '',
  };
}

/**
 * The runs a schedule gives, in order: the one window of a one-off operation, or each chosen weekday from the first
 * date through `until` for a weekly series (at most `limit` of them). An unreadable schedule gives none.
 */
export function occurrencesOf(schedule: OperationSchedule, limit = 200): Occurrence[] {
  if (!isWallTime(schedule.startsAt) || !isWallTime(schedule.endsAt)) return [];
  if (schedule.recurrence.kind === 'once') return [{ startsAt: schedule.startsAt, endsAt: schedule.endsAt }];
  const { weekdays: chosen, until } = schedule.recurrence;
  if (!isDateOnly(until)) return [];
  const first = wallDate(schedule.startsAt);
  const span = daysBetween(first, wallDate(schedule.endsAt));
  const startClock = wallClock(schedule.startsAt);
  const endClock = wallClock(schedule.endsAt);
  const runs: Occurrence[] = [];
  for (let day = first; day <= until && runs.length < limit; day = addDays(day, 1)) {
    if (chosen.includes(isoWeekday(day))) runs.push({ startsAt: `${day}T${startClock}`, endsAt: `${addDays(day, span)}T${endClock}` });
  }
  return runs;
}
