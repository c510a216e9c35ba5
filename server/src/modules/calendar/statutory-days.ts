import published from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { DayKind } from './working-calendar.js';

/**
 * Statutory holidays and 调休 workdays as chinese-days publishes them, keyed by Beijing date 'YYYY-MM-DD'.
 * Read from the package's JSON: its functions build their tables in the machine's time zone and shift every
 * date by one day west of UTC.
 */
const statutory: { holidays: Readonly<Record<string, string>>; workdays: Readonly<Record<string, string>> } = published;

/** What the State Council decided for a Beijing date, or undefined for an ordinary day (or a year not yet published). */
export function statutoryDayKind(day: string): DayKind | undefined {
  if (Object.hasOwn(statutory.workdays, day)) return 'workday';
  if (Object.hasOwn(statutory.holidays, day)) return 'holiday';
  return undefined;
}
