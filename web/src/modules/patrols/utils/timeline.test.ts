import { describe, expect, it } from 'vitest';
import type { PatrolRunDetail } from '@contracts/patrols';
import { runTimeline } from './timeline';

const run = (fields: Partial<PatrolRunDetail> = {}): PatrolRunDetail => ({
  ref: 'XC-2026-0001-01',
  planRef: 'XC-2026-0001',
  title: '菜场周边联合巡查',
  seq: 1,
  startsAt: '2026-12-04T00:30:00.000Z',
  endsAt: '2026-12-04T03:30:00.000Z',
  status: 'in-progress',
  startedAt: '2026-12-04T00:30:02.000Z',
  roundEndedAt: null,
  gridsTotal: 2,
  gridsVisited: 1,
  gridsUnvisited: 0,
  findingCount: 1,
  team: [],
  route: [
    { seq: 1, gridCode: 'G1', gridName: '稻香社区0001号网格', status: 'visited', checkIns: [{ id: 1, gridCode: 'G1', username: 'gongan', displayName: '公安联络员 周杰', departmentCode: 'public-security', lng: 0, lat: 0, at: '2026-12-04T00:40:00.000Z' }] },
    { seq: 2, gridCode: 'G2', gridName: '稻香社区0002号网格', status: 'pending', checkIns: [] },
  ],
  findings: [{ id: 1, description: '暴露垃圾', lng: 0, lat: 0, gridCode: 'G1', categoryCode: 'E0102', categoryName: '暴露垃圾', caseNo: 'C1', caseStatus: 'registered', recordedBy: 'huanwei', recordedByName: null, departmentCode: 'sanitation', recordedAt: '2026-12-04T00:50:00.000Z' }],
  unvisitedGrids: [],
  report: null,
  review: null,
  ...fields,
});

describe('runTimeline', () => {
  it('tells a run in progress newest first, naming people and grids', () => {
    expect(runTimeline(run()).map((e) => [e.kind, e.params])).toEqual([
      ['finding', { name: 'huanwei', caseNo: 'C1', description: '暴露垃圾' }],
      ['checkIn', { name: '公安联络员 周杰', grid: '稻香社区0001号网格' }],
      ['started', {}],
    ]);
  });

  it('adds the end of the round, the report and the review once they exist', () => {
    const done = run({ status: 'finished', roundEndedAt: '2026-12-04T03:30:00.000Z', report: { summary: '…', generatedAt: '2026-12-04T03:30:05.000Z' }, review: { by: 'xietiao', byName: '联合行动协调员 陈刚', comment: '下次优先', at: '2026-12-04T05:00:00.000Z' } });
    expect(runTimeline(done).slice(0, 3).map((e) => [e.kind, e.at])).toEqual([
      ['review', '2026-12-04T05:00:00.000Z'],
      ['report', '2026-12-04T03:30:05.000Z'],
      ['roundEnded', '2026-12-04T03:30:00.000Z'],
    ]);
  });

  it('has nothing to tell before the start', () => {
    expect(runTimeline(run({ status: 'scheduled', startedAt: null, route: [], findings: [] }))).toEqual([]);
  });
});
