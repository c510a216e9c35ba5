import { describe, expect, it } from 'vitest';
import { fromBeijing, occurrences, toBeijing, weekdayOf } from './schedule.js';

describe('patrol schedules', () => {
  it('reads and writes Beijing wall-clock times', () => {
    expect(fromBeijing('2026-12-04T08:30').toISOString()).toBe('2026-12-04T00:30:00.000Z');
    expect(toBeijing(new Date('2026-12-04T16:30:00Z'))).toBe('2026-12-05T00:30');
  });

  it('names ISO weekdays, Monday 1 to Sunday 7', () => {
    expect([weekdayOf('2026-12-07'), weekdayOf('2026-12-11T08:30'), weekdayOf('2026-12-13')]).toEqual([1, 5, 7]);
  });

  it('has one run for a single patrol', () => {
    // when
    const runs = occurrences({ startsAt: '2026-12-04T08:30', endsAt: '2026-12-04T11:30', recurrence: { kind: 'once' } });

    // then
    expect(runs).toEqual([{ startsAt: fromBeijing('2026-12-04T08:30'), endsAt: fromBeijing('2026-12-04T11:30') }]);
  });

  it('repeats a weekly patrol on each chosen weekday at the same time, up to and including the last day', () => {
    // given every Monday and Friday 08:30–11:30 from Friday 4 December until Friday 18 December
    const schedule = { startsAt: '2026-12-04T08:30', endsAt: '2026-12-04T11:30', recurrence: { kind: 'weekly' as const, weekdays: [5, 1], until: '2026-12-18' } };

    // when
    const runs = occurrences(schedule);

    // then
    expect(runs.map((r) => `${toBeijing(r.startsAt)}–${toBeijing(r.endsAt).slice(11)}`)).toEqual([
      '2026-12-04T08:30–11:30',
      '2026-12-07T08:30–11:30',
      '2026-12-11T08:30–11:30',
      '2026-12-14T08:30–11:30',
      '2026-12-18T08:30–11:30',
    ]);
  });

  it('keeps a night patrol that ends after midnight as one window', () => {
    const runs = occurrences({ startsAt: '2026-12-04T22:00', endsAt: '2026-12-05T02:00', recurrence: { kind: 'weekly', weekdays: [5], until: '2026-12-11' } });
    expect(runs.map((r) => [toBeijing(r.startsAt), toBeijing(r.endsAt)])).toEqual([
      ['2026-12-04T22:00', '2026-12-05T02:00'],
      ['2026-12-11T22:00', '2026-12-12T02:00'],
    ]);
  });
});
