import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../config/index.js';
import { parseWorkingHours } from './calendar.service.js';
import { beijingDay, createWorkingCalendar, type DayKind } from './working-calendar.js';

/** An instant given as Beijing wall-clock time, e.g. bj('2026-09-30T16:00'). */
const bj = (local: string) => new Date(`${local}+08:00`);
const HOUR_MS = 3_600_000;
const periods = parseWorkingHours('08:30-12:00,13:30-17:30');
const calendar = createWorkingCalendar({ periods });

describe('isWorkingDay', () => {
  // 2026 from chinese-days: 春节 2-15..2-23 off, 2-14 (Sat) and 2-28 (Sat) worked; 中秋 9-25..9-27 off;
  // 国庆 10-1..10-7 off, 9-20 (Sun) and 10-10 (Sat) worked; 元旦 1-1..1-3 off, 1-4 (Sun) worked.
  it.each([
    { day: '2026-02-14', what: '调休 Saturday before 春节', working: true },
    { day: '2026-02-28', what: '调休 Saturday after 春节', working: true },
    { day: '2026-09-20', what: '调休 Sunday before 国庆', working: true },
    { day: '2026-10-10', what: '调休 Saturday after 国庆', working: true },
    { day: '2026-01-04', what: '调休 Sunday after 元旦', working: true },
    { day: '2026-02-23', what: 'Monday of 春节', working: false },
    { day: '2026-09-25', what: 'Friday of 中秋', working: false },
    { day: '2026-10-01', what: 'Thursday of 国庆', working: false },
    { day: '2026-10-07', what: 'Wednesday of 国庆', working: false },
    { day: '2026-10-08', what: 'ordinary Thursday', working: true },
    { day: '2026-10-11', what: 'ordinary Sunday', working: false },
    { day: '2027-03-06', what: 'Saturday of a year without published holidays', working: false },
  ])('reads $day ($what) as working: $working', ({ day, working }) => {
    // given noon of the day in Beijing
    const noon = bj(`${day}T12:00`);
    // when
    const result = calendar.isWorkingDay(noon);
    // then
    expect(result).toBe(working);
  });

  it('judges the Beijing date, not the UTC date', () => {
    // given 2026-09-30T16:30Z, a working Wednesday in UTC but 00:30 on National Day in Beijing
    const instant = new Date('2026-09-30T16:30:00Z');
    // when
    const working = calendar.isWorkingDay(instant);
    // then
    expect(beijingDay(instant)).toBe('2026-10-01');
    expect(working).toBe(false);
  });
});

describe('addLimit in working hours (wh)', () => {
  it('carries 4 wh from Wed 2026-09-30 16:00 over National Day to Thu 10-08 11:00', () => {
    // given 1.5 h left on Wednesday, then 国庆 10-01..10-07
    const start = bj('2026-09-30T16:00');
    // when
    const due = calendar.addLimit(start, 4, 'wh');
    // then 2.5 h from 08:30 on the first working day after the holiday
    expect(due).toEqual(bj('2026-10-08T11:00'));
  });

  it('counts a 调休 Saturday as a working day', () => {
    // given Friday 2026-10-09 17:00, the day before the 调休 Saturday 10-10
    const start = bj('2026-10-09T17:00');
    // when
    const due = calendar.addLimit(start, 2, 'wh');
    // then 0.5 h on Friday and 1.5 h on Saturday morning
    expect(due).toEqual(bj('2026-10-10T10:00'));
  });

  it.each([
    { when: 'during the lunch break', start: '2026-03-03T12:30', due: '2026-03-03T14:30' },
    { when: 'before 08:30', start: '2026-03-03T07:00', due: '2026-03-03T09:30' },
    { when: 'at night', start: '2026-03-03T20:00', due: '2026-03-04T09:30' },
    { when: 'on Friday night', start: '2026-03-06T20:00', due: '2026-03-09T09:30' },
    { when: 'just after midnight', start: '2026-03-04T00:10', due: '2026-03-04T09:30' },
  ])('starts counting at the next working period when filed $when', ({ start, due }) => {
    // given a start outside working time
    const filed = bj(start);
    // when
    const result = calendar.addLimit(filed, 1, 'wh');
    // then
    expect(result).toEqual(bj(due));
  });

  it('skips the lunch break inside a limit', () => {
    // given Tuesday 11:00
    const start = bj('2026-03-03T11:00');
    // when
    const due = calendar.addLimit(start, 2, 'wh');
    // then 1 h before lunch, 1 h after it
    expect(due).toEqual(bj('2026-03-03T14:30'));
  });

  it('is due at the end of a period when the limit is used up exactly there', () => {
    // given Tuesday 08:30 and a limit as long as the morning
    const start = bj('2026-03-03T08:30');
    // when
    const due = calendar.addLimit(start, 3.5, 'wh');
    // then 12:00, not 13:30
    expect(due).toEqual(bj('2026-03-03T12:00'));
  });

  it('accepts fractions of an hour', () => {
    // given Tuesday 09:00
    const start = bj('2026-03-03T09:00');
    // when
    const due = calendar.addLimit(start, 0.25, 'wh');
    // then
    expect(due).toEqual(bj('2026-03-03T09:15'));
  });
});

describe('addLimit in working days (wd)', () => {
  it('counts full working days after the start day across 春节, 调休 Saturday included', () => {
    // given Friday 2026-02-13 10:00; Sat 2-14 is worked, 2-15..2-23 are off
    const start = bj('2026-02-13T10:00');
    // when
    const due = calendar.addLimit(start, 3, 'wd');
    // then Sat 2-14, Tue 2-24, Wed 2-25, due at the end of working hours
    expect(due).toEqual(bj('2026-02-25T17:30'));
  });

  it.each([
    { when: 'early on a working day', start: '2026-03-03T08:00' },
    { when: 'late on a working day', start: '2026-03-03T23:59' },
  ])('never counts the start day, filed $when', ({ start }) => {
    // given a case filed on Tuesday 2026-03-03
    const filed = bj(start);
    // when
    const due = calendar.addLimit(filed, 1, 'wd');
    // then due at the end of Wednesday
    expect(due).toEqual(bj('2026-03-04T17:30'));
  });

  it('counts from the first working day when filed on a holiday', () => {
    // given Saturday 2026-10-03 during National Day
    const start = bj('2026-10-03T10:00');
    // when
    const due = calendar.addLimit(start, 1, 'wd');
    // then
    expect(due).toEqual(bj('2026-10-08T17:30'));
  });

  it('rejects a fraction of a working day', () => {
    // given / when / then
    expect(() => calendar.addLimit(bj('2026-03-03T10:00'), 1.5, 'wd')).toThrow(RangeError);
  });
});

describe('addLimit in calendar hours (h)', () => {
  it('ignores holidays, nights and weekends', () => {
    // given Wednesday 2026-09-30 16:00, the eve of National Day
    const start = bj('2026-09-30T16:00');
    // when
    const due = calendar.addLimit(start, 24, 'h');
    // then
    expect(due).toEqual(bj('2026-10-01T16:00'));
  });
});

describe('addLimit with any unit', () => {
  it.each(['h', 'wh', 'wd'] as const)('is due at the start for 0 %s', (unit) => {
    // given Saturday night
    const start = bj('2026-03-07T22:00');
    // when
    const due = calendar.addLimit(start, 0, unit);
    // then
    expect(due).toEqual(start);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects the amount %s', (amount) => {
    // given / when / then
    expect(() => calendar.addLimit(bj('2026-03-03T10:00'), amount, 'wh')).toThrow(RangeError);
  });
});

describe('overrides', () => {
  const overrides = new Map<string, DayKind>([
    ['2026-03-09', 'holiday'],
    ['2026-03-14', 'workday'],
  ]);
  const local = createWorkingCalendar({ periods, overrides });

  it('turns a normal Monday into a holiday and shifts the due date', () => {
    // given Friday 2026-03-06 10:00 and Monday 03-09 declared a holiday
    const start = bj('2026-03-06T10:00');
    // when
    const withOverride = local.addLimit(start, 1, 'wd');
    const without = calendar.addLimit(start, 1, 'wd');
    // then
    expect(without).toEqual(bj('2026-03-09T17:30'));
    expect(withOverride).toEqual(bj('2026-03-10T17:30'));
  });

  it('turns a Saturday into a working day', () => {
    // given Friday 2026-03-13 17:00 and Saturday 03-14 declared a workday
    const start = bj('2026-03-13T17:00');
    // when
    const due = local.addLimit(start, 1, 'wh');
    // then
    expect(local.isWorkingDay(bj('2026-03-14T12:00'))).toBe(true);
    expect(due).toEqual(bj('2026-03-14T09:00'));
  });

  it('wins over chinese-days', () => {
    // given National Day 2026-10-01 declared a workday locally
    const overridden = createWorkingCalendar({ periods, overrides: new Map([['2026-10-01', 'workday']]) });
    // when
    const working = overridden.isWorkingDay(bj('2026-10-01T12:00'));
    // then
    expect(working).toBe(true);
  });
});

describe('workingMsBetween', () => {
  it('counts only working time across a weekend', () => {
    // given Friday 2026-03-06 16:00 and Monday 03-09 10:00
    const a = bj('2026-03-06T16:00');
    const b = bj('2026-03-09T10:00');
    // when
    const ms = calendar.workingMsBetween(a, b);
    // then 1.5 h on Friday and 1.5 h on Monday
    expect(ms).toBe(3 * HOUR_MS);
  });

  it('leaves out the lunch break and is negative when reversed', () => {
    // given Tuesday 11:00 and 14:00
    const a = bj('2026-03-03T11:00');
    const b = bj('2026-03-03T14:00');
    // when
    const forward = calendar.workingMsBetween(a, b);
    const backward = calendar.workingMsBetween(b, a);
    // then
    expect(forward).toBe(1.5 * HOUR_MS);
    expect(backward).toBe(-1.5 * HOUR_MS);
  });

  it.each([
    { start: '2026-09-30T16:00', hours: 4 },
    { start: '2026-02-13T09:00', hours: 30 },
    { start: '2026-03-03T12:30', hours: 7.5 },
  ])('measures back the $hours wh added from $start', ({ start, hours }) => {
    // given a due time computed in working hours
    const from = bj(start);
    const due = calendar.addLimit(from, hours, 'wh');
    // when
    const ms = calendar.workingMsBetween(from, due);
    // then
    expect(ms).toBe(hours * HOUR_MS);
  });
});

describe('time zone', () => {
  it("gives the same answers whatever the machine's time zone", () => {
    // given a machine set west of UTC, where chinese-days' own functions shift dates by a day
    const saved = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      // when
      const due = calendar.addLimit(bj('2026-09-30T16:00'), 4, 'wh');
      const saturday = calendar.isWorkingDay(bj('2026-10-10T09:00'));
      // then
      expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(480);
      expect(due).toEqual(bj('2026-10-08T11:00'));
      expect(saturday).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('working periods', () => {
  it('parses the default WORKING_HOURS into minutes after midnight', () => {
    // given / when
    const parsed = parseWorkingHours(' 08:30-12:00, 13:30-17:30 ');
    // then
    expect(parsed).toEqual([
      { startMinute: 510, endMinute: 720 },
      { startMinute: 810, endMinute: 1050 },
    ]);
  });

  it.each([
    { text: '', problem: 'not HH:MM-HH:MM' },
    { text: '8:30-12:00', problem: 'not HH:MM-HH:MM' },
    { text: '08:30-12:00;13:30-17:30', problem: 'not HH:MM-HH:MM' },
    { text: '08:60-12:00', problem: 'not HH:MM-HH:MM' },
    { text: '24:30-24:45', problem: 'not HH:MM-HH:MM' },
    { text: '20:00-24:30', problem: 'ends after 24:00' },
    { text: '12:00-08:30', problem: 'ends before it starts' },
    { text: '08:30-12:00,11:00-17:30', problem: 'overlaps or precedes' },
    { text: '13:30-17:30,08:30-12:00', problem: 'overlaps or precedes' },
  ])('rejects "$text" because it $problem', ({ text, problem }) => {
    // given / when / then
    expect(() => parseWorkingHours(text)).toThrow(problem);
  });

  it('validates WORKING_HOURS in the config with the same rule', () => {
    // given / when / then
    expect(parseConfig({}).WORKING_HOURS).toBe('08:30-12:00,13:30-17:30');
    expect(() => parseConfig({ WORKING_HOURS: '13:30-17:30,08:30-12:00' })).toThrow(/WORKING_HOURS: period 2 overlaps/);
  });
});
