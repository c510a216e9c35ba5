import { describe, expect, it } from 'vitest';
import { draftFromPlan, emptyDraft, followSchedule, planFromDraft, suggestedBriefingAt } from './plan-draft';

describe('emptyDraft', () => {
  it('suggests tomorrow 08:30–11:30 with confirmation the evening before and the briefing half an hour ahead', () => {
    const draft = emptyDraft('2026-12-03');
    expect(draft.schedule).toMatchObject({ date: '2026-12-04', startTime: '08:30', endTime: '11:30', kind: 'once' });
    expect(draft.confirmBy).toBe('2026-12-03T17:00');
    expect(draft.briefing.at).toBe('2026-12-04T08:00');
  });
});

describe('followSchedule', () => {
  it('moves suggested deadlines with the date and start, and keeps those set by hand', () => {
    // given a draft whose briefing was set by hand
    const draft = emptyDraft('2026-12-03');
    const previous = { ...draft.schedule };
    draft.briefing.at = '2026-12-03T16:00';
    // when the operation moves to the 11th at 09:00
    draft.schedule = { ...draft.schedule, date: '2026-12-11', startTime: '09:00' };
    const moved = followSchedule(draft, previous);
    // then the suggested confirmation follows and the hand-set briefing stays
    expect(moved.confirmBy).toBe('2026-12-10T17:00');
    expect(moved.briefing.at).toBe('2026-12-03T16:00');
  });

  it('suggests the briefing at midnight for an operation that starts before 00:30', () => {
    expect(suggestedBriefingAt('2026-12-04', '00:15')).toBe('2026-12-04T00:00');
    expect(suggestedBriefingAt('2026-12-04', '')).toBe('');
  });
});

describe('planFromDraft and draftFromPlan', () => {
  it('send trimmed text and a contract schedule, and read back the same draft', () => {
    const draft = {
      ...emptyDraft('2026-12-03'),
      title: ' 青禾菜市场周边整治 ',
      target: '占道经营 ',
      gridCodes: ['QH01010001'],
      leadDepartment: 'urban-management',
      participants: [{ departmentCode: 'urban-management', tasks: ' 清理占道摊点 ' }],
      schedule: { date: '2026-12-04', startTime: '08:30', endTime: '11:30', kind: 'weekly' as const, weekdays: [5], until: '2026-12-25' },
    };
    const plan = planFromDraft(draft);
    expect(plan).toMatchObject({
      title: '青禾菜市场周边整治',
      target: '占道经营',
      participants: [{ departmentCode: 'urban-management', tasks: '清理占道摊点' }],
      schedule: { startsAt: '2026-12-04T08:30', endsAt: '2026-12-04T11:30', recurrence: { kind: 'weekly', weekdays: [5], until: '2026-12-25' } },
    });
    expect(planFromDraft(draftFromPlan(plan))).toEqual(plan);
  });

  it('reads deadlines the server sent as instants as Beijing wall times', () => {
    const plan = planFromDraft(emptyDraft('2026-12-03'));
    const draft = draftFromPlan({ ...plan, confirmBy: '2026-12-03T09:00:00.000Z', briefing: { at: '2026-12-04T00:00:00Z', place: '会议室' } });
    expect(draft.confirmBy).toBe('2026-12-03T17:00');
    expect(draft.briefing.at).toBe('2026-12-04T08:00');
  });
});
