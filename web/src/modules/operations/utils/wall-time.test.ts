import { describe, expect, it } from 'vitest';
import { addDays, formatWall, isDateOnly, isoWeekday, isWallTime, toWallTime, wallMillis } from './wall-time';

describe('wall time', () => {
  it('reads wall times as they are and instants in Beijing time', () => {
    expect(toWallTime('2026-12-04T08:30')).toBe('2026-12-04T08:30');
    expect(toWallTime('2026-12-04T08:30:15')).toBe('2026-12-04T08:30');
    expect(toWallTime('2026-12-03T16:30:00.000Z')).toBe('2026-12-04T00:30');
    expect(toWallTime('2026-12-04T08:30:00+08:00')).toBe('2026-12-04T08:30');
    expect(formatWall('2026-12-04T08:30')).toBe('2026-12-04 08:30');
    expect(formatWall(null)).toBe('—');
  });

  it('compares a wall time with the instant it names', () => {
    expect(wallMillis('2026-12-04T08:30')).toBe(Date.parse('2026-12-04T00:30:00Z'));
    expect(wallMillis('soon')).toBeNaN();
  });

  it('refuses dates and times that do not exist', () => {
    expect(isWallTime('2026-02-29T08:00')).toBe(false);
    expect(isWallTime('2026-12-04T24:00')).toBe(false);
    expect(isWallTime('2026-12-04T23:59')).toBe(true);
    expect(isDateOnly('2028-02-29')).toBe(true);
    expect(isDateOnly('2026-12-4')).toBe(false);
  });

  it('counts days and weekdays across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(isoWeekday('2026-12-04')).toBe(5);
    expect(isoWeekday('2026-12-06')).toBe(7);
    expect(isoWeekday('2026-11-30')).toBe(1);
  });
});
