import { statutoryDayKind } from './statutory-days.js';

/** Whether a day is worked, as an override or the statutory calendar decides it. */
export type DayKind = 'workday' | 'holiday';

/** One working period of a day, in minutes after Beijing midnight: 08:30–12:00 is { startMinute: 510, endMinute: 720 }. */
export interface WorkingPeriod {
  readonly startMinute: number;
  readonly endMinute: number;
}

/** How a time limit counts: calendar hours, working hours or working days. */
export type LimitUnit = 'h' | 'wh' | 'wd';

/** What a working calendar is made of. */
export interface WorkingCalendarOptions {
  /** Working periods of every working day, ascending and non-overlapping. */
  periods: readonly WorkingPeriod[];
  /** Local decisions by Beijing date 'YYYY-MM-DD'; they win over chinese-days. @default no overrides */
  overrides?: ReadonlyMap<string, DayKind>;
}

/** Working time in Beijing: statutory holidays, 调休 workdays, local overrides and the working periods of a day. */
export interface WorkingCalendar {
  /** Whether the Beijing date of the instant is a working day. */
  isWorkingDay(date: Date): boolean;
  /**
   * The due time of a limit of `amount` units counted from `start`.
   * - 'h': calendar hours; holidays and nights count.
   * - 'wh': hours inside working periods of working days; a start outside working time counts from the next period
   *   start, and a limit used up exactly at a period end is due at that end.
   * - 'wd': `amount` full working days after the start's Beijing date (the start day never counts, however early),
   *   due at the end of the last working period of the last of them.
   * An amount of 0 is due at the start itself.
   */
  addLimit(start: Date, amount: number, unit: LimitUnit): Date;
  /** Working milliseconds from a to b; negative when b is before a. */
  workingMsBetween(a: Date, b: Date): number;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** Beijing is UTC+8 all year (no DST since 1991). */
const BEIJING_OFFSET_MS = 8 * HOUR_MS;
/** Most consecutive days without work a search crosses before it gives up, so a calendar without working days fails instead of looping. */
const MAX_IDLE_DAYS = 3660;

/** Checks that periods lie within one day, each non-empty, ascending and non-overlapping; throws a RangeError naming the problem. */
export function assertWorkingPeriods(periods: readonly WorkingPeriod[]): void {
  if (periods.length === 0) throw new RangeError('at least one working period is needed');
  let previousEnd = 0;
  for (const [i, { startMinute, endMinute }] of periods.entries()) {
    if (!Number.isInteger(startMinute) || !Number.isInteger(endMinute) || startMinute < 0 || endMinute > 24 * 60) {
      throw new RangeError(`period ${i + 1} is not within a day`);
    }
    if (startMinute >= endMinute) throw new RangeError(`period ${i + 1} ends before it starts`);
    if (startMinute < previousEnd) throw new RangeError(`period ${i + 1} overlaps or precedes the one before it`);
    previousEnd = endMinute;
  }
}

/** The Beijing calendar date of an instant, as 'YYYY-MM-DD'. */
export function beijingDay(date: Date): string {
  return dayKey(dayNumberOf(instant(date)));
}

/** Builds a working calendar; it is pure and keeps no state beyond its options. */
export function createWorkingCalendar({ periods, overrides = new Map() }: WorkingCalendarOptions): WorkingCalendar {
  assertWorkingPeriods(periods);
  const dayPeriods = periods.map((p) => ({ start: p.startMinute * MINUTE_MS, end: p.endMinute * MINUTE_MS }));
  const endOfWorkMs = dayPeriods[dayPeriods.length - 1]!.end;

  function isWorkingDayNumber(day: number): boolean {
    const key = dayKey(day);
    const kind = overrides.get(key) ?? statutoryDayKind(key);
    if (kind) return kind === 'workday';
    const weekday = new Date(day * DAY_MS).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /** The first working day after `day`. */
  function nextWorkingDay(day: number): number {
    for (let next = day + 1; next <= day + MAX_IDLE_DAYS; next++) if (isWorkingDayNumber(next)) return next;
    throw new RangeError(`no working day within ${MAX_IDLE_DAYS} days after ${dayKey(day)}`);
  }

  function addWorkingMs(start: number, ms: number): number {
    let remaining = ms;
    let day = dayNumberOf(start);
    if (!isWorkingDayNumber(day)) day = nextWorkingDay(day);
    for (;;) {
      const dayStart = dayStartMs(day);
      for (const period of dayPeriods) {
        const from = Math.max(dayStart + period.start, start);
        const to = dayStart + period.end;
        if (from >= to) continue;
        if (remaining <= to - from) return from + remaining;
        remaining -= to - from;
      }
      day = nextWorkingDay(day);
    }
  }

  function addWorkingDays(start: number, days: number): number {
    let day = dayNumberOf(start);
    for (let i = 0; i < days; i++) day = nextWorkingDay(day);
    return dayStartMs(day) + endOfWorkMs;
  }

  function workingMsFromTo(a: number, b: number): number {
    let total = 0;
    for (let day = dayNumberOf(a); day <= dayNumberOf(b); day++) {
      if (!isWorkingDayNumber(day)) continue;
      const dayStart = dayStartMs(day);
      for (const period of dayPeriods) {
        const overlap = Math.min(dayStart + period.end, b) - Math.max(dayStart + period.start, a);
        if (overlap > 0) total += overlap;
      }
    }
    return total;
  }

  return {
    isWorkingDay: (date) => isWorkingDayNumber(dayNumberOf(instant(date))),
    addLimit(start, amount, unit) {
      const from = instant(start);
      if (!Number.isFinite(amount) || amount < 0) throw new RangeError(`a limit must be a finite amount of at least 0, not ${amount}`);
      if (amount === 0) return new Date(from);
      switch (unit) {
        case 'h':
          return new Date(from + Math.round(amount * HOUR_MS));
        case 'wh':
          return new Date(addWorkingMs(from, Math.round(amount * HOUR_MS)));
        case 'wd':
          if (!Number.isInteger(amount)) throw new RangeError(`working days must be whole, not ${amount}`);
          return new Date(addWorkingDays(from, amount));
        default:
          throw new RangeError(`unknown limit unit ${String(unit)}`);
      }
    },
    workingMsBetween(a, b) {
      const from = instant(a);
      const to = instant(b);
      return to >= from ? workingMsFromTo(from, to) : -workingMsFromTo(to, from);
    },
  };
}

function instant(date: Date): number {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('invalid Date');
  return ms;
}

/** Days since 1970-01-01 of the Beijing date of an instant. */
function dayNumberOf(ms: number): number {
  return Math.floor((ms + BEIJING_OFFSET_MS) / DAY_MS);
}

/** The instant of Beijing midnight starting a day. */
function dayStartMs(day: number): number {
  return day * DAY_MS - BEIJING_OFFSET_MS;
}

function dayKey(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
