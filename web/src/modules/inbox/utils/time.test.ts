import { describe, expect, it } from 'vitest';
import { beijingTime, timeLeft } from './time';

describe('beijingTime', () => {
  it('shows a UTC moment in Beijing time', () => {
    expect(beijingTime('2025-06-01T06:30:00Z')).toBe('2025-06-01 14:30');
  });

  it('rolls over to the next day after 16:00 UTC', () => {
    expect(beijingTime('2025-12-31T16:05:00Z')).toBe('2026-01-01 00:05');
  });

  it.each([null, undefined, '', 'not a date'])('shows a dash for %j', (value) => {
    expect(beijingTime(value)).toBe('—');
  });
});

describe('timeLeft', () => {
  const now = Date.parse('2025-06-01T06:00:00Z');

  it.each([
    ['2025-06-01T09:20:00Z', { overdue: false, days: 0, hours: 3, minutes: 20 }],
    ['2025-06-01T06:00:30Z', { overdue: false, days: 0, hours: 0, minutes: 0 }],
    ['2025-05-31T04:00:00Z', { overdue: true, days: 1, hours: 2, minutes: 0 }],
    ['2025-06-01T05:59:00Z', { overdue: true, days: 0, hours: 0, minutes: 1 }],
  ])('splits the time until %s into days, hours and minutes', (due, expected) => {
    expect(timeLeft(due, now)).toEqual(expected);
  });

  it('has nothing to say about a task without a time limit', () => {
    expect(timeLeft(null, now)).toBeNull();
  });
});
