import type { EntityManager } from 'typeorm';
import { HolidayOverrideEntity } from './holiday-override.entity.js';
import { assertWorkingPeriods, createWorkingCalendar, type DayKind, type WorkingCalendar, type WorkingPeriod } from './working-calendar.js';

const PERIOD = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]|24):([0-5]\d)$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Parses working hours such as "08:30-12:00,13:30-17:30": comma-separated HH:MM-HH:MM periods, ascending and
 * non-overlapping (24:00 may end the last). Throws a RangeError naming the problem; the config validates with it.
 */
export function parseWorkingHours(text: string): WorkingPeriod[] {
  const periods = text.split(',').map((part, i) => {
    const match = PERIOD.exec(part.trim());
    if (!match) throw new RangeError(`period ${i + 1} "${part.trim()}" is not HH:MM-HH:MM`);
    const [, startH, startM, endH, endM] = match.map(Number) as [number, number, number, number, number];
    if (endH === 24 && endM !== 0) throw new RangeError(`period ${i + 1} ends after 24:00`);
    return { startMinute: startH * 60 + startM, endMinute: endH * 60 + endM };
  });
  assertWorkingPeriods(periods);
  return periods;
}

/** The working calendar of the city: WORKING_HOURS plus the overrides stored in holiday_override. */
export async function loadWorkingCalendar(manager: EntityManager, workingHours: string): Promise<WorkingCalendar> {
  const periods = parseWorkingHours(workingHours);
  const rows = await manager.find(HolidayOverrideEntity);
  const overrides = new Map<string, DayKind>();
  for (const { day, kind } of rows) {
    if (!DAY.test(day) || (kind !== 'workday' && kind !== 'holiday')) throw new RangeError(`holiday_override row ${day} (${kind}) is malformed`);
    overrides.set(day, kind);
  }
  return createWorkingCalendar({ periods, overrides });
}
