import { describe, expect, it } from 'vitest';
import { formFromSchedule, occurrencesOf, scheduleFromForm, type ScheduleForm } from './schedule';

const everyFriday: ScheduleForm = { date: '2026-12-04', startTime: '08:30', endTime: '11:30', kind: 'weekly', weekdays: [5], until: '2026-12-25' };

describe('occurrencesOf', () => {
  it('gives the one window of a one-off operation', () => {
    // given a one-off schedule
    const schedule = scheduleFromForm({ ...everyFriday, kind: 'once' });
    // when its runs are listed
    const runs = occurrencesOf(schedule);
    // then there is exactly the planned window
    expect(runs).toEqual([{ startsAt: '2026-12-04T08:30', endsAt: '2026-12-04T11:30' }]);
  });

  it('gives every Friday 08:30–11:30 from the first date through the last', () => {
    const runs = occurrencesOf(scheduleFromForm(everyFriday));
    expect(runs.map((run) => run.startsAt)).toEqual(['2026-12-04T08:30', '2026-12-11T08:30', '2026-12-18T08:30', '2026-12-25T08:30']);
    expect(runs.every((run) => run.endsAt.endsWith('T11:30'))).toBe(true);
  });

  it('gives several weekdays a week, skipping the first date when it is not one of them', () => {
    // given Tuesdays and Thursdays, starting on a Monday
    const schedule = scheduleFromForm({ ...everyFriday, date: '2026-11-30', weekdays: [4, 2], until: '2026-12-08' });
    // then the runs are the Tuesdays and Thursdays only
    expect(occurrencesOf(schedule).map((run) => run.startsAt.slice(0, 10))).toEqual(['2026-12-01', '2026-12-03', '2026-12-08']);
  });

  it('keeps a window that ends after midnight ending on the next day', () => {
    const runs = occurrencesOf({ startsAt: '2026-12-04T22:00', endsAt: '2026-12-05T02:00', recurrence: { kind: 'weekly', weekdays: [5], until: '2026-12-11' } });
    expect(runs).toEqual([
      { startsAt: '2026-12-04T22:00', endsAt: '2026-12-05T02:00' },
      { startsAt: '2026-12-11T22:00', endsAt: '2026-12-12T02:00' },
    ]);
  });

  it('stops at the limit, and gives nothing for an unreadable schedule', () => {
    expect(occurrencesOf(scheduleFromForm({ ...everyFriday, weekdays: [1, 2, 3, 4, 5, 6, 7], until: '2027-12-31' }), 10)).toHaveLength(10);
    expect(occurrencesOf(scheduleFromForm({ ...everyFriday, date: '' }))).toEqual([]);
    expect(occurrencesOf(scheduleFromForm({ ...everyFriday, until: '2026-13-01' }))).toEqual([]);
  });
});

describe('scheduleFromForm and formFromSchedule', () => {
  it('round-trip a weekly schedule, with its weekdays sorted and unique', () => {
    const schedule = scheduleFromForm({ ...everyFriday, weekdays: [5, 2, 5] });
    expect(schedule).toEqual({ startsAt: '2026-12-04T08:30', endsAt: '2026-12-04T11:30', recurrence: { kind: 'weekly', weekdays: [2, 5], until: '2026-12-25' } });
    expect(formFromSchedule(schedule)).toEqual({ ...everyFriday, weekdays: [2, 5] });
  });

  it('reads a schedule the server sent as instants in Beijing time', () => {
    const form = formFromSchedule({ startsAt: '2026-12-04T00:30:00.000Z', endsAt: '2026-12-04T03:30:00.000Z', recurrence: { kind: 'once' } });
    expect(form).toMatchObject({ date: '2026-12-04', startTime: '08:30', endTime: '11:30', kind: 'once' });
  });
});
