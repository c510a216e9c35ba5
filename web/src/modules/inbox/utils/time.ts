import { formatBeijingTime } from '@/utils/beijing-time';

/** A moment as Beijing time, "2025-06-01 14:30", whatever the browser's time zone; a dash when missing or invalid. */
export function beijingTime(value: string | Date | null | undefined): string {
  const date = value instanceof Date ? value : new Date(value ?? Number.NaN);
  return Number.isNaN(date.getTime()) ? '—' : formatBeijingTime(date, false);
}

/** How far a due time is from now, split into whole days, hours and minutes. */
export interface TimeLeft {
  overdue: boolean;
  days: number;
  hours: number;
  minutes: number;
}

/** The time left until `due` (or past it), or null for a task without a time limit. */
export function timeLeft(due: string | null, now: number): TimeLeft | null {
  if (!due) return null;
  const diff = new Date(due).getTime() - now;
  if (Number.isNaN(diff)) return null;
  const total = Math.floor(Math.abs(diff) / 60_000);
  return { overdue: diff < 0, days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60 };
}
