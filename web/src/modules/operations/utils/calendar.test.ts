import { describe, expect, it } from 'vitest';
import type { OperationSummary } from '@contracts/joint-operations';
import { calendarDays, calendarEntries, operationsByDay, shiftAnchor, weekStart } from './calendar';

function operation(ref: string, startsAt: string): OperationSummary {
  return {
    ref,
    title: ref,
    target: '占道经营',
    status: 'confirming',
    leadDepartment: 'urban-management',
    departments: ['urban-management', 'commerce'],
    startsAt,
    endsAt: startsAt,
    seriesRef: null,
    majorEvent: false,
    findings: 0,
    casesFiled: 0,
  };
}

describe('calendarDays', () => {
  it('covers a month in whole weeks from Monday, marking the days of the neighbouring months', () => {
    // December 2026 starts on a Tuesday and ends on a Thursday
    const days = calendarDays('2026-12-17', 'month');
    expect(days).toHaveLength(35);
    expect(days[0]).toEqual({ date: '2026-11-30', inPeriod: false });
    expect(days[1]).toEqual({ date: '2026-12-01', inPeriod: true });
    expect(days.at(-1)).toEqual({ date: '2027-01-03', inPeriod: false });
  });

  it('gives a month that starts on a Monday no leading days', () => {
    const days = calendarDays('2027-02-10', 'month');
    expect(days[0]!.date).toBe('2027-02-01');
    expect(days).toHaveLength(28);
  });

  it('gives the seven days of the week in week mode', () => {
    expect(calendarDays('2026-12-06', 'week').map((day) => day.date)).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
    expect(weekStart('2026-11-30')).toBe('2026-11-30');
  });
});

describe('shiftAnchor', () => {
  it('moves a week or to the first of the next or previous month', () => {
    expect(shiftAnchor('2026-12-31', 'week', 1)).toBe('2027-01-07');
    expect(shiftAnchor('2026-12-31', 'month', 1)).toBe('2027-01-01');
    expect(shiftAnchor('2026-01-15', 'month', -1)).toBe('2025-12-01');
  });
});

describe('operationsByDay', () => {
  it('puts each operation on the Beijing day it starts, earliest first, and drops days not shown', () => {
    const days = calendarDays('2026-12-04', 'week');
    const byDay = operationsByDay(
      [operation('late', '2026-12-04T14:00'), operation('early', '2026-12-04T08:30'), operation('utc', '2026-12-02T17:00:00Z'), operation('later', '2026-12-20T08:30')],
      days,
    );
    expect(byDay.get('2026-12-04')!.map((op) => op.ref)).toEqual(['early', 'late']);
    // 17:00 UTC on the 2nd is 01:00 on the 3rd in Beijing
    expect(byDay.get('2026-12-03')!.map((op) => op.ref)).toEqual(['utc']);
    expect([...byDay.values()].flat()).toHaveLength(3);
  });
});

describe('calendarEntries', () => {
  it('puts operations and patrol occurrences on the same days, each kind keyed apart', () => {
    const entries = calendarEntries(
      [operation('JE-1', '2026-12-04T08:30')],
      [{ planRef: 'XC-1', title: '夜市巡查', seq: 3, startsAt: '2026-12-04T11:00:00.000Z', endsAt: '2026-12-04T13:00:00.000Z', departments: [], run: null }],
    );
    const byDay = operationsByDay(entries, calendarDays('2026-12-04', 'week'));
    expect(byDay.get('2026-12-04')!.map((e) => [e.kind, e.key])).toEqual([
      ['operation', 'operation:JE-1'],
      ['patrol', 'patrol:XC-1:3'],
    ]);
  });
});
