import { describe, expect, it } from 'vitest';
import type { OperationSummary } from '@contracts/joint-operations';
import { noOperationFilters } from '../requests';
import { matchesFilters, sortForList } from './list-filter';

function operation(patch: Partial<OperationSummary>): OperationSummary {
  return {
    ref: 'JE-2026-0001',
    title: '青禾菜市场周边整治',
    target: '占道经营',
    status: 'confirming',
    leadDepartment: 'urban-management',
    departments: ['urban-management', 'commerce'],
    startsAt: '2026-12-04T08:30',
    endsAt: '2026-12-04T11:30',
    seriesRef: null,
    majorEvent: false,
    findings: 0,
    casesFiled: 0,
    ...patch,
  };
}

describe('matchesFilters', () => {
  it('matches everything without filters', () => {
    expect(matchesFilters(operation({}), noOperationFilters)).toBe(true);
  });

  it('filters by status, taking-part department, keyword and start date', () => {
    const op = operation({});
    expect(matchesFilters(op, { ...noOperationFilters, status: 'executing' })).toBe(false);
    expect(matchesFilters(op, { ...noOperationFilters, department: 'commerce' })).toBe(true);
    expect(matchesFilters(op, { ...noOperationFilters, department: 'sanitation' })).toBe(false);
    expect(matchesFilters(op, { ...noOperationFilters, q: '菜市场' })).toBe(true);
    expect(matchesFilters(op, { ...noOperationFilters, q: 'je-2026' })).toBe(true);
    expect(matchesFilters(op, { ...noOperationFilters, q: '烧烤' })).toBe(false);
    expect(matchesFilters(op, { ...noOperationFilters, from: '2026-12-01', to: '2026-12-04' })).toBe(true);
    expect(matchesFilters(op, { ...noOperationFilters, from: '2026-12-05' })).toBe(false);
    expect(matchesFilters(op, { ...noOperationFilters, seriesRef: 'JS-2026-0001' })).toBe(false);
    expect(matchesFilters({ ...op, seriesRef: 'JS-2026-0001' }, { ...noOperationFilters, seriesRef: 'JS-2026-0001' })).toBe(true);
  });
});

describe('sortForList', () => {
  it('lists coming operations soonest first, then past ones latest first', () => {
    const now = Date.parse('2026-12-05T00:00:00+08:00');
    const list = sortForList(
      [
        operation({ ref: 'past-early', startsAt: '2026-11-01T08:30', endsAt: '2026-11-01T11:30' }),
        operation({ ref: 'next-week', startsAt: '2026-12-11T08:30', endsAt: '2026-12-11T11:30' }),
        operation({ ref: 'past-late', startsAt: '2026-12-04T08:30', endsAt: '2026-12-04T11:30' }),
        operation({ ref: 'tomorrow', startsAt: '2026-12-05T08:30', endsAt: '2026-12-05T11:30' }),
      ],
      now,
    );
    expect(list.map((op) => op.ref)).toEqual(['tomorrow', 'next-week', 'past-late', 'past-early']);
  });
});
