import { describe, expect, it } from 'vitest';
import { eventLines, personLabel } from './event-detail';

describe('eventLines', () => {
  it('shows a confirmation as people and vehicles with its note', () => {
    expect(eventLines({ type: 'confirmed', detail: { people: 8, vehicles: 2, note: '含执法车2辆' } })).toEqual([
      { key: 'resources', params: { people: 8, vehicles: 2 } },
      { text: '含执法车2辆' },
    ]);
  });

  it('shows the reason of a return and the comment of an approval as written', () => {
    expect(eventLines({ type: 'returned', detail: { reason: '区域划定过大，请缩小到菜市场周边' } })).toEqual([{ text: '区域划定过大，请缩小到菜市场周边' }]);
    expect(eventLines({ type: 'approved', detail: { comment: null } })).toEqual([]);
  });

  it('shows the briefing in Beijing time with its place', () => {
    expect(eventLines({ type: 'briefing-announced', detail: { at: '2026-12-04T00:00:00.000Z', place: '三楼会议室', participants: [] } })).toEqual([
      { key: 'briefing', params: { at: '2026-12-04 08:00', place: '三楼会议室' } },
    ]);
  });

  it('shows a finding with its measure, first-violation relief and case', () => {
    expect(eventLines({ type: 'finding-recorded', detail: { findingId: 3, measure: 'order-to-correct', firstViolationNoPenalty: true, shopId: 2, caseNo: 'LQ202612040001' } })).toEqual([
      { key: 'measure', params: { measure: 'order-to-correct' } },
      { key: 'firstViolation', params: {} },
      { key: 'caseNo', params: { no: 'LQ202612040001' } },
    ]);
  });

  it('lists every document issued and the crew sent, or that none was free', () => {
    expect(eventLines({ type: 'documents-issued', detail: { documents: [{ findingId: 1, documentNo: '青城责改〔2026〕1号' }, { findingId: 2, documentNo: '青城罚决〔2026〕1号' }] } })).toHaveLength(2);
    expect(eventLines({ type: 'crew-dispatched', detail: { crewCode: 'C1', crewName: '保洁一班', distanceM: 420 } })).toEqual([{ key: 'crew', params: { name: '保洁一班', distance: 420 } }]);
    expect(eventLines({ type: 'crew-dispatched', detail: { crewCode: null, crewName: null, distanceM: null } })).toEqual([{ key: 'noCrew', params: {} }]);
  });

  it('gives nothing for an event without detail', () => {
    expect(eventLines({ type: 'started', detail: null })).toEqual([]);
  });
});

describe('personLabel', () => {
  it.each([
    { username: 'zhihui', displayName: '指挥中心 王敏', expected: '指挥中心 王敏' },
    { username: 'duban', displayName: null, expected: 'duban' },
    { username: 'duban', displayName: undefined, expected: 'duban' },
    { username: 'worker:public-security', displayName: 'worker:public-security', expected: '' },
    { username: 'system', displayName: 'system', expected: '' },
    { username: null, displayName: null, expected: '' },
  ])('names $username as "$expected"', ({ username, displayName, expected }) => {
    expect(personLabel(username, displayName)).toBe(expected);
  });
});
