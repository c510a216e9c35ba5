import type { PatrolSchedule } from '@contracts/patrols';
import { formatWall, wallClock, wallDate } from '@/modules/operations/utils/wall-time';

/** "2026-12-04 08:30–11:30", or both ends in full when the window spans days; reads wall times and ISO instants. */
export function windowText(startsAt: string, endsAt: string): string {
  if (wallDate(startsAt) === wallDate(endsAt)) return `${formatWall(startsAt)}–${wallClock(endsAt)}`;
  return `${formatWall(startsAt)} – ${formatWall(endsAt)}`;
}

/** The weekdays of a weekly schedule as people say them, with `name` giving each day's word (周一 …). */
export function weekdaysText(schedule: PatrolSchedule, name: (day: number) => string, separator = '、'): string {
  return schedule.recurrence.kind === 'weekly' ? schedule.recurrence.weekdays.map(name).join(separator) : '';
}
