import { describe, expect, it } from 'vitest';
import { changeRows, diffMarkers } from './diff-markers';

const changes = {
  added: [{ id: 'confirm', name: '网格员确认', type: 'UserTask' }],
  removed: [{ id: 'approve', type: 'UserTask' }],
  changed: [{ id: 'notify', type: 'ServiceTask', properties: [{ property: 'topic', before: 'a', after: 'b' }] }],
  moved: [{ id: 'end', type: 'EndEvent' }],
};

describe('diffMarkers', () => {
  it('marks removed elements on the left, added on the right, changed and moved on both', () => {
    expect(diffMarkers(changes)).toEqual({
      left: { approve: ['pv-removed'], notify: ['pv-changed'], end: ['pv-moved'] },
      right: { confirm: ['pv-added'], notify: ['pv-changed'], end: ['pv-moved'] },
    });
  });
});

describe('changeRows', () => {
  it('lists changed elements first, then added, removed and moved', () => {
    expect(changeRows(changes).map((row) => [row.id, row.kind])).toEqual([
      ['notify', 'changed'],
      ['confirm', 'added'],
      ['approve', 'removed'],
      ['end', 'moved'],
    ]);
  });
});
