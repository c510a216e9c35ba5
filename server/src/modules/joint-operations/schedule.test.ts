import { describe, expect, it } from 'vitest';
import type { OperationPlanInput } from '../../contracts/joint-operations.js';
import { beijingLocal, beijingWeekday, nextOccurrence, parseBeijingTime, planOfOccurrence } from './schedule.js';

const bj = (local: string) => new Date(`${local}+08:00`);

describe('Beijing wall-clock times of plans', () => {
  it.each([
    ['2026-12-04T08:30', bj('2026-12-04T08:30')],
    ['2026-12-04T08:30:15', bj('2026-12-04T08:30:15')],
    ['2026-12-04T00:30:00Z', bj('2026-12-04T08:30')],
    ['2026-12-04T08:30:00+08:00', bj('2026-12-04T08:30')],
  ])('reads %s', (text, instant) => {
    expect(parseBeijingTime(text)).toEqual(instant);
  });

  it.each(['2026-12-04', '2026-12-04 08:30', '2026-13-04T08:30', 'Friday 08:30', ''])('refuses %j', (text) => {
    expect(parseBeijingTime(text)).toBeUndefined();
  });

  it('writes an instant back as its Beijing wall-clock time, with seconds only when it has them', () => {
    expect(beijingLocal(bj('2026-12-04T08:30'))).toBe('2026-12-04T08:30');
    expect(beijingLocal(bj('2026-12-04T08:30:15'))).toBe('2026-12-04T08:30:15');
  });

  it('names the weekday of the Beijing date, Monday 1 to Sunday 7', () => {
    expect(beijingWeekday(bj('2026-12-04T08:30'))).toBe(5);
    expect(beijingWeekday(bj('2026-12-06T23:59'))).toBe(7);
    expect(beijingWeekday(bj('2026-12-07T00:00'))).toBe(1);
  });
});

describe('next occurrence of a weekly series', () => {
  const fridays = { firstStartsAt: bj('2026-12-04T08:30'), weekdays: [5], until: '2026-12-18' };
  const tuesdaysAndFridays = { firstStartsAt: bj('2026-12-01T08:30'), weekdays: [2, 5], until: '2026-12-11' };

  it('is the first occurrence to begin with', () => {
    expect(nextOccurrence(fridays, null)).toEqual(bj('2026-12-04T08:30'));
  });

  it('is the same time on the next listed weekday', () => {
    expect(nextOccurrence(fridays, bj('2026-12-04T08:30'))).toEqual(bj('2026-12-11T08:30'));
    expect(nextOccurrence(tuesdaysAndFridays, bj('2026-12-01T08:30'))).toEqual(bj('2026-12-04T08:30'));
    expect(nextOccurrence(tuesdaysAndFridays, bj('2026-12-04T08:30'))).toEqual(bj('2026-12-08T08:30'));
  });

  it('may fall on the last day, and not after it', () => {
    expect(nextOccurrence(fridays, bj('2026-12-11T08:30'))).toEqual(bj('2026-12-18T08:30'));
    expect(nextOccurrence(fridays, bj('2026-12-18T08:30'))).toBeUndefined();
    expect(nextOccurrence(tuesdaysAndFridays, bj('2026-12-08T08:30'))).toEqual(bj('2026-12-11T08:30'));
    expect(nextOccurrence(tuesdaysAndFridays, bj('2026-12-11T08:30'))).toBeUndefined();
  });
});

describe('the plan of one occurrence', () => {
  it('moves every time of the first occurrence to the occurrence, and runs once', () => {
    // given
    const first = {
      schedule: { startsAt: '2026-12-04T08:30', endsAt: '2026-12-04T11:30', recurrence: { kind: 'weekly', weekdays: [5], until: '2027-01-29' } },
      confirmBy: '2026-12-03T17:00',
      briefing: { at: '2026-12-04T08:00', place: '菜场管理办公室' },
      title: '每周五占道经营整治',
    } as unknown as OperationPlanInput;

    // when
    const plan = planOfOccurrence(first, bj('2026-12-18T08:30'));

    // then
    expect(plan).toMatchObject({
      title: '每周五占道经营整治',
      schedule: { startsAt: '2026-12-18T08:30', endsAt: '2026-12-18T11:30', recurrence: { kind: 'once' } },
      confirmBy: '2026-12-17T17:00',
      briefing: { at: '2026-12-18T08:00', place: '菜场管理办公室' },
    });
  });
});
