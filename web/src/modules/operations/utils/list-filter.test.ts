import { describe, expect, it } from 'vitest';
import type { OperationSummary } from '@contracts/joint-operations';
import type { PatrolOccurrence, PatrolPlanSummary } from '@contracts/patrols';
import { noOperationFilters } from '../requests';
import { consoleEntries, matchesFilters, occurrenceMatchesFilters, sortForList } from './list-filter';

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

function plan(patch: Partial<PatrolPlanSummary> = {}): PatrolPlanSummary {
  return {
    ref: 'XC-2026-0001',
    title: '菜场周边夜间联合巡查',
    route: ['G1', 'G2'],
    departments: ['sanitation', 'public-security'],
    members: 2,
    schedule: { startsAt: '2026-12-04T19:00', endsAt: '2026-12-04T21:00', recurrence: { kind: 'once' } },
    status: 'active',
    nextRun: null,
    lastRun: null,
    runCount: 0,
    createdBy: 'xietiao',
    createdByName: '联合行动协调员 陈刚',
    createdAt: '2026-12-01T00:00:00.000Z',
    ...patch,
  };
}

describe('consoleEntries', () => {
  it('lists operations and patrols together, or one kind alone', () => {
    const both = consoleEntries([operation({})], [plan()], noOperationFilters, '');
    expect(both.map((e) => [e.kind, e.key])).toEqual([
      ['operation', 'operation:JE-2026-0001'],
      ['patrol', 'patrol:XC-2026-0001'],
    ]);
    expect(consoleEntries([operation({})], [plan()], noOperationFilters, 'patrol').map((e) => e.kind)).toEqual(['patrol']);
    expect(consoleEntries([operation({})], [plan()], noOperationFilters, 'operation').map((e) => e.kind)).toEqual(['operation']);
  });

  it('places a patrol at its next run, else at its first window', () => {
    const nextRun = { ref: 'XC-2026-0001-02', planRef: 'XC-2026-0001', title: 't', seq: 2, startsAt: '2026-12-11T11:00:00.000Z', endsAt: '2026-12-11T13:00:00.000Z', status: 'scheduled' as const, gridsTotal: 2, gridsVisited: 0, gridsUnvisited: 0, findingCount: 0 };
    expect(consoleEntries([], [plan({ nextRun })], noOperationFilters, '')[0]).toMatchObject({ startsAt: nextRun.startsAt, endsAt: nextRun.endsAt });
    expect(consoleEntries([], [plan()], noOperationFilters, '')[0]).toMatchObject({ startsAt: '2026-12-04T19:00', endsAt: '2026-12-04T21:00' });
  });

  it('filters patrols by department and keyword, and leaves them out under an operation status or series', () => {
    const rows = (filters: Partial<typeof noOperationFilters>) => consoleEntries([], [plan()], { ...noOperationFilters, ...filters }, '').length;
    expect(rows({ department: 'sanitation' })).toBe(1);
    expect(rows({ department: 'commerce' })).toBe(0);
    expect(rows({ q: '夜间' })).toBe(1);
    expect(rows({ q: 'xc-2026-0001' })).toBe(1);
    expect(rows({ q: '烧烤' })).toBe(0);
    expect(rows({ status: 'executing' })).toBe(0);
    expect(rows({ seriesRef: 'JS-2026-0001' })).toBe(0);
  });
});

describe('occurrenceMatchesFilters', () => {
  it('matches a calendar occurrence by department, keyword and day', () => {
    const occurrence: PatrolOccurrence = { planRef: 'XC-2026-0001', title: '夜市巡查', seq: 1, startsAt: '2026-12-04T11:00:00.000Z', endsAt: '2026-12-04T13:00:00.000Z', departments: ['sanitation'], run: null };
    expect(occurrenceMatchesFilters(occurrence, { ...noOperationFilters, from: '2026-12-04', to: '2026-12-04', department: 'sanitation' })).toBe(true);
    expect(occurrenceMatchesFilters(occurrence, { ...noOperationFilters, from: '2026-12-05' })).toBe(false);
    expect(occurrenceMatchesFilters(occurrence, { ...noOperationFilters, q: '夜市' })).toBe(true);
  });
});
