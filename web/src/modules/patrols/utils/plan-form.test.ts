import { describe, expect, it } from 'vitest';
import { emptyPlanForm, missingFields, planFromForm } from './plan-form';

describe('planFromForm', () => {
  it('builds the body of a weekly plan with a trimmed title and sorted weekdays', () => {
    const form = { ...emptyPlanForm('2026-12-04'), title: ' 夜市巡查 ', route: ['G2', 'G1'], team: [{ username: 'huanwei', departmentCode: 'sanitation' }] };
    form.schedule = { date: '2026-12-04', startTime: '19:00', endTime: '21:00', kind: 'weekly', weekdays: [5, 1], until: '2026-12-31' };
    expect(planFromForm(form)).toEqual({
      title: '夜市巡查',
      route: ['G2', 'G1'],
      team: [{ username: 'huanwei', departmentCode: 'sanitation' }],
      schedule: { startsAt: '2026-12-04T19:00', endsAt: '2026-12-04T21:00', recurrence: { kind: 'weekly', weekdays: [1, 5], until: '2026-12-31' } },
    });
  });
});

describe('missingFields', () => {
  it('names every field still empty', () => {
    const form = emptyPlanForm('2026-12-04');
    form.schedule.startTime = '';
    expect(missingFields(form)).toEqual(['title', 'route', 'team', 'schedule']);
  });

  it('is empty once everything is filled', () => {
    const form = { ...emptyPlanForm('2026-12-04'), title: '巡查', route: ['G1'], team: [{ username: 'a', departmentCode: 'b' }] };
    form.schedule = { ...form.schedule, startTime: '08:00', endTime: '09:00' };
    expect(missingFields(form)).toEqual([]);
  });
});
