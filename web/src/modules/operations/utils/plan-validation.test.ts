import { describe, expect, it } from 'vitest';
import type { OperationPlanInput } from '@contracts/joint-operations';
import { planFieldPaths, validatePlan } from './plan-validation';

const now = new Date('2026-12-01T02:00:00Z'); // 10:00 in Beijing

function plan(patch: Partial<OperationPlanInput> = {}): OperationPlanInput {
  return {
    title: '青禾菜市场周边占道经营整治',
    target: '占道经营',
    targetCategoryCode: null,
    gridCodes: ['QH01010001', 'QH01010002'],
    schedule: { startsAt: '2026-12-04T08:30', endsAt: '2026-12-04T11:30', recurrence: { kind: 'once' } },
    leadDepartment: 'urban-management',
    participants: [
      { departmentCode: 'urban-management', tasks: '清理占道摊点' },
      { departmentCode: 'public-security', tasks: '维持现场秩序' },
      { departmentCode: 'commerce', tasks: '核查营业执照' },
    ],
    confirmBy: '2026-12-03T17:00',
    briefing: { at: '2026-12-04T08:00', place: '青禾街道办事处三楼会议室' },
    majorEvent: false,
    ...patch,
  };
}

const paths = (input: OperationPlanInput) => validatePlan(input, now).map((issue) => `${issue.path}:${issue.key}`);

describe('validatePlan', () => {
  it('accepts a complete plan of three departments', () => {
    expect(validatePlan(plan(), now)).toEqual([]);
  });

  it('asks for the title, the target, the grids and the briefing place', () => {
    expect(paths(plan({ title: '  ', target: '', gridCodes: [], briefing: { at: '2026-12-04T08:00', place: '' } }))).toEqual([
      'title:required',
      'target:required',
      'gridCodes:gridsRequired',
      'briefing.place:required',
    ]);
  });

  it('refuses a one-character title, as the server does', () => {
    expect(paths(plan({ title: '查' }))).toEqual(['title:tooShort']);
  });

  it('refuses a window that starts in the past, ends before it starts or lasts over a week', () => {
    expect(paths(plan({ schedule: { startsAt: '2026-12-01T09:00', endsAt: '2026-12-01T08:00', recurrence: { kind: 'once' } }, confirmBy: '2026-12-01T08:30', briefing: { at: '2026-12-01T07:00', place: '会议室' } }))).toEqual([
      'schedule.startsAt:startsInPast',
      'schedule.endsAt:endsBeforeStart',
    ]);
    expect(paths(plan({ schedule: { startsAt: '2026-12-04T08:30', endsAt: '2026-12-11T08:31', recurrence: { kind: 'once' } } }))).toEqual(['schedule.endsAt:windowTooLong']);
  });

  it('asks a weekly series for weekdays that include its first day, and a last date within a year of it', () => {
    const weekly = (weekdays: number[], until: string) => plan({ schedule: { startsAt: '2026-12-04T08:30', endsAt: '2026-12-04T11:30', recurrence: { kind: 'weekly', weekdays, until } } });
    expect(paths(weekly([], '2026-12-25'))).toEqual(['schedule.recurrence.weekdays:weekdaysRequired']);
    expect(paths(weekly([1], '2026-12-25'))).toEqual(['schedule.recurrence.weekdays:firstDayNotChosen']);
    expect(paths(weekly([5], '2026-12-01'))).toEqual(['schedule.recurrence.until:untilBeforeStart']);
    expect(paths(weekly([5], ''))).toEqual(['schedule.recurrence.until:required']);
    expect(paths(weekly([5], '2027-12-06'))).toEqual(['schedule.recurrence.until:seriesTooLong']);
    expect(paths(weekly([5], '2027-12-05'))).toEqual([]);
  });

  it('needs a department, each once and with its tasks, and a lead among them', () => {
    expect(paths(plan({ participants: [], leadDepartment: '' }))).toEqual(['participants:departmentsRequired', 'leadDepartment:required']);
    expect(
      paths(
        plan({
          leadDepartment: 'sanitation',
          participants: [
            { departmentCode: 'urban-management', tasks: '清理占道摊点' },
            { departmentCode: 'public-security', tasks: '' },
            { departmentCode: 'urban-management', tasks: '重复' },
          ],
        }),
      ),
    ).toEqual(['participants.1.tasks:required', 'participants.2.departmentCode:duplicateDepartment', 'leadDepartment:leadNotParticipating']);
  });

  it('needs the confirmation deadline and the briefing no later than the start', () => {
    expect(paths(plan({ confirmBy: '2026-12-04T08:30', briefing: { at: '2026-12-04T08:30', place: '会议室' } }))).toEqual([]);
    expect(paths(plan({ confirmBy: '2026-12-04T09:00', briefing: { at: '2026-12-04T09:00', place: '会议室' } }))).toEqual(['confirmBy:confirmAfterStart', 'briefing.at:briefingAfterStart']);
  });

  it('refuses text longer than the server keeps', () => {
    expect(validatePlan(plan({ title: '整'.repeat(129) }), now)).toEqual([{ path: 'title', key: 'tooLong', params: { max: 128 } }]);
  });
});

describe('planFieldPaths', () => {
  it.each(['title', 'gridCodes', 'schedule.recurrence', 'schedule.recurrence.until', 'participants', 'participants.2.tasks', 'briefing.place', 'revisionNote'])('places %s at a field', (path) => {
    expect(planFieldPaths.test(path)).toBe(true);
  });

  it.each(['', 'schedule', 'briefing', 'participants.2'])('lists %s above the form', (path) => {
    expect(planFieldPaths.test(path)).toBe(false);
  });
});
