import type { PatrolSchedule } from '../../contracts/patrols.js';

/** One run's window. */
export interface Occurrence {
  startsAt: Date;
  endsAt: Date;
}

/** Beijing has no daylight saving: its wall clock is always UTC+8. */
const beijingOffset = '+08:00';
const dayMs = 86_400_000;

/** A Beijing wall-clock time such as 2026-12-04T08:30 as an instant. */
export function fromBeijing(local: string): Date {
  return new Date(`${local}:00${beijingOffset}`);
}

/** An instant as a Beijing wall-clock time such as 2026-12-04T08:30 (the form schedules are written in). */
export function toBeijing(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
}

/** The ISO weekday (1 = Monday … 7 = Sunday) of a Beijing date or date-time. */
export function weekdayOf(local: string): number {
  const day = new Date(`${local.slice(0, 10)}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/**
 * Every run of a schedule, in order: the one window of a single patrol, or for a weekly one the same time of day on
 * each chosen weekday from the first occurrence's day to `until` (inclusive).
 */
export function occurrences(schedule: PatrolSchedule): Occurrence[] {
  const first = { startsAt: fromBeijing(schedule.startsAt), endsAt: fromBeijing(schedule.endsAt) };
  const { recurrence } = schedule;
  if (recurrence.kind === 'once') return [first];
  const duration = first.endsAt.getTime() - first.startsAt.getTime();
  const lastStart = fromBeijing(`${recurrence.until}T23:59`).getTime();
  const runs: Occurrence[] = [];
  for (let start = first.startsAt.getTime(); start <= lastStart; start += dayMs) {
    if (recurrence.weekdays.includes(weekdayOf(toBeijing(new Date(start))))) runs.push({ startsAt: new Date(start), endsAt: new Date(start + duration) });
  }
  return runs;
}
