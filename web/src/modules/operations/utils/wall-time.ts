import { formatBeijingTime } from '@/utils/beijing-time';

/**
 * Operations are planned in Beijing wall time, "YYYY-MM-DDTHH:mm" without an offset (the contract's shape), so that a
 * coordinator abroad still plans 08:30 in Beijing. These helpers read both wall times and ISO instants.
 */
const wallPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a string is a Beijing wall time "YYYY-MM-DDTHH:mm" (seconds allowed) that names a real moment. */
export function isWallTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = wallPattern.exec(value);
  if (!match) return false;
  return isDateOnly(`${match[1]}-${match[2]}-${match[3]}`) && Number(match[4]) < 24 && Number(match[5]) < 60;
}

/** Whether a string is a real calendar date "YYYY-MM-DD". */
export function isDateOnly(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = datePattern.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A wall time or an ISO instant as Beijing wall time "YYYY-MM-DDTHH:mm"; empty when it cannot be read. */
export function toWallTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  if (typeof value === 'string' && wallPattern.test(value)) return value.slice(0, 16);
  const text = formatBeijingTime(value, false);
  return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(text) ? text.replace(' ', 'T') : '';
}

/** The moment a wall time (or instant) names, for comparing and sorting; NaN when it cannot be read. */
export function wallMillis(value: string | Date | null | undefined): number {
  const wall = toWallTime(value);
  return wall ? Date.parse(`${wall}:00+08:00`) : Number.NaN;
}

/** The Beijing date "YYYY-MM-DD" of a wall time or instant; empty when it cannot be read. */
export function wallDate(value: string | Date | null | undefined): string {
  return toWallTime(value).slice(0, 10);
}

/** The Beijing clock time "HH:mm" of a wall time or instant; empty when it cannot be read. */
export function wallClock(value: string | Date | null | undefined): string {
  return toWallTime(value).slice(11, 16);
}

/** A wall time or instant as people read it, "2026-12-04 08:30"; a dash when missing. */
export function formatWall(value: string | Date | null | undefined): string {
  const wall = toWallTime(value);
  return wall ? wall.replace('T', ' ') : '—';
}

/** The date `days` after a "YYYY-MM-DD" date (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The ISO weekday of a "YYYY-MM-DD" date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}

/** Whole days from one "YYYY-MM-DD" date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
